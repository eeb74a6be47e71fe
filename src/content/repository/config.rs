//! The site's settings: `_config.yml`, with Jekyll's keys and the theme's `algae:` block.
//!
//! The whole file is also kept as a Liquid value (`site.*` in templates); the settings the site
//! itself reads are checked here.

use liquid::model::{Object, Value};

use super::source::SourceFile;
use super::yaml::{self, Positions};
use crate::content::diagnostics::{Diagnostic, Position};
use crate::content::hosts::Hosts;
use crate::content::links::{self, Use};
use crate::content::values::{array, at_path, flag, get, object, text_at};

/// Video, document, calendar and map players whose iframes are kept by default, and GBIF's own
/// widgets (`www.gbif.org/api/widgets/...`), which hosted portals embed (`embeds:` in
/// `_config.yml` replaces the list).
pub const DEFAULT_EMBEDS: [&str; 8] = [
    "www.youtube.com",
    "www.youtube-nocookie.com",
    "player.vimeo.com",
    "docs.google.com",
    "drive.google.com",
    "calendar.google.com",
    "www.google.com",
    "www.gbif.org",
];

/// The accounts the theme's footer links to, by `_config.yml` key, each with its network's name
/// and the address it makes of the key's value (an empty prefix: the value is the address).
pub const SOCIAL_ACCOUNTS: [(&str, &str, &str); 11] = [
    ("twitter_username", "X (Twitter)", "https://twitter.com/"),
    ("github_username", "GitHub", "https://github.com/"),
    (
        "youtube_username",
        "YouTube",
        "https://www.youtube.com/user/",
    ),
    ("youtube_url", "YouTube", ""),
    ("facebook_username", "Facebook", "https://www.facebook.com/"),
    (
        "instagram_username",
        "Instagram",
        "https://www.instagram.com/",
    ),
    (
        "flickr_username",
        "Flickr",
        "https://www.flickr.com/photos/",
    ),
    ("bluesky_username", "Bluesky", "https://bsky.app/profile/"),
    ("mastodon_url", "Mastodon", ""),
    ("linkedin_url", "LinkedIn", ""),
    ("email", "Email", "mailto:"),
];

/// One `defaults:` rule: front matter values for the documents under a path, of a type.
#[derive(Clone, Debug)]
pub struct DefaultRule {
    /// A path inside the site's folder (`""` is all of it, `de/` a folder, `_posts`).
    pub path: String,
    /// `pages`, `posts`, or none for both.
    pub kind: Option<String>,
    pub values: Object,
}

/// The theme's address of GBIF's widget library.
pub const GBIF_WIDGETS_LIBRARY: &str = "https://www-lib.gbif-staging.org/gbif-lib.js";

/// A custom collection (`collections:`): documents in `_<name>/`, written when `output: true`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Collection {
    pub name: String,
    pub output: bool,
    /// The address pattern of its documents (`/:collection/:path/`).
    pub permalink: Option<String>,
    /// The front matter key its documents are listed by (`sort_by: sort_order`).
    pub sort_by: Option<String>,
}

/// The custom collections of a `_config.yml`: a mapping of names to settings, or a list of
/// names. `posts` is Jekyll's own and is left out.
pub fn collections(config: &Value) -> Vec<Collection> {
    let Some(value) = get(config, "collections") else {
        return Vec::new();
    };
    let named = |name: &str, settings: Option<&Value>| Collection {
        name: name.to_owned(),
        output: flag(settings.and_then(|s| get(s, "output"))),
        permalink: settings.and_then(|s| text_at(s, "permalink")),
        sort_by: settings.and_then(|s| text_at(s, "sort_by")),
    };
    let mut out: Vec<Collection> = match value {
        Value::Object(object) => object
            .iter()
            .map(|(name, settings)| named(name, Some(settings)))
            .collect(),
        Value::Array(names) => names
            .iter()
            .filter_map(crate::content::values::text)
            .map(|name| named(&name, None))
            .collect(),
        _ => Vec::new(),
    };
    out.retain(|c| {
        c.name != "posts"
            && !c.name.is_empty()
            && c.name
                .chars()
                .all(|ch| ch.is_alphanumeric() || ch == '_' || ch == '-')
    });
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// The build's time, to the second: `SOURCE_DATE_EPOCH` (seconds since 1970) when set, for
/// builds that must come out the same whenever they run, else now.
fn build_time() -> time::OffsetDateTime {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| time::OffsetDateTime::from_unix_timestamp(s).ok())
        .unwrap_or_else(time::OffsetDateTime::now_utc)
        .replace_nanosecond(0)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}

/// The settings the site reads.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The file the settings are read from (`_config.yml`), as messages name it.
    pub file: String,
    pub title: String,
    pub description: Option<String>,
    pub email: Option<String>,
    /// The origin the site is served from (`https://example.org`), without a trailing `/`.
    pub url: String,
    /// The sub-path from `baseurl` (`/scc`), used unless the build is given another.
    pub baseurl: String,
    /// `pretty`, `date`, `none`, or a pattern (`/:categories/:title/`).
    pub permalink: String,
    pub defaults: Vec<DefaultRule>,
    /// The language of the site's root (the theme's `algae.rootLang`).
    pub root_lang: String,
    pub logo: Option<String>,
    pub logo_and_title: bool,
    /// The brand colour (`algae.style.colors.primary`).
    pub primary_color: Option<String>,
    /// Square corners rather than round ones (`algae.style.square`).
    pub square: bool,
    /// The news archive's address (`algae.archive_permalink`).
    pub archive_permalink: Option<String>,
    /// How many posts the home page's latest posts show.
    pub latest_post_limit: usize,
    /// Social accounts: name, address.
    pub social: Vec<(String, String)>,
    /// Every tolerated problem is an error (`strict: true`).
    pub strict: bool,
    /// GBIF's widget library, when the site asks for GBIF's widgets on its data pages
    /// (`gbif_widgets: true`; `gbifApacheInclude.componentsScriptJsModule`, or the theme's).
    pub gbif_widgets: Option<String>,
    /// Hosts whose iframes are kept.
    pub embeds: Vec<String>,
    /// The GBIF API's base address, which live counts are fetched from (`SCC_GBIF_API`).
    pub gbif_api: String,
    /// GBIF's base map tiles, under the data pages' maps (`SCC_GBIF_TILES`).
    pub gbif_tiles: String,
    /// The custom collections (`collections:`).
    pub collections: Vec<Collection>,
    /// The posts' address pattern when `collections: posts: permalink:` gives one.
    pub posts_permalink: Option<String>,
    /// The build's time (Jekyll's `site.time`): the date of a document that has none, and the
    /// moment after which posts are not published yet.
    pub time: time::OffsetDateTime,
    /// Posts dated after the build's time are published too (`future: true`).
    pub future: bool,
    /// The whole file as `site` in templates.
    pub value: Value,
    /// Where each key of the file is.
    pub positions: Positions,
}

impl Settings {
    /// Settings for a site without `_config.yml`.
    fn empty() -> Self {
        Settings {
            file: "_config.yml".into(),
            title: String::new(),
            description: None,
            email: None,
            url: String::new(),
            baseurl: String::new(),
            permalink: "date".into(),
            defaults: Vec::new(),
            root_lang: crate::model::DEFAULT_LANG.into(),
            logo: None,
            logo_and_title: false,
            primary_color: None,
            square: false,
            archive_permalink: None,
            latest_post_limit: 3,
            social: Vec::new(),
            strict: false,
            embeds: DEFAULT_EMBEDS.map(String::from).to_vec(),
            gbif_api: crate::content::hosts::GBIF_API.to_owned(),
            gbif_tiles: crate::content::hosts::GBIF_TILES.to_owned(),
            collections: Vec::new(),
            posts_permalink: None,
            time: build_time(),
            future: false,
            gbif_widgets: None,
            value: Value::Object(Object::new()),
            positions: Positions::new(),
        }
    }

    /// The other sites pages may use: the players they embed, GBIF's API.
    pub fn hosts(&self) -> Hosts<'_> {
        Hosts {
            embeds: &self.embeds,
            gbif_api: &self.gbif_api,
        }
    }

    /// Where the key at `path` (`algae.logo`) is written, or the file's start.
    pub fn position(&self, path: &str) -> Position {
        self.positions.get(path).copied().unwrap_or(Position::START)
    }
}

/// Reads `_config.yml` (or the settings of a site without one).
pub fn read(file: Option<&SourceFile>, diagnostics: &mut Vec<Diagnostic>) -> Settings {
    let mut settings = Settings::empty();
    settings.gbif_api = crate::content::hosts::gbif_api_from_environment(diagnostics);
    settings.gbif_tiles = crate::content::hosts::gbif_tiles_from_environment(diagnostics);
    let Some(file) = file else {
        return settings;
    };
    settings.file.clone_from(&file.shown);
    let Ok(text) = std::str::from_utf8(&file.bytes) else {
        diagnostics.push(Diagnostic::error(
            &file.shown,
            Position::START,
            "the file is not valid UTF-8",
        ));
        return settings;
    };
    let Some(document) = yaml::mapping(&file.shown, text, 1, "the site settings", diagnostics)
    else {
        return settings;
    };
    let (value, positions) = document.to_value();
    settings.positions = positions;
    let name = file.shown.as_str();
    settings.title = text_at(&value, "title").unwrap_or_default();
    settings.collections = collections(&value);
    settings.posts_permalink = get(&value, "collections")
        .and_then(|c| get(c, "posts"))
        .and_then(|posts| text_at(posts, "permalink"));
    settings.future = flag(get(&value, "future"));
    check_collection_names(name, &value, &settings, diagnostics);
    settings.description = text_at(&value, "description");
    settings.email = text_at(&value, "email");
    if let Some(url) = text_at(&value, "url") {
        let valid = (url.starts_with("https://") || url.starts_with("http://"))
            && !url.contains(char::is_whitespace);
        if valid {
            settings.url = url.trim_end_matches('/').to_owned();
        } else {
            diagnostics.push(
                Diagnostic::error(
                    name,
                    settings.position("url"),
                    format!("`url` must be an absolute http(s) address, found `{url}`"),
                )
                .with_hint("write the address the site is deployed at, such as `https://specify.hp.gbif.org`"),
            );
        }
    }
    settings.baseurl = crate::urls::BaseUrl::new(&text_at(&value, "baseurl").unwrap_or_default())
        .as_str()
        .to_owned();
    if let Some(permalink) = text_at(&value, "permalink") {
        settings.permalink = permalink;
    }
    settings.defaults = read_defaults(name, &value, &settings.positions, diagnostics);
    if let Some(algae) = get(&value, "algae") {
        read_algae(algae, &mut settings);
        let colour = at_path(algae, "style.colors.primary").and_then(crate::content::values::text);
        if let Some(colour) = colour.filter(|c| settings.primary_color.as_ref() != Some(c)) {
            diagnostics.push(
                Diagnostic::warning(
                    name,
                    settings.position("algae.style.colors.primary"),
                    format!("`{colour}` is not a colour the site can use, so the default brand colour is used"),
                )
                .with_hint("write a hex colour such as `#4c9e45`, or a colour name such as `teal`"),
            );
        }
    }
    settings.social = SOCIAL_ACCOUNTS
        .iter()
        .filter_map(|(key, network, prefix)| {
            let address = format!("{prefix}{}", text_at(&value, key)?);
            if let Some(refusal) = links::refusal(&address, Use::Link, name, settings.position(key))
            {
                diagnostics.push(refusal);
                return None;
            }
            Some((network.to_string(), address))
        })
        .collect();
    settings.strict = flag(get(&value, "strict"));
    read_gbif_widgets(name, &value, &mut settings, diagnostics);
    read_embeds(name, &value, &mut settings, diagnostics);
    settings.value = value;
    settings
}

/// `embeds:`: the hosts whose players pages may embed, replacing the default ones.
fn read_embeds(
    name: &str,
    value: &Value,
    settings: &mut Settings,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if let Some(embeds) = get(value, "embeds") {
        match array(embeds) {
            Some(hosts) => {
                // The repository's list replaces the default players.
                settings.embeds.clear();
                for (i, host) in hosts.iter().enumerate() {
                    let host = crate::content::values::text(host).unwrap_or_default();
                    if is_host_name(&host) {
                        settings.embeds.push(host);
                    } else {
                        diagnostics.push(
                            Diagnostic::error(
                                name,
                                settings.position(&format!("embeds.{i}")),
                                format!("`{host}` is not a host name, so it cannot be one the site embeds players from"),
                            )
                            .with_hint("write the player's host alone, such as `www.youtube.com` (no scheme, path, `*` or `;`)"),
                        );
                    }
                }
            }
            None => diagnostics.push(
                Diagnostic::error(
                    name,
                    settings.position("embeds"),
                    "`embeds` must be a list of host names",
                )
                .with_hint("write `embeds: [www.youtube.com, player.vimeo.com]`"),
            ),
        }
    }
}

/// `gbif_widgets: true`: GBIF's library for the data pages, GBIF's own or a copy the site serves.
fn read_gbif_widgets(
    name: &str,
    value: &Value,
    settings: &mut Settings,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if flag(get(value, "gbif_widgets")) {
        let lib =
            crate::content::values::at_path(value, "gbifApacheInclude.componentsScriptJsModule")
                .and_then(crate::content::values::text)
                .unwrap_or_else(|| GBIF_WIDGETS_LIBRARY.to_owned());
        // GBIF's address, or a copy of the library the site serves itself (`/assets/gbif-lib.js`).
        let own_copy = lib.starts_with('/') && !lib.starts_with("//");
        if (lib.starts_with("https://") || own_copy) && !lib.contains(['"', '<', '>', ' ', '\'']) {
            settings.gbif_widgets = Some(lib);
        } else {
            diagnostics.push(Diagnostic::warning(
                name,
                settings.position("gbifApacheInclude.componentsScriptJsModule"),
                format!("`{lib}` is neither an https: address nor a path of the site, so GBIF's widgets are not included"),
            ));
        }
    }
}

/// Whether `host` is a plain host name (`player.vimeo.com`), as a policy lists it.
fn is_host_name(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// Reports the collections whose names Jekyll cannot use (they are left out).
fn check_collection_names(
    file: &str,
    config: &Value,
    settings: &Settings,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let names: Vec<String> = match get(config, "collections") {
        Some(Value::Object(object)) => object.keys().map(|k| k.to_string()).collect(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(crate::content::values::text)
            .collect(),
        _ => Vec::new(),
    };
    for name in names {
        if name != "posts" && !settings.collections.iter().any(|c| c.name == name) {
            diagnostics.push(
                Diagnostic::warning(
                    file,
                    // A name with dots has no path of its own among the positions.
                    if name.contains('.') {
                        settings.position("collections")
                    } else {
                        settings.position(&format!("collections.{name}"))
                    },
                    format!("the collection name `{name}` is not one Jekyll can use, so the collection is left out"),
                )
                .with_hint("name a collection with letters, digits, `-` and `_` (its folder is `_name`)"),
            );
        }
    }
}

fn read_algae(algae: &Value, settings: &mut Settings) {
    if let Some(lang) = text_at(algae, "rootLang") {
        settings.root_lang = lang;
    }
    settings.logo = text_at(algae, "logo");
    settings.logo_and_title = flag(get(algae, "logoAndTitle"));
    settings.archive_permalink = text_at(algae, "archive_permalink");
    if let Some(limit) = text_at(algae, "latestPostLimit").and_then(|l| l.parse().ok()) {
        settings.latest_post_limit = limit;
    }
    if let Some(style) = get(algae, "style") {
        settings.square = flag(get(style, "square"));
        settings.primary_color = get(style, "colors")
            .and_then(|colors| text_at(colors, "primary"))
            .filter(|color| is_css_color(color));
    }
}

/// A colour the stylesheet can take as it is: `#rgb`, `#rrggbb` (with alpha), or a plain name.
pub fn is_css_color(color: &str) -> bool {
    match color.strip_prefix('#') {
        Some(hex) => {
            matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit())
        }
        None => !color.is_empty() && color.chars().all(|c| c.is_ascii_alphabetic()),
    }
}

fn read_defaults(
    file: &str,
    value: &Value,
    positions: &Positions,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<DefaultRule> {
    let Some(rules) = get(value, "defaults") else {
        return Vec::new();
    };
    let Some(rules) = array(rules) else {
        diagnostics.push(
            Diagnostic::error(
                file,
                positions
                    .get("defaults")
                    .copied()
                    .unwrap_or(Position::START),
                "`defaults` must be a list of rules",
            )
            .with_hint("write each rule as `- scope: {path: \"\"}` with `values:` under it"),
        );
        return Vec::new();
    };
    rules
        .iter()
        .enumerate()
        .filter_map(|(i, rule)| {
            let rule = rule.clone();
            let scope = get(&rule, "scope");
            let values = get(&rule, "values").and_then(object).map(|o| {
                o.iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect::<Object>()
            });
            match values {
                Some(values) => Some(DefaultRule {
                    path: scope.and_then(|s| text_at(s, "path")).unwrap_or_default(),
                    kind: scope.and_then(|s| text_at(s, "type")),
                    values,
                }),
                None => {
                    let at = positions
                        .get(&format!("defaults.{i}"))
                        .copied()
                        .unwrap_or(Position::START);
                    diagnostics.push(
                        Diagnostic::warning(
                            file,
                            at,
                            "this `defaults` rule has no `values`, so it sets nothing",
                        )
                        .with_hint("add `values:` with the front matter keys it sets"),
                    );
                    None
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(text: &str) -> (Settings, Vec<String>) {
        let mut diagnostics = Vec::new();
        let file = SourceFile::new("_config.yml", text);
        let settings = read(Some(&file), &mut diagnostics);
        (
            settings,
            diagnostics.iter().map(ToString::to_string).collect(),
        )
    }

    #[test]
    fn reads_jekyll_keys_and_the_themes_block() {
        let (s, problems) = settings(
            "title: SCC\ndescription: d\nemail: a@b.org\nurl: \"https://specify.hp.gbif.org/\"\nbaseurl: /scc/\npermalink: pretty\ngithub_username: specify\nstrict: true\nalgae:\n  rootLang: en\n  logo: /assets/logo.png\n  logoAndTitle: true\n  archive_permalink: /news/\n  latestPostLimit: 2\n  style:\n    square: true\n    colors:\n      primary: \"#11588C\"\ndefaults:\n  - scope:\n      path: \"\"\n    values:\n      layout: page\n      lang: en\n  - scope:\n      path: _posts\n      type: posts\n    values:\n      permalink: /post/:year/:slug/\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(s.title, "SCC");
        assert_eq!(s.url, "https://specify.hp.gbif.org");
        assert_eq!(s.baseurl, "/scc");
        assert_eq!(s.permalink, "pretty");
        assert_eq!(s.logo.as_deref(), Some("/assets/logo.png"));
        assert!(s.logo_and_title && s.square && s.strict);
        assert_eq!(s.primary_color.as_deref(), Some("#11588C"));
        assert_eq!(s.archive_permalink.as_deref(), Some("/news/"));
        assert_eq!(s.latest_post_limit, 2);
        assert_eq!(
            s.social,
            [
                ("GitHub".to_owned(), "https://github.com/specify".to_owned()),
                ("Email".to_owned(), "mailto:a@b.org".to_owned())
            ]
        );
        assert_eq!(s.defaults.len(), 2);
        assert_eq!(s.defaults[1].path, "_posts");
        assert_eq!(s.defaults[1].kind.as_deref(), Some("posts"));
        assert_eq!(s.embeds.len(), DEFAULT_EMBEDS.len());
    }

    #[test]
    fn a_wrong_url_and_a_colour_that_is_not_one_are_refused() {
        let (s, problems) = settings(
            "url: www.example.org\nalgae:\n  style:\n    colors:\n      primary: \"red; background: url(x)\"\n",
        );
        assert_eq!(s.url, "");
        assert_eq!(s.primary_color, None);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with("content/_config.yml:1:6: error: `url` must be"),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with(
                "content/_config.yml:5:16: warning: `red; background: url(x)` is not a colour"
            ),
            "{problems:?}"
        );
    }

    #[test]
    fn embeds_replace_the_default_players() {
        let (s, _) = settings("embeds: [www.youtube.com]\n");
        assert_eq!(s.embeds, ["www.youtube.com"]);
    }
}
