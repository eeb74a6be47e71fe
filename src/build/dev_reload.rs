//! In development, each page reloads itself once the development server's content rebuilder
//! (`build_site --watch`) has drawn it again: the script it carries, and the file it polls.

use crate::urls::BaseUrl;

/// Where the development server's content rebuilder writes what its pages poll.
pub const DEV_FOLDER: &str = "/_dev";

/// Where the development server's content rebuilder writes the number of its latest build (for
/// tools and tests: the pages poll their own files).
pub const DEV_BUILD_NUMBER: &str = "/_dev/build.txt";

/// In development: reloads the page once the development server's content rebuilder
/// (`build_site --watch`, which trunk does not know of) has drawn it again, which it says by
/// writing the number of its build (other than `built`, the one the page carries) in the page's
/// own file `stamp`. A rebuild that does not change the page leaves both as they were, so an
/// open page reloads only when it changed. Asks every 100 ms, one request at a time (each given
/// up after a second, so that a stalled one cannot stop it). The page is fetched afresh into the
/// cache before reloading: trunk's server dates files to the second and would answer a page
/// rewritten within the same second "not modified". A missing file (before the page is first
/// redrawn; trunk's server answers it with the home page) is no news.
pub fn content_reload(base: &BaseUrl, stamp: &str, built: &str) -> String {
    format!(
        "<script>(()=>{{const poll=async()=>{{try{{const r=await fetch('{}',{{cache:'no-store',signal:AbortSignal.timeout(1000)}});const n=await r.text();if(r.ok&&n.length<40&&n!=='{}'){{await fetch(location.href,{{cache:'reload'}});location.reload();return}}}}catch(e){{}}setTimeout(poll,100)}};setTimeout(poll,100)}})()</script>",
        base.href(stamp)
            .replace('\'', "%27")
            .replace('\\', "%5C")
            .replace('<', "%3C"),
        built.replace(['\'', '\\', '<'], "")
    )
}

/// The file the development page at `route` polls (see [`content_reload`]).
pub fn reload_stamp_path(route: &str) -> String {
    use crate::routes;
    format!(
        "{DEV_FOLDER}/pages{}.txt",
        routes::file_stem(&routes::route_key(route))
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_development_page_polls_a_file_of_its_own() {
        assert_eq!(super::reload_stamp_path("/"), "/_dev/pages/index.txt");
        assert_eq!(super::reload_stamp_path("/about/"), "/_dev/pages/about.txt");
        assert_eq!(
            super::reload_stamp_path("/es/collections/specimen-1/"),
            "/_dev/pages/es/collections/specimen-1.txt"
        );
        assert_eq!(
            super::reload_stamp_path("/privacy"),
            "/_dev/pages/privacy.txt"
        );
    }
}
