//! The other sites a page's HTML may make a visitor's browser use: the players it embeds
//! (`embeds:` in `_config.yml`) and GBIF's API, whose live counts (`data-ajax-url`, the theme's
//! "dynamic values") the app fetches and writes into the page.
//!
//! Counts come only from GBIF's API hosts: a page cannot make its visitors' browsers call any
//! other site, and the policy's `connect-src` stays a short, exact list.

use crate::content::diagnostics::{Diagnostic, Position};
use crate::content::links;

/// GBIF's public API, where the build is not told another (`SCC_GBIF_API`).
pub const GBIF_API: &str = "https://api.gbif.org/v1";

/// The environment variable that points the build at another GBIF API (a mirror, or the
/// tests' stand-in).
pub const GBIF_API_VARIABLE: &str = "SCC_GBIF_API";

/// GBIF's base map tiles (`{z}/{x}/{y}` below it), which the data pages' maps draw the
/// occurrences' density tiles over, where the build is not told another (`SCC_GBIF_TILES`).
pub const GBIF_TILES: &str = "https://tile.gbif.org/3857/omt";

/// The environment variable that points the build at other base map tiles.
pub const GBIF_TILES_VARIABLE: &str = "SCC_GBIF_TILES";

/// GBIF's API hosts that hosted portals fetch counts from, besides the API's base: its other
/// API versions on `api.gbif.org` (`/v2/`), its GraphQL API (the theme documents
/// `data-ajax-path` for it) and the test environments the theme's own examples use.
const GBIF_HOSTS: [&str; 4] = [
    "api.gbif.org",
    "api.gbif-uat.org",
    "graphql.gbif.org",
    "graphql.gbif-staging.org",
];

/// The other sites a page's HTML may use.
#[derive(Clone, Copy, Debug)]
pub struct Hosts<'a> {
    /// Hosts whose `<iframe>` players are kept.
    pub embeds: &'a [String],
    /// The GBIF API's base address (`https://api.gbif.org/v1`, no `/` at the end).
    pub gbif_api: &'a str,
}

impl Hosts<'static> {
    /// No players; GBIF's own API.
    pub const NONE: Hosts<'static> = Hosts {
        embeds: &[],
        gbif_api: GBIF_API,
    };
}

impl Hosts<'_> {
    /// The address a live count written as `written` is fetched from: GBIF's public API is
    /// asked at the base the build was given (the same path and query), GBIF's other API hosts
    /// as written. `None` for any other site, or an address that is not `https:` (but for a
    /// base the build was given, which may be a local stand-in).
    pub fn count_address(&self, written: &str) -> Option<String> {
        let written = written.trim();
        let continues = |rest: &str| rest.is_empty() || rest.starts_with(['/', '?']);
        if let Some(rest) = written.strip_prefix(GBIF_API)
            && continues(rest)
        {
            return Some(format!("{}{rest}", self.gbif_api));
        }
        if let Some(rest) = written.strip_prefix(self.gbif_api)
            && continues(rest)
        {
            return Some(written.to_owned());
        }
        let origin = links::web_origin(written)?;
        let host = origin.strip_prefix("https://")?;
        GBIF_HOSTS.contains(&host).then(|| written.to_owned())
    }
}

/// The GBIF API's base address from `SCC_GBIF_API`, or GBIF's own; an address that is not an
/// `http(s)` one is an error, and GBIF's own is used.
pub fn gbif_api_from_environment(diagnostics: &mut Vec<Diagnostic>) -> String {
    base_from_environment(GBIF_API_VARIABLE, GBIF_API, diagnostics)
}

/// The base map tiles' address from `SCC_GBIF_TILES`, or GBIF's own, as for the API.
pub fn gbif_tiles_from_environment(diagnostics: &mut Vec<Diagnostic>) -> String {
    base_from_environment(GBIF_TILES_VARIABLE, GBIF_TILES, diagnostics)
}

fn base_from_environment(
    variable: &str,
    default: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    let Ok(given) = std::env::var(variable) else {
        return default.to_owned();
    };
    gbif_api_base(&given).unwrap_or_else(|| {
        diagnostics.push(
            Diagnostic::error(
                variable,
                Position::START,
                format!("`{given}` is not the address of an API, so GBIF's own is used"),
            )
            .with_hint(format!("set {variable} to an address such as {default}")),
        );
        default.to_owned()
    })
}

/// `given` as an API base: an `http(s)` address without a query, fragment or final `/`.
fn gbif_api_base(given: &str) -> Option<String> {
    let base = given.trim().trim_end_matches('/');
    links::web_origin(base)?;
    (!base.contains(['?', '#', ' ', '"', '\''])).then(|| base.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const STAND_IN: Hosts = Hosts {
        embeds: &[],
        gbif_api: "http://127.0.0.1:9000/v1",
    };

    #[test]
    fn gbif_api_counts_are_fetched_from_the_base_the_build_was_given() {
        let written = "https://api.gbif.org/v1/occurrence/search?country=BE&limit=0";
        assert_eq!(Hosts::NONE.count_address(written).as_deref(), Some(written));
        assert_eq!(
            STAND_IN.count_address(written).as_deref(),
            Some("http://127.0.0.1:9000/v1/occurrence/search?country=BE&limit=0")
        );
        assert_eq!(
            STAND_IN
                .count_address("http://127.0.0.1:9000/v1/dataset/search")
                .as_deref(),
            Some("http://127.0.0.1:9000/v1/dataset/search")
        );
    }

    #[test]
    fn only_gbifs_api_hosts_are_asked_for_counts() {
        for allowed in [
            "https://graphql.gbif.org/graphql?query=x",
            "https://api.gbif.org/v2/map/occurrence/density/capabilities.json",
        ] {
            assert!(Hosts::NONE.count_address(allowed).is_some(), "{allowed}");
        }
        for refused in [
            "https://evil.example/count",
            "http://api.gbif.org/v1/occurrence/search",
            "https://api.gbif.org.evil.example/v1/x",
            "//api.gbif.org/v1/x",
            "/v1/occurrence/search",
            "javascript:alert(1)",
        ] {
            assert_eq!(Hosts::NONE.count_address(refused), None, "{refused}");
        }
        // The stand-in's `http:` is allowed only as the build's own base.
        assert_eq!(STAND_IN.count_address("http://127.0.0.1:9001/v1/x"), None);
    }

    #[test]
    fn the_base_must_be_a_web_address() {
        assert_eq!(
            gbif_api_base(" https://mirror.example/v1/ ").as_deref(),
            Some("https://mirror.example/v1")
        );
        assert_eq!(gbif_api_base("ftp://x/v1"), None);
        assert_eq!(gbif_api_base("api.gbif.org"), None);
        assert_eq!(gbif_api_base("https://x/v1?y"), None);
    }
}
