//! The engine as pages use it: tags, filters, Jekyll's leniency and its messages.

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
