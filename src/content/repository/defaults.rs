//! Jekyll's front matter defaults (`defaults:` in `_config.yml`): values for every document
//! under a path, of a type, which the document's own front matter overrides.

use liquid::model::Object;

use super::config::DefaultRule;

/// The default values for the document at `relative` (`de/about.md`), a post or a page: every
/// rule whose scope holds it, the more specific path winning, and of two as specific the later.
pub fn for_document(rules: &[DefaultRule], relative: &str, is_post: bool) -> Object {
    let kind = if is_post { "posts" } else { "pages" };
    let mut applicable: Vec<(usize, &DefaultRule)> = rules
        .iter()
        .filter(|rule| rule.kind.as_deref().is_none_or(|k| k == kind))
        .filter(|rule| in_scope(&rule.path, relative))
        .map(|rule| (specificity(&rule.path), rule))
        .collect();
    // A stable sort keeps file order among rules of one specificity.
    applicable.sort_by_key(|(specificity, _)| *specificity);
    let mut values = Object::new();
    for (_, rule) in applicable {
        for (key, value) in rule.values.iter() {
            values.insert(key.clone(), value.clone());
        }
    }
    values
}

/// Whether `relative` is under the scope path `path` (`""`, `de/`, `_posts/es`, `docs/*.md`).
fn in_scope(path: &str, relative: &str) -> bool {
    let path = path.trim_start_matches("./").trim_matches('/');
    if path.is_empty() {
        return true;
    }
    if path.contains('*') {
        let pattern = regex::escape(path).replace("\\*", "[^/]*");
        return regex::Regex::new(&format!("^{pattern}(/|$)"))
            .is_ok_and(|re| re.is_match(relative));
    }
    relative == path || relative.starts_with(&format!("{path}/"))
}

fn specificity(path: &str) -> usize {
    path.trim_matches('/')
        .split('/')
        .filter(|s| !s.is_empty())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use liquid::model::Value;

    fn rule(path: &str, kind: Option<&str>, values: &[(&str, &str)]) -> DefaultRule {
        DefaultRule {
            path: path.into(),
            kind: kind.map(String::from),
            values: values
                .iter()
                .map(|(k, v)| {
                    (
                        liquid::model::KString::from_string(k.to_string()),
                        Value::scalar(v.to_string()),
                    )
                })
                .collect(),
        }
    }

    fn lang(values: &Object) -> String {
        values
            .get("lang")
            .and_then(crate::content::values::text)
            .unwrap_or_default()
    }

    #[test]
    fn the_most_specific_scope_wins() {
        let rules = [
            rule("de/", None, &[("lang", "de")]),
            rule("", None, &[("lang", "en"), ("layout", "page")]),
            rule("_posts", Some("posts"), &[("layout", "post")]),
            rule("_posts/de", None, &[("lang", "de")]),
        ];
        assert_eq!(lang(&for_document(&rules, "de/about.md", false)), "de");
        assert_eq!(lang(&for_document(&rules, "about.md", false)), "en");
        let post = for_document(&rules, "_posts/de/2021-01-01-x.md", true);
        assert_eq!(lang(&post), "de");
        assert_eq!(
            post.get("layout")
                .and_then(crate::content::values::text)
                .as_deref(),
            Some("post")
        );
        let page_in_posts = for_document(&rules, "_posts/x.md", false);
        assert_eq!(
            page_in_posts
                .get("layout")
                .and_then(crate::content::values::text)
                .as_deref(),
            Some("page")
        );
        assert_eq!(lang(&for_document(&rules, "dex/about.md", false)), "en");
    }
}
