//! Jekyll's front matter defaults (`defaults:` in `_config.yml`): values for every document
//! under a path, of a type, which the document's own front matter overrides.

use liquid::model::{Object, Value};

use super::config::DefaultRule;

/// The default values for the document at `relative` (`de/about.md`) of the type `kind`
/// (`pages`, `posts`, or a collection's name), as Jekyll's `FrontmatterDefaults#all` gathers
/// them: the rules whose scope holds it, in file order, each merged over the ones before when it
/// takes precedence (a longer scope path; of two as long, one with a `type`, or the later when
/// neither or both have one), and under them otherwise. Objects are merged key by key.
pub fn for_document(rules: &[DefaultRule], relative: &str, kind: &str) -> Object {
    let mut values = Object::new();
    let mut winner: Option<&DefaultRule> = None;
    for rule in rules
        .iter()
        .filter(|rule| rule.kind.as_deref().is_none_or(|k| k == kind))
        .filter(|rule| in_scope(&rule.path, relative))
    {
        if winner.is_none_or(|old| takes_precedence(old, rule)) {
            deep_merge(&mut values, &rule.values);
            winner = Some(rule);
        } else {
            let mut under = rule.values.clone();
            deep_merge(&mut under, &values);
            values = under;
        }
    }
    values
}

/// Jekyll's `has_precedence?`.
fn takes_precedence(old: &DefaultRule, new: &DefaultRule) -> bool {
    let (old_path, new_path) = (scope_path(&old.path), scope_path(&new.path));
    if old_path.len() != new_path.len() {
        new_path.len() >= old_path.len()
    } else {
        new.kind.is_some() || old.kind.is_none()
    }
}

/// A scope's path as Jekyll compares it: without a leading `/`.
fn scope_path(path: &str) -> &str {
    path.strip_prefix('/').unwrap_or(path)
}

/// `over`'s keys set in `into`, objects merged key by key (Jekyll's `deep_merge_hashes`).
fn deep_merge(into: &mut Object, over: &Object) {
    for (key, value) in over.iter() {
        match (into.get_mut(key), value) {
            (Some(Value::Object(inner)), Value::Object(over_inner)) => {
                deep_merge(inner, over_inner)
            }
            _ => {
                into.insert(key.clone(), value.clone());
            }
        }
    }
}

/// Whether `relative` is under the scope path `path` (`""`, `de/`, `_posts/es`, `docs/*.md`):
/// as Jekyll reads it, a path that starts with the scope's (`en` holds `english.md` too), and a
/// pattern with `*` matched name by name.
fn in_scope(path: &str, relative: &str) -> bool {
    let path = scope_path(path);
    if path.is_empty() {
        return true;
    }
    if path.contains('*') {
        let pattern = regex::escape(path.trim_end_matches('/')).replace("\\*", "[^/]*");
        return regex::Regex::new(&format!("^{pattern}(/|$)"))
            .is_ok_and(|re| re.is_match(relative));
    }
    relative.starts_with(path)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(lang(&for_document(&rules, "de/about.md", "pages")), "de");
        assert_eq!(lang(&for_document(&rules, "about.md", "pages")), "en");
        let post = for_document(&rules, "_posts/de/2021-01-01-x.md", "posts");
        assert_eq!(lang(&post), "de");
        assert_eq!(
            post.get("layout")
                .and_then(crate::content::values::text)
                .as_deref(),
            Some("post")
        );
        let page_in_posts = for_document(&rules, "_posts/x.md", "pages");
        assert_eq!(
            page_in_posts
                .get("layout")
                .and_then(crate::content::values::text)
                .as_deref(),
            Some("page")
        );
        assert_eq!(lang(&for_document(&rules, "dex/about.md", "pages")), "en");
    }
}
