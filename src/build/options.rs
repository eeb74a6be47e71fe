//! What a build is asked to do: where it reads and writes, where the site is deployed, and
//! where trunk's page shell comes from.

use std::path::PathBuf;

/// Where to read from and write to.
pub struct Options {
    /// The site's folder (the hosted-portal repository), whose files are copied and images read.
    pub site_root: PathBuf,
    /// trunk's staging folder, which becomes `dist/` if the build succeeds.
    pub dist: PathBuf,
    /// trunk's `--public-url`: `/` or a sub-path such as `/scc/`.
    pub public_url: String,
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
