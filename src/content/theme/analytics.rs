//! Visitor statistics, as hosted portals configure them in `_config.yml`: Plausible
//! (`plausible: {enabled: true, dataDomain: ...}`, cookieless) and Google Analytics
//! (`siteMeasurements: {enable: true, GA_ID: ...}`). None by default: a site gets a provider's
//! script, and its hosts in the Content-Security-Policy, only when it configures one.
//!
//! The theme adds Google Analytics only after a visitor consents in a dialog. This site has no
//! such dialog, so it adds Google Analytics only when the repository also says it may without
//! one (`siteMeasurements.withoutConsent: true`), and otherwise says so in a warning.
//!
//! Scripts a repository puts in its own copies of the theme's page includes (`head.html`, ...)
//! are not run: each such file gets a warning naming it.

use liquid::model::Value;

use crate::content::diagnostics::{Diagnostic, Position};
use crate::content::repository::SourceFile;
use crate::content::repository::config::Settings;
use crate::content::values::{flag, get, text_at};

/// A provider's script and the hosts the policy must allow for it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Analytics {
    /// `<script>` elements for every page's `<head>`: inline scripts that insert the provider's
    /// (which the policy then trusts, through `'strict-dynamic'`).
    pub head: String,
    /// Those inline scripts, which the policy allows by hash.
    pub inline_scripts: Vec<String>,
    /// Origins for `connect-src` and `img-src`.
    pub connect_origins: Vec<String>,
    pub image_origins: Vec<String>,
}

impl Analytics {
    /// Adds an inline script that inserts the script at `src` (after `setup`, which sets its
    /// attributes on `s`): the policy trusts the inline script by its hash, and what it inserts.
    fn insert_script(&mut self, src: &str, setup: &str) {
        let script = format!(
            "(function(){{var s=document.createElement(\"script\");{setup}s.src=\"{src}\";document.head.appendChild(s);}})();"
        );
        self.head.push_str(&format!("<script>{script}</script>"));
        self.inline_scripts.push(script);
    }
}

/// The theme's page includes: a repository's own copy replaces the theme's inside its layouts,
/// which this site does not run.
const PAGE_INCLUDES: [&str; 6] = [
    "head.html",
    "themeHead.html",
    "bodyTop.html",
    "footerScripts.html",
    "customFooter.html",
    "footer.html",
];

/// The configured provider's script, if any, with warnings for what is configured and not added.
pub fn read(
    settings: &Settings,
    config_file: &str,
    includes: &std::collections::BTreeMap<String, SourceFile>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Analytics {
    for name in PAGE_INCLUDES {
        if let Some(file) = includes.get(name) {
            overridden_include(file, diagnostics);
        }
    }
    let config = &settings.value;
    let mut analytics = Analytics::default();
    if let Some(plausible) = get(config, "plausible").filter(|p| flag(get(p, "enabled"))) {
        match text_at(plausible, "dataDomain").filter(|d| is_domain(d)) {
            Some(domain) => {
                analytics.insert_script(
                    "https://plausible.io/js/script.js",
                    &format!("s.defer=true;s.setAttribute(\"data-domain\",\"{domain}\");"),
                );
                analytics.connect_origins.push("https://plausible.io".into());
            }
            None => diagnostics.push(Diagnostic::warning(
                config_file,
                settings.position("plausible.enabled"),
                "Plausible is enabled but `plausible.dataDomain` is not a domain name, so no statistics are collected",
            ).with_hint("set `dataDomain: your-domain.org`, the site's domain as Plausible knows it")),
        }
    }
    if let Some(measurements) = get(config, "siteMeasurements").filter(|m| flag(get(m, "enable")))
        && let Some(id) = text_at(measurements, "GA_ID")
    {
        google_analytics(
            settings,
            config_file,
            measurements,
            &id,
            &mut analytics,
            diagnostics,
        );
    }
    analytics
}

fn google_analytics(
    settings: &Settings,
    config_file: &str,
    measurements: &Value,
    id: &str,
    analytics: &mut Analytics,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let at = settings.position("siteMeasurements.GA_ID");
    if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') || id.is_empty() {
        diagnostics.push(Diagnostic::warning(
            config_file,
            at,
            format!("`{id}` is not a Google Analytics id, so Google Analytics is not added"),
        ));
        return;
    }
    if !flag(get(measurements, "withoutConsent")) {
        diagnostics.push(
            Diagnostic::warning(
                config_file,
                at,
                "Google Analytics is not added: the theme asks visitors' consent first, and this site has no consent dialog",
            )
            .with_hint("to add it without asking, set `siteMeasurements.withoutConsent: true` (check that your privacy policy and the law allow it), or use Plausible, which needs no consent"),
        );
        return;
    }
    let setup = format!(
        "window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());gtag('config','{id}',{{anonymize_ip:true}});"
    );
    analytics.insert_script(
        &format!("https://www.googletagmanager.com/gtag/js?id={id}"),
        "s.async=true;",
    );
    analytics
        .head
        .push_str(&format!("<script>{setup}</script>"));
    analytics.inline_scripts.push(setup);
    // Google's list of what its tag needs.
    for origin in [
        "https://*.google-analytics.com",
        "https://*.analytics.google.com",
        "https://*.googletagmanager.com",
    ] {
        analytics.connect_origins.push(origin.into());
    }
    for origin in [
        "https://*.google-analytics.com",
        "https://*.googletagmanager.com",
    ] {
        analytics.image_origins.push(origin.into());
    }
}

/// A domain name, as Plausible's `data-domain` takes one (a list separated by commas too).
fn is_domain(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ','))
}

/// A repository's own copy of one of the theme's page includes: not run, and said so, at its
/// first script if it has one.
fn overridden_include(file: &SourceFile, diagnostics: &mut Vec<Diagnostic>) {
    let text = String::from_utf8_lossy(&file.bytes);
    let script_line = text
        .lines()
        .position(|line| line.to_ascii_lowercase().contains("<script"));
    let (at, message) = match script_line {
        Some(line) => (
            Position {
                line: line + 1,
                column: 1,
            },
            format!(
                "this script is not run: the repository's `{}` replaces the theme's, and this site draws its pages without the theme's includes",
                file.relative
            ),
        ),
        None => (
            Position::START,
            format!(
                "the repository's `{}` replaces the theme's, and this site draws its pages without the theme's includes, so it is not used",
                file.relative
            ),
        ),
    };
    diagnostics.push(
        Diagnostic::warning(&file.shown, at, message)
            .with_hint("for visitor statistics, configure `plausible:` or `siteMeasurements:` in `_config.yml` (README, \"Analytics\")"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Input;

    fn analytics(config: &str, files: &[(&str, &str)]) -> (Analytics, Vec<String>) {
        let mut all = vec![("_config.yml", config)];
        all.extend_from_slice(files);
        let input = Input::of(&all);
        let mut diagnostics = Vec::new();
        let settings =
            crate::content::repository::config::read(input.config.as_ref(), &mut diagnostics);
        let out = read(&settings, "_config.yml", &input.includes, &mut diagnostics);
        (out, crate::content::diagnostics::first_lines(&diagnostics))
    }

    #[test]
    fn none_by_default() {
        let (out, messages) = analytics("title: A\n", &[]);
        assert_eq!(out, Analytics::default());
        assert!(messages.is_empty(), "{messages:?}");
    }

    #[test]
    fn plausible_adds_its_script_and_exactly_its_host() {
        let (out, _) = analytics(
            "title: A\nplausible:\n  enabled: true\n  dataDomain: example.org\n",
            &[],
        );
        // An inline script, allowed by its hash, inserts Plausible's.
        assert_eq!(
            out.head,
            r#"<script>(function(){var s=document.createElement("script");s.defer=true;s.setAttribute("data-domain","example.org");s.src="https://plausible.io/js/script.js";document.head.appendChild(s);})();</script>"#
        );
        assert_eq!(out.inline_scripts.len(), 1);
        assert!(out.head.contains(&out.inline_scripts[0]));
        assert_eq!(out.connect_origins, ["https://plausible.io"]);
        assert!(out.image_origins.is_empty());
        // Turned off, or with a domain that could close the attribute, it adds nothing.
        let (off, _) = analytics(
            "plausible:\n  enabled: false\n  dataDomain: example.org\n",
            &[],
        );
        assert_eq!(off, Analytics::default());
        let (bad, messages) = analytics(
            "plausible:\n  enabled: true\n  dataDomain: '\"><script>'\n",
            &[],
        );
        assert_eq!(bad, Analytics::default());
        assert!(
            messages[0].starts_with("_config.yml:2:12: warning: Plausible is enabled"),
            "{messages:?}"
        );
    }

    #[test]
    fn google_analytics_needs_the_repository_to_say_so_without_consent() {
        let config = "siteMeasurements:\n  enable: true\n  GA_ID: G-TK888\n";
        let (out, messages) = analytics(config, &[]);
        assert_eq!(out, Analytics::default());
        assert!(
            messages[0].starts_with("_config.yml:3:10: warning: Google Analytics is not added"),
            "{messages:?}"
        );
        let (out, messages) = analytics(&format!("{config}  withoutConsent: true\n"), &[]);
        assert!(messages.is_empty(), "{messages:?}");
        assert!(
            out.head
                .contains("https://www.googletagmanager.com/gtag/js?id=G-TK888")
        );
        assert_eq!(out.inline_scripts.len(), 2);
        assert!(out.inline_scripts.iter().all(|s| out.head.contains(s)));
    }

    #[test]
    fn a_script_in_an_overridden_include_is_a_warning_naming_the_file() {
        let (_, messages) = analytics(
            "title: A\n",
            &[(
                "_includes/head.html",
                "<meta name=x>\n<script src=\"https://stats.example/s.js\"></script>\n",
            )],
        );
        assert_eq!(messages.len(), 1);
        assert!(
            messages[0].contains(
                "head.html:2:1: warning: this script is not run: the repository's `_includes/head.html` replaces the theme's"
            ),
            "{messages:?}"
        );
    }
}
