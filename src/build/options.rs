//! What a build is asked to do: where it reads and writes, where the site is deployed, and
//! where trunk's page shell comes from.

use std::path::PathBuf;

/// Where to read from and write to.
pub struct Options {
    /// The site's folder (the hosted-portal repository), whose files are copied and images read.
    pub site_root: PathBuf,
    /// trunk's staging folder, which becomes `dist/` if the build succeeds.
    pub dist: PathBuf,
    /// Where the site is deployed: `/` or a sub-path such as `/scc/` (trunk's `--public-url`, or
    /// the site's `baseurl`).
    pub public_url: String,
    /// The `--public-url` trunk built its page shell for, when it is not `public_url` (a site
    /// whose `baseurl` gives the sub-path): the shell's addresses are moved under `public_url`.
    pub shell_public_url: Option<String>,
    /// Whether to write `.br` beside the files (release builds; a browser on localhost needs
    /// none).
    pub compress: bool,
    /// Where trunk's page shell comes from (see [`ShellSource`]).
    pub shell: ShellSource,
    /// The site the last build published (trunk's `dist/`), whose unchanged files are kept in
    /// this one (see `BuildContext::write`).
    pub previous: Option<PathBuf>,
    /// Whether `previous`'s folders are moved into this build (`previous.rs`) rather than its
    /// files linked: for release builds, which nothing serves while they run; under
    /// `trunk serve`, the published site stays whole until the new one replaces it.
    pub adopt_previous: bool,
    /// The development server's number for this build (`build_site --watch`), which each page
    /// it draws carries and writes beside it, for the open page to reload on.
    pub build_number: Option<String>,
}

/// Where the build finds trunk's `index.html` (the app's loader, its stylesheets), which every
/// page is drawn around.
#[derive(Clone, Debug, Default)]
pub enum ShellSource {
    /// In the output folder, as trunk leaves it: its stylesheets are inlined into every page and
    /// their files removed.
    #[default]
    InOutput,
    /// The same, and a copy kept in this folder for the development server's content rebuilds
    /// (`build_site --watch`), which write into a `dist/` whose `index.html` is the home page.
    InOutputKeepingACopy(PathBuf),
    /// A copy kept earlier (see above), with its stylesheets read from `styles` (`style/`, by
    /// their names without trunk's hash), so that an edited stylesheet applies at once.
    Kept { folder: PathBuf, styles: PathBuf },
}

/// Where a site whose sub-path is `site_base` (its `baseurl`, or empty) is deployed by a build
/// given `given` (trunk's `--public-url`): the build's own sub-path wins; the site's applies
/// when the build is given none (`/`). Also the address trunk's page shell was made for, when it
/// is not that one.
pub fn deployment(site_base: &str, given: &str) -> (String, Option<String>) {
    if crate::urls::BaseUrl::new(given).as_str().is_empty() && !site_base.is_empty() {
        (format!("{site_base}/"), Some(given.to_owned()))
    } else {
        (given.to_owned(), None)
    }
}
