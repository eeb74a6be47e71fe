//! Arbitrary Liquid over arbitrary data: every template renders, or is refused, without a panic
//! anywhere, not even one the engine would catch (which would mean a crate's bug left unguarded).
//! Templates are made of Liquid's tags and every filter the engine has, with extreme numbers,
//! odd texts and missing variables as their arguments.

use std::sync::Arc;

use liquid::model::Object;
use proptest::prelude::*;

use super::Liquid;
use crate::content::diagnostics::Position;

/// Every filter the engine has, by name.
const FILTERS: &[&str] = &[
    "abs",
    "append",
    "at_least",
    "at_most",
    "capitalize",
    "ceil",
    "compact",
    "concat",
    "date",
    "default",
    "divided_by",
    "downcase",
    "escape",
    "escape_once",
    "first",
    "floor",
    "join",
    "last",
    "lstrip",
    "map",
    "minus",
    "modulo",
    "newline_to_br",
    "plus",
    "prepend",
    "remove",
    "remove_first",
    "replace",
    "replace_first",
    "reverse",
    "round",
    "rstrip",
    "size",
    "slice",
    "sort",
    "sort_natural",
    "split",
    "strip",
    "strip_html",
    "strip_newlines",
    "times",
    "truncate",
    "truncatewords",
    "uniq",
    "upcase",
    "url_decode",
    "url_encode",
    "where",
    "slugify",
    "pop",
    "push",
    "shift",
    "unshift",
    "array_to_sentence_string",
    "relative_url",
    "absolute_url",
    "markdownify",
    "liquify",
    "jsonify",
    "xml_escape",
    "cgi_escape",
    "uri_escape",
    "number_of_words",
    "normalize_whitespace",
    "to_integer",
    "inspect",
    "smartify",
    "date_to_xmlschema",
    "date_to_string",
    "find",
    "group_by",
    "sample",
];

fn operand() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("-9223372036854775808".to_owned()),
        Just("9223372036854775807".to_owned()),
        Just("0".to_owned()),
        Just("-1".to_owned()),
        Just("1.5".to_owned()),
        Just("\"\"".to_owned()),
        Just("\"a,b\"".to_owned()),
        Just("nil".to_owned()),
        Just("list".to_owned()),
        Just("text".to_owned()),
        Just("number".to_owned()),
        Just("missing.field".to_owned()),
        (-1000i64..1000).prop_map(|n| n.to_string()),
        "[a-z ]{0,5}".prop_map(|s| format!("\"{s}\"")),
    ]
}

fn filter() -> impl Strategy<Value = String> {
    (
        prop::sample::select(FILTERS),
        prop::collection::vec(operand(), 0..3),
    )
        .prop_map(|(name, args)| {
            if args.is_empty() {
                format!(" | {name}")
            } else {
                format!(" | {name}: {}", args.join(", "))
            }
        })
}

fn output() -> impl Strategy<Value = String> {
    (operand(), prop::collection::vec(filter(), 0..3))
        .prop_map(|(input, filters)| format!("{{{{ {input}{} }}}}", filters.concat()))
}

fn piece() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        output(),
        "[a-z<>&\" ]{0,8}",
        operand().prop_map(|v| format!("{{% assign x = {v} %}}")),
        Just("{% increment n %}{% decrement n %}".to_owned()),
        Just("{% cycle 'a', 'b' %}".to_owned()),
        Just("{{ x }}".to_owned()),
        Just("{% break %}{% continue %}".to_owned()),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        let body = prop::collection::vec(inner, 0..4).prop_map(|pieces| pieces.concat());
        (operand(), operand(), body).prop_flat_map(|(a, b, body)| {
            prop_oneof![
                Just(format!(
                    "{{% if {a} == {b} %}}{body}{{% else %}}x{{% endif %}}"
                )),
                Just(format!("{{% unless {a} %}}{body}{{% endunless %}}")),
                Just(format!(
                    "{{% for i in {a} limit: {b} %}}{body}{{% else %}}e{{% endfor %}}"
                )),
                Just(format!(
                    "{{% for i in ({a}..{b}) offset: 2 reversed %}}{body}{{% endfor %}}"
                )),
                Just(format!(
                    "{{% tablerow i in list cols: {b} %}}{body}{{% endtablerow %}}"
                )),
                Just(format!("{{% capture x %}}{body}{{% endcapture %}}")),
                Just(format!(
                    "{{% case {a} %}}{{% when {b} %}}{body}{{% else %}}c{{% endcase %}}"
                )),
            ]
        })
    })
}

fn data() -> Object {
    liquid::object!({
        "list": [1, "two", -9223372036854775808i64, 1.5, (), [3], {"k": "v"}],
        "text": "Hello <b>world</b> & co",
        "number": 9223372036854775807i64,
        "nil": (),
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_liquid_renders_without_a_panic(pieces in prop::collection::vec(piece(), 1..5)) {
        let template = pieces.concat();
        let engine = Liquid::new(
            &Default::default(),
            "https://example.org",
            "",
            false,
            Arc::new(|md: &str| md.to_owned()),
        );
        let data = data();
        let variables: Vec<(&str, &dyn liquid::model::ValueView)> =
            data.iter().map(|(k, v)| (k.as_str(), v as &dyn liquid::model::ValueView)).collect();
        let mut diagnostics = Vec::new();
        let _ = engine.render("content/p.md", Position::START, &template, &variables, &mut diagnostics);
        let panicked: Vec<String> = diagnostics
            .iter()
            .map(ToString::to_string)
            .filter(|d| d.contains("stopped the `liquid` crate") || d.contains("crate stopped reading"))
            .collect();
        prop_assert!(panicked.is_empty(), "{template}\n{panicked:?}");
    }
}
