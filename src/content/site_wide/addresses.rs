//! The addresses the settings give every page: the logo (`algae.logo`, and each language's in
//! `languages.yml`) and the news archive (`archive_permalink`). Each goes through the one check
//! of addresses (`links::refusal`); a logo that is a path of the site must be one of its files.

use std::collections::BTreeSet;

use crate::content::diagnostics::{Diagnostic, Position};
use crate::content::links::{self, Use};
use crate::content::repository::config::Settings;
use crate::content::repository::data::Data;
use crate::content::values::{get, object, text_at};
use crate::urls::decode_path;

/// One address a setting gives, and where it is written.
struct Setting {
    file: String,
    at: Position,
    address: String,
    used: Use,
}

/// Checks every address the settings give; `config_file` is `_config.yml` as messages name it.
pub fn check(
    settings: &Settings,
    data: &Data,
    static_files: &BTreeSet<String>,
    config_file: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut found = Vec::new();
    let mut from_config = |key: &str, value: &Option<String>, used: Use| {
        if let Some(address) = value {
            found.push(Setting {
                file: config_file.to_owned(),
                at: settings.position(key),
                address: address.clone(),
                used,
            });
        }
    };
    from_config("algae.logo", &settings.logo, Use::Image);
    from_config(
        "algae.archive_permalink",
        &settings.archive_permalink,
        Use::Link,
    );
    if let Some(languages) = get(&data.value, "languages").and_then(object) {
        for (code, language) in languages.iter() {
            for (key, used) in [("logo", Use::Image), ("archive_permalink", Use::Link)] {
                let Some(address) = text_at(language, key) else {
                    continue;
                };
                let (file, at) = data
                    .position(&format!("languages.{code}.{key}"))
                    .map(|(file, at)| (file.to_owned(), at))
                    .unwrap_or_else(|| ("_data/languages.yml".to_owned(), Position::START));
                found.push(Setting {
                    file,
                    at,
                    address,
                    used,
                });
            }
        }
    }
    for setting in found {
        if let Some(refusal) =
            links::refusal(&setting.address, setting.used, &setting.file, setting.at)
        {
            diagnostics.push(refusal);
            continue;
        }
        let path = links::from_site_root(&setting.address);
        if setting.used == Use::Image
            && links::scheme(&path).is_none()
            && !path.starts_with("//")
            && !static_files.contains(&decode_path(links::path_of(&path)))
        {
            diagnostics.push(
                Diagnostic::warning(
                    &setting.file,
                    setting.at,
                    format!("the logo `{}` is not a file of the site, so no logo is shown", setting.address),
                )
                .with_hint("put the image in the repository (such as `assets/images/logo.png`) and write its path")
                .strict_if(settings.strict),
            );
        }
    }
}
