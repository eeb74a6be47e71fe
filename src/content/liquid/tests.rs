//! The engine as pages use it: tags, filters, Jekyll's leniency and its messages.

use std::collections::BTreeMap;
use std::sync::Arc;

use liquid::model::{Object, ValueView};
use liquid::object;

use super::*;
use crate::content::diagnostics::Position;
use crate::content::repository::SourceFile;

fn engine(includes: &[(&str, &str)]) -> Liquid {
    let includes = includes
        .iter()
        .map(|(name, text)| {
            (
                name.to_string(),
                SourceFile::new(&format!("_includes/{name}"), text),
            )
        })
        .collect();
    Liquid::new(
        &includes,
        "https://example.org",
        "/scc",
        false,
        Arc::new(|md: &str| format!("<p>{}</p>", md.trim())),
    )
}

/// The variables of `globals`, as a render takes them.
fn variables(globals: &Object) -> Vec<(&str, &dyn ValueView)> {
    globals
        .iter()
        .map(|(k, v)| (k.as_str(), v as &dyn ValueView))
        .collect()
}

fn render(engine: &Liquid, text: &str, globals: &Object) -> (Option<String>, Vec<String>) {
    let mut diagnostics = Vec::new();
    let out = engine.render(
        "content/p.md",
        Position::new(5, 1),
        text,
        &variables(globals),
        &mut diagnostics,
    );
    (out, crate::content::diagnostics::first_lines(&diagnostics))
}

#[test]
fn data_is_reached_by_its_path() {
    let globals = object!({"site": {"data": {"images": {"moss": {"src": "/assets/moss.jpg"}}}}});
    let (out, problems) = render(&engine(&[]), "{{ site.data.images.moss.src }}", &globals);
    assert_eq!(out.as_deref(), Some("/assets/moss.jpg"));
    assert!(problems.is_empty());
}

#[test]
fn jekyll_filters_work() {
    let e = engine(&[]);
    let g = object!({"list": [{"n": "b", "k": 2}, {"n": "a", "k": 1}], "d": "2021-01-14 14:20:00 +0000"});
    let cases = [
        ("{{ '/about/' | relative_url }}", "/about/"),
        ("{{ 'about' | relative_url }}", "/about"),
        ("{{ '/a' | absolute_url }}", "https://example.org/scc/a"),
        ("{{ 'https://x.org/' | relative_url }}", "https://x.org/"),
        ("{{ '*x*' | markdownify }}", "<p>*x*</p>"),
        ("{{ list | sort: 'n' | map: 'n' | join: ',' }}", "a,b"),
        ("{{ list | where: 'k', 1 | map: 'n' | join: ',' }}", "a"),
        ("{{ d | date: '%Y-%m' }}", "2021-01"),
        ("{{ 'Hello World!' | slugify }}", "hello-world"),
        ("{{ '<b>x</b>' | strip_html }}", "x"),
        (
            "{{ 'one two three four' | truncatewords: 2 }}",
            "one two...",
        ),
        // As Ruby Liquid: runs of white space part words, 15 by default, at least 1.
        ("{{ 'a  b \n  c d' | truncatewords: 2 }}", "a b..."),
        ("{{ ' one  two ' | truncatewords: 2 }}", " one  two "),
        ("{{ 'a b c' | truncatewords: 0 }}", "a..."),
        ("{{ 'a b c' | truncatewords: 1, '' }}", "a"),
        (
            "{{ '1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16' | truncatewords }}",
            "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15...",
        ),
        ("{{ list | first | jsonify }}", "{\"k\":2,\"n\":\"b\"}"),
        (
            "{% assign t = '{{ d | date: \"%Y\" }}' %}{{ t | liquify }}",
            "2021",
        ),
    ];
    for (text, expected) in cases {
        let (out, problems) = render(&e, text, &g);
        assert_eq!(out.as_deref(), Some(expected), "{text}: {problems:?}");
    }
}

#[test]
fn tags_work() {
    let e = engine(&[
        ("note.html", "<aside>{{ include.text }}</aside>"),
        ("blocks/card.html", "<div>{{ include.title }}</div>"),
    ]);
    let g = object!({"items": ["a", "b"]});
    let cases = [
        ("{% comment %}gone{% endcomment %}x", "x"),
        ("{% raw %}{{ kept }}{% endraw %}", "{{ kept }}"),
        ("{% assign n = 2 %}{{ n }}", "2"),
        ("{% capture c %}in{% endcapture %}{{ c }}", "in"),
        ("{% for i in items %}{{ i }}{% endfor %}", "ab"),
        ("{% if items.size > 1 %}many{% endif %}", "many"),
        ("{% include note.html text=\"hi\" %}", "<aside>hi</aside>"),
        (
            "{% include \"note.html\" text=\"hi\" %}",
            "<aside>hi</aside>",
        ),
        // Jekyll's includes in folders.
        ("{% include blocks/card.html title=\"T\" %}", "<div>T</div>"),
        (
            "{% highlight ruby %}\nputs 1 < 2\n{% endhighlight %}",
            "<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\">puts 1 &lt; 2</code></pre></figure>",
        ),
    ];
    for (text, expected) in cases {
        let (out, problems) = render(&e, text, &g);
        assert_eq!(out.as_deref(), Some(expected), "{text}: {problems:?}");
    }
}

#[test]
fn an_unknown_filter_is_skipped_with_a_warning_at_its_line() {
    let (out, problems) = render(
        &engine(&[]),
        "a\n{{ 'x' | nosuch | upcase }}",
        &Object::new(),
    );
    assert_eq!(out.as_deref(), Some("a\nX"));
    assert_eq!(
        problems,
        ["content/p.md:6:10: warning: the Liquid filter `nosuch` is unknown, so it is skipped"]
    );
}

#[test]
fn common_slips_are_said_in_the_editors_terms_where_they_are_written() {
    let problems = |text: &str| {
        let mut diagnostics = Vec::new();
        let out = engine(&[]).render(
            "content/p.md",
            Position::new(5, 1),
            text,
            &[],
            &mut diagnostics,
        );
        assert_eq!(out, None, "{text}");
        diagnostics
            .iter()
            .map(|d| {
                format!(
                    "{}:{} {} / {}",
                    d.line,
                    d.column,
                    d.message,
                    d.hint.clone().unwrap_or_default()
                )
            })
            .collect::<Vec<_>>()
    };
    // The parser says `expected Literal` at the filter; the slip is the `}` missing.
    assert_eq!(
        problems("a\nb {{ page.title | upcase }\n"),
        [
            "6:3 this `{{` is not closed with `}}` / end it with `}}` on the same line, or write `{% raw %}{{{% endraw %}` if it is not Liquid"
        ]
    );
    // The parser points at the end of the text; the slip is the first `if` left open.
    assert_eq!(
        problems("{% if a %}{% if b %}x{% endif %}\n\ntext"),
        [
            "5:1 this `{% if %}` is never closed / add `{% endif %}` where its part ends (Jekyll fails on it too)"
        ]
    );
    assert_eq!(
        problems("x\n  {% for item in %}{% endfor %}"),
        [
            "6:3 this Liquid cannot be read: Array or range expected / check what is written between the braces; text that is not Liquid goes in `{% raw %}...{% endraw %}`"
        ]
    );
}

#[test]
fn an_unknown_tag_is_an_error_at_its_line() {
    let (out, problems) = render(&engine(&[]), "a\nb {% nosuch x %}", &Object::new());
    assert_eq!(out, None);
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with("content/p.md:6:3: error: this Liquid cannot be read"),
        "{problems:?}"
    );
}

#[test]
fn an_undefined_variable_renders_as_nothing_with_a_warning() {
    let globals = object!({"site": {"data": {"images": {}}}});
    let (out, problems) = render(
        &engine(&[]),
        "a{{ site.data.images.moss.src }}b{{ nothing }}c{% if site.data.images.fern %}x{% endif %}",
        &globals,
    );
    assert_eq!(out.as_deref(), Some("abc"));
    assert_eq!(
        problems,
        [
            "content/p.md:5:22: warning: `site.data.images.moss` is not defined, so it renders as nothing",
            "content/p.md:5:37: warning: `nothing` is not defined, so it renders as nothing",
        ]
    );
}

#[test]
fn a_loop_over_an_object_goes_in_written_order() {
    let mut e = engine(&[]);
    let globals = object!({"site": {"data": {"images": {"b": {"src": "2"}, "a": {"src": "1"}, "c": {"src": "3"}}}}});
    let text = "{% for item in site.data.images %}{{ item[0] }}={{ item[1].src }} {% endfor %}";
    assert_eq!(
        render(&e, text, &globals).0.as_deref(),
        Some("a=1 b=2 c=3 "),
        "the keys' order without a known order"
    );
    e.set_key_order(
        [(
            "site.data.images".to_owned(),
            vec!["c".into(), "a".into(), "b".into()],
        )]
        .into(),
    );
    assert_eq!(
        render(&e, text, &globals).0.as_deref(),
        Some("c=3 a=1 b=2 ")
    );
    let array = object!({"list": [3, 1, 2]});
    assert_eq!(
        render(&e, "{% for i in list %}{{ i }}{% endfor %}", &array)
            .0
            .as_deref(),
        Some("312")
    );
}

#[test]
fn a_missing_include_is_an_error() {
    let (out, problems) = render(&engine(&[]), "{% include nothere.html %}", &Object::new());
    assert_eq!(out, None);
    assert!(problems[0].contains("error: this Liquid"), "{problems:?}");
}

/// Every filter as Ruby's Liquid 4 and Jekyll 4 give it, over inputs the `liquid` crate refuses.
#[test]
fn filters_answer_as_ruby_and_jekyll_do() {
    let e = engine(&[]);
    let g = object!({
        "people": [
            {"name": "Ana", "year": "2021", "team": {"lead": true}},
            {"name": "bo", "year": 2019},
            {"name": "Cy", "tags": ["x", "y"]},
        ],
        "words": ["b", "a", "b", nil, "c"],
        "nested": [["a", "b"], ["c"]],
        "d": "2008-11-07 13:07:54 +0000",
        "day": "2021-02-03",
    });
    let cases = [
        // Lists from anything: nil is empty, a text one item, nested lists flat.
        ("{{ nothing | push: 'a' | size }}", "0"),
        ("{{ 'text' | push: 'a' }}", "text"),
        ("{{ nothing | uniq | size }}", "0"),
        ("{{ nothing | join: ',' }}", ""),
        ("{{ nested | join: '-' }}", "a-b-c"),
        ("{{ 'solo' | join: ',' }}", "solo"),
        ("{{ words | uniq | compact | join: ',' }}", "b,a,c"),
        (
            "{{ words | push: 'z' | pop: 2 | shift | join: ',' }}",
            "a,b,",
        ),
        ("{{ words | unshift: 'z' | first }}", "z"),
        ("{{ words | last }}", "c"),
        ("{{ 'text' | first }}", ""),
        (
            "{{ 'text' | size }}{{ words | size }}{{ nothing | size }}",
            "450",
        ),
        ("{{ words | compact | sort | join: ',' }}", "a,b,b,c"),
        (
            "{{ words | compact | sort_natural | reverse | join: ',' }}",
            "c,b,b,a",
        ),
        ("{{ words | concat: nested | size }}", "7"),
        ("{{ words | compact | sample }}", "b"),
        (
            "{{ nothing | slice: 0 }}|{{ 'Hello' | slice: -3, 2 }}|{{ 'Hello' | slice: 9 }}",
            "|ll|",
        ),
        // Nil is an empty text to every text filter, as Ruby's `to_s` makes it.
        (
            "{{ nothing | downcase | upcase | capitalize | escape | escape_once | url_encode | url_decode | truncate: 3 | truncatewords: 2 | strip | lstrip | rstrip | strip_html | strip_newlines | replace: 'a', 'b' | remove: 'a' | newline_to_br | split: ',' | size }}",
            "0",
        ),
        (
            "{{ nothing | round }}{{ nothing | ceil }}{{ nothing | floor }}{{ nothing | at_least: 1 }}{{ nothing | at_most: 1 }}",
            "00010",
        ),
        (
            "{{ 3.14159 | round: 2 }} {{ 2.5 | round }} {{ '4.2' | ceil }} {{ -4.2 | floor }} {{ 5 | at_least: 7 }} {{ 5.5 | at_most: 3 }}",
            "3.14 3 5 -5 7 3",
        ),
        (
            "{{ 'a b' | remove: nothing }}|{{ 'abc' | replace: '', '-' }}|{{ 'aXbX' | replace_first: 'X', nothing }}|{{ 'aXbX' | remove_first: 'X' }}",
            "a b|-a-b-c-|abX|abX",
        ),
        // Conditions as Ruby reads them: contains on nil is false, what cannot be compared is
        // neither less nor greater, `and`/`or` group from the right.
        (
            "{% if nothing contains ';' %}x{% else %}y{% endif %}{% if nothing > 3 %}x{% endif %}{% if 'abc' contains 'b' and words contains 'c' %}z{% endif %}",
            "yz",
        ),
        (
            "{% if false and false or true %}x{% else %}y{% endif %}{% unless nothing %}u{% elsif true %}e{% endunless %}{% if '' %}t{% endif %}{% if 0 %}0{% endif %}",
            "yut0",
        ),
        (
            "{% if 2 >= 2 and 1 < 2 and 'b' > 'a' and 3 != 4 and 3 <> 4 and people.first.team contains 'lead' %}ok{% endif %}",
            "ok",
        ),
        (
            "{% if d == blank %}b{% elsif nothing == empty %}e{% elsif nothing == nil %}n{% endif %}",
            "n",
        ),
        (
            "{{ ' a  b ' | split: ' ' | join: ',' }}|{{ 'abc' | split: '' | join: ',' }}|{{ 'a,b,,' | split: ',' | size }}|{{ nothing | split: ',' | size }}",
            "a,b|a,b,c|2|0",
        ),
        (
            "{{ words | slice: 1, 2 | join: ',' }}|{{ words | slice: -1 | join: ',' }}",
            "a,b|c",
        ),
        // Jekyll's properties: dotted, numbers in texts compared as numbers, nils first.
        (
            "{{ people | sort: 'year' | map: 'name' | join: ',' }}",
            "Cy,bo,Ana",
        ),
        (
            "{{ people | sort: 'year', 'last' | map: 'name' | join: ',' }}",
            "bo,Ana,Cy",
        ),
        (
            "{{ people | sort_natural: 'name' | map: 'name' | join: ',' }}",
            "Ana,bo,Cy",
        ),
        (
            "{{ people | where: 'year', 2021 | map: 'name' | join: ',' }}",
            "Ana",
        ),
        (
            "{{ people | where: 'tags', 'y' | map: 'name' | join: ',' }}",
            "Cy",
        ),
        (
            "{{ people | where: 'team.lead', true | map: 'name' | join: ',' }}",
            "Ana",
        ),
        ("{{ people | find: 'name', 'bo' | map: 'year' }}", "2019"),
        (
            "{{ people | where_exp: 'p', 'p.year < 2020 or p.team.lead' | map: 'name' | join: ',' }}",
            "Ana,bo",
        ),
        (
            "{{ people | find_exp: 'p', \"p.name == 'Cy'\" | map: 'name' }}",
            "Cy",
        ),
        (
            "{% assign g = people | group_by: 'year' %}{% for x in g %}{{ x.name }}:{{ x.size }};{% endfor %}",
            "2021:1;2019:1;:1;",
        ),
        (
            "{% assign g = people | group_by_exp: 'p', 'p.name | size' %}{% for x in g %}{{ x.name }}={{ x.items | map: 'name' | join: '+' }};{% endfor %}",
            "3=Ana;2=bo+Cy;",
        ),
        (
            "{{ words | compact | array_to_sentence_string }}",
            "b, a, b, and c",
        ),
        (
            "{{ people | map: 'name' | array_to_sentence_string: 'or' }}",
            "Ana, bo, or Cy",
        ),
        // Texts.
        (
            "{{ 'a < b & \"c\"' | xml_escape }}",
            "a &lt; b &amp; &quot;c&quot;",
        ),
        ("{{ 'a b&c/é' | cgi_escape }}", "a+b%26c%2F%C3%A9"),
        ("{{ 'a b/é?x=1%41' | uri_escape }}", "a%20b/%C3%A9?x=1A"),
        ("{{ ' one  two\n three ' | number_of_words }}", "3"),
        ("{{ '日本語 ok' | number_of_words: 'cjk' }}", "4"),
        ("{{ ' a \n\t b ' | normalize_whitespace }}", "a b"),
        (
            "{{ '12abc' | to_integer }}{{ true | to_integer }}{{ 3.9 | to_integer }}",
            "1213",
        ),
        (
            "{{ words | inspect }}",
            "[&quot;b&quot;, &quot;a&quot;, &quot;b&quot;, nil, &quot;c&quot;]",
        ),
        (
            "{{ 'The _config.yml file' | slugify }}",
            "the-config-yml-file",
        ),
        (
            "{{ 'The _config.yml file' | slugify: 'pretty' }}",
            "the-_config.yml-file",
        ),
        (
            "{{ 'The _config.yml file' | slugify: 'raw' }}",
            "the-_config.yml-file",
        ),
        ("{{ 'Café Ürün 日本' | slugify: 'latin' }}", "cafe-urun"),
        ("{{ 'Café Ürün' | slugify: 'ascii' }}", "caf-r-n"),
        ("{{ 'The File' | slugify: 'none' }}", "the file"),
        (
            "{{ \"Use 'Jekyll' --- it's <fast>...\" | smartify }}",
            "Use ‘Jekyll’ — it’s &lt;fast&gt;…",
        ),
        // Dates.
        ("{{ d | date_to_xmlschema }}", "2008-11-07T13:07:54+00:00"),
        (
            "{{ d | date_to_rfc822 }}",
            "Fri, 07 Nov 2008 13:07:54 +0000",
        ),
        ("{{ d | date_to_string }}", "07 Nov 2008"),
        (
            "{{ d | date_to_long_string: 'ordinal' }}",
            "7th November 2008",
        ),
        ("{{ d | date_to_string: 'ordinal', 'US' }}", "Nov 7th, 2008"),
        ("{{ day | date: '%-d %B %Y' }}", "3 February 2021"),
        ("{{ 'not a date' | date: '%Y' }}", "not a date"),
        ("{{ nothing | date_to_string }}", ""),
    ];
    for (template, expected) in cases {
        let (out, _) = render(&e, template, &g);
        assert_eq!(out.as_deref(), Some(expected), "{template}");
    }
}

/// What Ruby's lax parser reads is read, with a warning where it is written, and is an error
/// under `strict: true`.
#[test]
fn lax_liquid_is_read_as_ruby_reads_it_with_a_warning_at_each_slip() {
    let globals = object!({"site": {"data": {"photo": {"src": "/p.jpg"}}}, "events": [{"n": 1}]});
    let text = "x: \"{{  }}\"\n{{ site.data.photo\u{200E}.src }} | [M]({{ '/m' \\| upcase }})\n{{ a b c }}{% for e in events %}[{{ e.end }}]{% endfor %}";
    let (out, problems) = render(&engine(&[]), text, &globals);
    assert_eq!(out.as_deref(), Some("x: \"\"\n/p.jpg | [M](/M)\n[]"));
    assert_eq!(
        problems,
        [
            "content/p.md:5:5: warning: `{{ }}` holds nothing, so it renders as nothing",
            "content/p.md:6:19: warning: an invisible character (U+200E) in the Liquid is left out",
            "content/p.md:6:42: warning: `\\|` in the Liquid is read as `|` (a Markdown table's escape)",
            "content/p.md:7:1: warning: `{{ a b c }}` cannot be read (expected Literal), so it renders as nothing",
            "content/p.md:7:28: warning: `e.end` is not defined, so it renders as nothing",
        ]
    );
    let strict = Liquid::new(
        &BTreeMap::new(),
        "https://example.org",
        "",
        true,
        Arc::new(|md: &str| md.to_owned()),
    );
    let mut diagnostics = Vec::new();
    strict.render(
        "content/p.md",
        Position::new(5, 1),
        "{{ }}",
        &[],
        &mut diagnostics,
    );
    assert!(diagnostics.iter().all(|d| d.is_error()) && !diagnostics.is_empty());
}

/// A loop over an object met only as it renders (a CSV row) goes over its keys in the order
/// they were written (the file's header), or sorted when that is not known: the same every run.
#[test]
fn a_loop_over_a_row_follows_its_header() {
    let mut e = engine(&[]);
    e.set_key_orders(&[vec!["Genus".into(), "Status".into(), "Author".into()]]);
    let globals = object!({
        "rows": [{"Status": "valid", "Author": "Meyrick", "Genus": "Aroga"}],
        "other": [{"b": 2, "a": 1, "c": 3}],
    });
    let (out, _) = render(
        &e,
        "{% for row in rows %}{% for pair in row %}{{ pair[0] }}={{ pair[1] }};{% endfor %}{% endfor %}|{% for o in other %}{% for pair in o %}{{ pair[0] }}{% endfor %}{% endfor %}",
        &globals,
    );
    assert_eq!(
        out.as_deref(),
        Some("Genus=Aroga;Status=valid;Author=Meyrick;|abc")
    );
}
