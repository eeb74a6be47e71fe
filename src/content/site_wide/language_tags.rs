//! Each language's tag, as `lang` and `hreflang` write it: a browser picks fonts, hyphenation and
//! a screen reader's voice by it, and search engines match pages to readers with it. A
//! repository's language keys are also its addresses (`/nu/`), and some are not BCP 47 tags at
//! all (a country's code, `nu` for Niue, where Niuean is `niu`). The theme's `languageCode`
//! (`_data/languages.yml`) gives the tag a key stands for; a key that is no tag, without one, is
//! a warning that names the tag where it can be told.

use isolang::Language as Iso;

use crate::content::diagnostics::{Diagnostic, Position};
use crate::content::page::PageDraft;
use crate::content::repository::config::Settings;
use crate::content::repository::data::Data;
use crate::content::repository::yaml::key_path;
use crate::content::values::{get, text_at};
use crate::model::Language;

/// Two-letter codes that are not ISO 639-1 languages but are written for one: codes ISO 639
/// withdrew, and countries' codes (ISO 3166) written for their language. Each is checked by a
/// test to be no language and to name a valid one.
const MISTAKEN: [(&str, &str); 31] = [
    ("iw", "he"),
    ("in", "id"),
    ("ji", "yi"),
    ("jw", "jv"),
    ("mo", "ro"),
    ("nu", "niu"),
    ("tv", "tvl"),
    ("ws", "sm"),
    ("ck", "rar"),
    ("pw", "pau"),
    ("pg", "tpi"),
    ("vu", "bi"),
    ("jp", "ja"),
    ("cn", "zh"),
    ("dk", "da"),
    ("gr", "el"),
    ("ua", "uk"),
    ("cz", "cs"),
    ("vn", "vi"),
    ("il", "he"),
    ("rs", "sr"),
    ("by", "be"),
    ("kz", "kk"),
    ("ir", "fa"),
    ("tj", "tg"),
    ("al", "sq"),
    ("ge", "ka"),
    ("lk", "si"),
    ("np", "ne"),
    ("us", "en"),
    ("gb", "en"),
];

/// Whether `tag` is a valid BCP 47 language tag: a primary language of ISO 639 (its two-letter
/// code where it has one, as the IANA registry lists it), then subtags of one to eight letters
/// and digits (script, region, variants). Case does not matter.
pub fn is_valid(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    let mut subtags = lower.split('-');
    let primary = subtags.next().unwrap_or_default();
    let known = match primary.len() {
        2 => Iso::from_639_1(primary).is_some(),
        3 => {
            Iso::from_639_3(primary).is_some_and(|l| l.to_639_1().is_none())
                || ("qaa"..="qtz").contains(&primary)
        }
        _ => false,
    };
    known
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The valid tag `tag` was most likely meant to be (`en-US` for `en_US`, `niu` for `nu`, `en`
/// for `eng` or `English`), with its language's name.
pub fn suggestion(written: &str) -> Option<(String, &'static str)> {
    let tag = written.trim().replace('_', "-");
    let (primary, rest) = tag
        .split_once('-')
        .map_or((tag.as_str(), ""), |(p, r)| (p, r));
    let lower = primary.to_ascii_lowercase();
    let replaced: String = if is_valid(primary) {
        lower
    } else {
        match lower.len() {
            2 => MISTAKEN
                .iter()
                .find(|(code, _)| *code == lower)
                .map(|(_, meant)| (*meant).to_owned())?,
            3 => Iso::from_639_3(&lower)?.to_639_1()?.to_owned(),
            _ => {
                let mut name = lower.clone();
                name[..1].make_ascii_uppercase();
                let language = Iso::from_name(&name)?;
                language
                    .to_639_1()
                    .unwrap_or_else(|| language.to_639_3())
                    .to_owned()
            }
        }
    };
    let suggested = if rest.is_empty() {
        replaced
    } else {
        format!("{replaced}-{rest}")
    };
    let primary = suggested.split('-').next().unwrap_or_default();
    let name = Iso::from_639_1(primary)
        .or_else(|| Iso::from_639_3(primary))
        .map(|l| l.to_name())?;
    (is_valid(&suggested) && suggested != written).then_some((suggested, name))
}

/// Gives each language the tag its pages are marked with: its `languageCode` when that is a
/// valid tag, else its key. A key that is no valid tag, with no valid `languageCode`, and a
/// `languageCode` that is none, are warnings where they are written.
pub fn settle(
    languages: &mut [Language],
    settings: &Settings,
    data: &Data,
    drafts: &[PageDraft],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let listed = get(&data.value, "languages");
    for language in languages {
        let code = language.code.clone();
        let configured = listed
            .and_then(|l| get(l, &code))
            .and_then(|entry| text_at(entry, "languageCode"))
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty());
        if let Some(configured) = configured {
            if is_valid(&configured) {
                if configured != code {
                    language.tag = Some(configured);
                }
                continue;
            }
            if let Some((file, at)) = data.position(&format!("languages.{code}.languageCode")) {
                diagnostics.push(not_a_tag(file, at, &configured, "languageCode", &code));
            }
        }
        if is_valid(&code) {
            continue;
        }
        let (file, at) = where_written(&code, settings, data, drafts);
        diagnostics.push(not_a_tag(&file, at, &code, "key", &code));
    }
}

/// Where the language `code` is first written: its entry in `_data/languages.yml`, the root
/// language in `_config.yml`, or the first page in it.
fn where_written(
    code: &str,
    settings: &Settings,
    data: &Data,
    drafts: &[PageDraft],
) -> (String, Position) {
    let entry = format!("languages.{code}");
    if let Some((file, at)) = data
        .position(&key_path(&entry))
        .or_else(|| data.position(&entry))
    {
        return (file.to_owned(), at);
    }
    if *code == settings.root_lang {
        return (settings.file.clone(), settings.position("algae.rootLang"));
    }
    drafts
        .iter()
        .find(|d| d.page.meta.lang == code)
        .map_or_else(
            || (settings.file.clone(), Position::START),
            |d| (d.page.source.clone(), d.front.position("lang")),
        )
}

/// The warning for `written`, which is no language tag, written as the language `code`'s
/// `what` (its key, its `languageCode`).
fn not_a_tag(file: &str, at: Position, written: &str, what: &str, code: &str) -> Diagnostic {
    let message = format!(
        "`{written}` is not a valid language tag (BCP 47): browsers, screen readers and search engines cannot tell which language these pages are in"
    );
    let where_to = format!("under `{code}:` in _data/languages.yml");
    let hint = match (suggestion(written), what) {
        (Some((tag, name)), "key") => format!(
            "{name}'s tag is `{tag}`: write `languageCode: {tag}` {where_to} (the addresses keep `{code}`)"
        ),
        (Some((tag, name)), _) => format!("{name}'s tag is `{tag}`: write `languageCode: {tag}`"),
        (None, _) => format!(
            "write the language's ISO 639 code as `languageCode:` {where_to} (the addresses keep `{code}`)"
        ),
    };
    Diagnostic::warning(file, at, message).with_hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_tags_are_iso_639_languages_with_well_formed_subtags() {
        for valid in [
            "en",
            "EN",
            "es-419",
            "zh-tw",
            "zh-Hant-TW",
            "se",
            "niu",
            "sr-Latn",
            "qaa",
        ] {
            assert!(is_valid(valid), "{valid}");
        }
        for invalid in [
            "nu",
            "tv",
            "eng",
            "english",
            "en_US",
            "",
            "e",
            "en-",
            "en-toolongsubtag",
            "x-klingon",
        ] {
            assert!(!is_valid(invalid), "{invalid}");
        }
    }

    #[test]
    fn suggestions_name_the_language_meant() {
        let suggested = |tag: &str| suggestion(tag).map(|(tag, name)| format!("{tag} {name}"));
        assert_eq!(suggested("nu").as_deref(), Some("niu Niuean"));
        assert_eq!(suggested("tv").as_deref(), Some("tvl Tuvalu"));
        assert_eq!(suggested("en_US").as_deref(), Some("en-US English"));
        assert_eq!(suggested("eng").as_deref(), Some("en English"));
        assert_eq!(suggested("English").as_deref(), Some("en English"));
        assert_eq!(suggested("jp").as_deref(), Some("ja Japanese"));
        assert_eq!(suggested("zz"), None);
        assert_eq!(suggested("en"), None, "a valid tag needs none");
    }

    #[test]
    fn every_mistaken_code_is_no_language_and_names_a_valid_one() {
        let wrong: Vec<&str> = MISTAKEN
            .iter()
            .filter(|(code, meant)| is_valid(code) || !is_valid(meant))
            .map(|(code, _)| *code)
            .collect();
        assert!(wrong.is_empty(), "{wrong:?}");
    }
}
