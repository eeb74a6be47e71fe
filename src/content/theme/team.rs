//! The team layout's people (`_data/team.yml`).

use super::composer::{Composer, Written, markdown_blocks};
use super::feature::button;
use crate::content::body::Inline;
use crate::content::body::blocks::{Feature, FeatureImage};
use crate::content::diagnostics::{Diagnostic, Position};
use crate::content::links::{self, Use};
use crate::content::values::{array, get, text_at};

/// The people of `_data/team.yml`, as the theme's team layout shows them: picture, name, role,
/// description and their ORCID, email, GitHub and Twitter links.
pub fn team(
    composer: &mut Composer,
    at: Position,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Feature> {
    let Some(people) = get(composer.data, "team").and_then(array).cloned() else {
        diagnostics.push((composer.tolerated)(
            Diagnostic::warning(
                composer.file,
                at,
                "this team page has no people: `_data/team.yml` is missing or not a list",
            )
            .with_hint("list the people in `_data/team.yml`: `- name: ...` with `role`, `image`, `description`, `orcid`, `email`, `github`, `twitter`"),
        ));
        return Vec::new();
    };
    people
        .iter()
        .enumerate()
        .map(|(i, person)| {
            let written =
                Written::in_data(composer, &format!("team.{i}")).unwrap_or_else(|| Written::at(at));
            let name = text_at(person, "name").unwrap_or_default();
            let mut card = Feature {
                title: vec![Inline::text(&name)],
                pre_title: text_at(person, "role"),
                ..Feature::default()
            };
            if let Some(description) = text_at(person, "description") {
                let written = written.key(composer, "description");
                card.description = markdown_blocks(composer, &description, &written, diagnostics);
            }
            if let Some(image) = text_at(person, "image")
                && let Some(src) = written.key(composer, "image").link(
                    composer,
                    links::from_site_root(&image),
                    Use::Image,
                    diagnostics,
                )
            {
                // The name is beside the picture: it says nothing more.
                card.image = Some(FeatureImage {
                    src,
                    alt: String::new(),
                    license: Vec::new(),
                });
            }
            for (key, text, address) in [
                ("orcid", "ORCID", "https://orcid.org/"),
                ("email", "Email", "mailto:"),
                ("github", "GitHub", "https://github.com/"),
                ("twitter", "Twitter", "https://twitter.com/"),
            ] {
                if let Some(value) = text_at(person, key) {
                    let mut link = button(&format!("{address}{value}"), text, false, false);
                    link.attrs
                        .other
                        .push(("aria-label".into(), format!("{text}: {name}")));
                    card.buttons.push(link);
                }
            }
            card
        })
        .collect()
}
