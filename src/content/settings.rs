//! The site's settings and language files, resolved against the pages: the home page of each
//! language, the navigation's targets, the interface's words.

use super::diagnostics::{Diagnostic, Position, did_you_mean};
use super::draft::{PageDraft, decode};
use super::input::{Input, LANGUAGES_FOLDER, SETTINGS_FILE};
use super::{languages, site_config};
use crate::model::{Language, NavLink, SiteConfig, UiText};

/// The language file of every language in the settings, in their order.
pub(super) fn read_language_files(
    input: &Input,
    settings: Option<&site_config::SiteSettings>,
    languages: &[String],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Option<languages::LanguageFile>> {
    for (code, file) in &input.languages {
        if !languages.contains(code) {
            diagnostics.push(
                Diagnostic::warning(
                    &file.shown,
                    Position::START,
                    format!("`{code}` is not one of the site's languages"),
                )
                .with_hint(format!(
                    "add it to `languages` in content/{SETTINGS_FILE}, or remove this file"
                )),
            );
        }
    }
    languages
        .iter()
        .map(|code| match input.languages.get(code) {
            Some(file) => decode(file, diagnostics).and_then(|text| languages::read(&file.shown, text, diagnostics)),
            None => {
                let at = settings.map_or(Position::START, |s| s.languages_at);
                diagnostics.push(
                    Diagnostic::error(
                        &format!("content/{SETTINGS_FILE}"),
                        at,
                        format!("the language `{code}` has no file content/{LANGUAGES_FOLDER}/{code}.yml"),
                    )
                    .with_hint(format!("copy content/{LANGUAGES_FOLDER}/en.yml and translate it")),
                );
                None
            }
        })
        .collect()
}

/// The site's settings and the interface's words in every language, with the settings'
/// references to content files turned into addresses. `files` lists every content file, so that
/// a page that exists but failed to compile is not reported a second time as missing.
pub(super) fn resolve_settings(
    settings: site_config::SiteSettings,
    languages: &[String],
    homes: &[Option<String>],
    language_files: Vec<Option<languages::LanguageFile>>,
    drafts: &[PageDraft],
    files: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(SiteConfig, Vec<UiText>)> {
    let settings_file = format!("content/{SETTINGS_FILE}");
    let find = |relative: &str, at: Position, diagnostics: &mut Vec<Diagnostic>| {
        let found = drafts.iter().find(|d| d.relative == relative);
        if found.is_none() && !files.contains(&relative) {
            diagnostics.push(
                Diagnostic::error(
                    &settings_file,
                    at,
                    format!("there is no page `content/{relative}`"),
                )
                .with_hint(match did_you_mean(relative, files) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("the pages are: {}", files.join(", ")),
                }),
            );
        }
        found
    };
    let home = find(&settings.home, settings.home_at, diagnostics)?;
    if home.page.meta.lang != languages[0] {
        diagnostics.push(Diagnostic::error(
            &settings_file,
            settings.home_at,
            format!(
                "the home page must be in the default language `{}`",
                languages[0]
            ),
        ));
    }
    for (code, home) in languages.iter().zip(homes).skip(1) {
        if home.is_none() {
            diagnostics.push(
                Diagnostic::warning(
                    &settings_file,
                    settings.home_at,
                    format!("there is no `{code}` home page, so /{code}/ shows \"page not found\""),
                )
                .with_hint(format!(
                    "translate content/{} into `{code}` with the same `lang-ref`",
                    settings.home
                )),
            );
        }
    }
    let targets: Vec<Option<&PageDraft>> = settings
        .nav
        .iter()
        .map(|entry| match &entry.target {
            site_config::NavTarget::Page(relative) => find(relative, entry.at, diagnostics),
            site_config::NavTarget::Url(_) => None,
        })
        .collect();

    let mut config = SiteConfig {
        name: settings.name,
        base_url: settings.url,
        languages: Vec::new(),
    };
    let mut ui = Vec::new();
    for ((code, home), file) in languages.iter().zip(homes).zip(language_files) {
        let Some(file) = file else { continue };
        let mut text = file.text;
        text.lang = code.clone();
        for (entry, target) in settings.nav.iter().zip(&targets) {
            let href = match (&entry.target, target) {
                (site_config::NavTarget::Url(url), _) => url.clone(),
                (_, Some(draft)) => {
                    let translation = draft.page.translations.iter().find(|t| t.lang == *code);
                    translation
                        .or(draft
                            .page
                            .translations
                            .iter()
                            .find(|t| t.lang == draft.page.meta.lang))
                        .map_or_else(|| draft.page.route.clone(), |t| t.path.clone())
                }
                (_, None) => continue,
            };
            match file.nav.get(&entry.key) {
                Some(label) => text.nav.push(NavLink {
                    label: label.clone(),
                    href,
                }),
                None => diagnostics.push(
                    Diagnostic::error(
                        &format!("content/{LANGUAGES_FOLDER}/{code}.yml"),
                        file.nav_at,
                        format!("no label for the navigation entry `{}`", entry.key),
                    )
                    .with_hint(format!("add `  {}: ...` under `nav`", entry.key)),
                ),
            }
        }
        config.languages.push(Language {
            code: code.clone(),
            name: file.name,
            home: home.clone(),
        });
        ui.push(text);
    }
    (config.languages.len() == languages.len()).then_some((config, ui))
}
