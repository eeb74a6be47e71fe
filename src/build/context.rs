//! What every step of the build needs: where it writes, where the site is deployed, and the page
//! shell (trunk's `index.html`) that every page is assembled around.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::dev_reload::{content_reload, reload_stamp_path};
use super::headers::{self, ThirdParties};
use super::policy;
use super::prerender::{self, Document};
use super::previous::{self, Adopted};
use super::shell::read_shell;
use super::site_head::site_head;
use super::{BuildError, Options, output, sitemap};
use crate::content::Site;
use crate::model::SiteConfig;
use crate::model::site_data::SiteData;
use crate::urls::BaseUrl;

/// The build's settled facts, made once and passed to each step.
pub struct BuildContext {
    /// trunk's staging folder, which becomes `dist/`.
    pub dist: PathBuf,
    /// The previous build, whose files that come out the same are kept rather than written
    /// again.
    previous: Previous,
    /// Every file of `dist` this build wrote or kept, for removing the rest of the files it
    /// took over.
    kept: Mutex<HashSet<PathBuf>>,
    /// The images published as they are, for the report.
    image_problems: Mutex<Vec<super::ImageProblem>>,
    /// The site's folder (the hosted-portal repository).
    pub site_root: PathBuf,
    pub base: BaseUrl,
    pub config: SiteConfig,
    /// What the pages load from other sites, allowed by the policy.
    pub third_parties: ThirdParties,
    /// The CSP source of the page's one inline script, the loader (in development builds,
    /// `'unsafe-inline'`, for the reload scripts).
    pub loader_hash: String,
    /// What every page's `<head>` starts with: the charset, the policy, and (after the page's
    /// own preloads) trunk's head with the stylesheets inlined.
    policy_meta: String,
    shell_head: String,
    loader: String,
    /// The module the loader inserts to start the app.
    pub starter: super::shell::Starter,
    /// The module the loader inserts on a page with live counts, if the site has any.
    pub live_counts: Option<super::shell::Starter>,
    /// The data pages' module, if trunk built it and the site has data views.
    pub data_module: Option<super::modules::Module>,
    /// The search dialog's module, when the site has a site index to search (see
    /// `search_index`).
    pub search_module: Option<super::modules::Module>,
    /// trunk's live-reload script, under `trunk serve`.
    trunk_reload: String,
    /// In development, the number of this build, which each page drawn carries and polls for
    /// (see [`content_reload`]); `none` for trunk's own builds.
    reload_number: Option<String>,
}

/// Where the previous build's files are, and how a build keeps those that come out the same.
enum Previous {
    /// There is none: every file is written.
    None,
    /// Published elsewhere (trunk's `dist/`, beside its staging folder): linked from there.
    Linked(PathBuf),
    /// Published elsewhere, and its folders moved into the output folder (release builds; see
    /// `previous.rs`): kept where they are, and the rest removed at the end.
    Adopted(PathBuf, Adopted),
    /// In the output folder itself (the development server's rebuilds): kept where they are.
    InPlace,
}

impl BuildContext {
    /// Reads trunk's `index.html` from `options.dist` and inlines its stylesheets (removing
    /// their files, which no page links to any more).
    pub fn new(site: &Site, options: &Options) -> Result<Self, BuildError> {
        let dist = options.dist.clone();
        let base = BaseUrl::new(&options.public_url);
        let shell_base = options
            .shell_public_url
            .as_deref()
            .map_or_else(|| base.clone(), BaseUrl::new);
        let shell = read_shell(&dist, (&base, &shell_base), &options.shell)?;
        let live_counts = (!site.count_origins.is_empty()).then(|| shell.live_counts());
        let data_module = super::data_module::take(&dist, shell.app_folder(), &base)
            .filter(|_| super::data_module::has_views(site));
        let search_module =
            super::search_module::take(&dist, (shell.app_folder(), &base), &site.search_words)
                .filter(|_| {
                    site.pages
                        .iter()
                        .any(crate::content::site_wide::site_index::is_index)
                });
        let loader = shell.loader_script(
            live_counts.as_ref(),
            data_module.as_ref().map(|module| &module.starter),
            search_module.as_ref().map(|module| &module.starter),
        );
        let loader_hash = headers::script_hash(&loader);
        let third_parties = policy::third_parties(site, &base);
        // Under `trunk serve`, trunk's live-reload script comes along. Its server fills in its
        // address when it serves the page, so no hash of it can be known here: the local preview
        // allows inline scripts instead. The content rebuilder's pages (`--watch`) poll for the
        // next rebuild. Release builds carry neither.
        let rebuilt_by_watch = matches!(options.shell, super::ShellSource::Kept { .. });
        let development = shell.dev_reload.is_some() || rebuilt_by_watch;
        let script_source = if development {
            "'unsafe-inline'".to_owned()
        } else {
            loader_hash.clone()
        };
        let policy_meta = format!(
            r#"<meta http-equiv="Content-Security-Policy" content="{}">"#,
            headers::content_security_policy(&script_source, &third_parties, true)
        );
        let reload_number = development.then(|| {
            options
                .build_number
                .clone()
                .unwrap_or_else(|| "none".into())
        });
        let previous = match options.previous.clone() {
            Some(previous) if previous == dist => Previous::InPlace,
            Some(previous) if previous.is_dir() && options.adopt_previous => {
                let adopted = previous::adopt(&previous, &dist);
                Previous::Adopted(previous, adopted)
            }
            Some(previous) if previous.is_dir() => Previous::Linked(previous),
            _ => Previous::None,
        };
        Ok(Self {
            previous,
            kept: Mutex::default(),
            image_problems: Mutex::default(),
            site_root: options.site_root.clone(),
            config: site.config.clone(),
            third_parties,
            loader_hash: script_source,
            policy_meta,
            shell_head: site_head(
                site,
                &base,
                &shell.head.replace(r#"<meta charset="utf-8">"#, ""),
            ),
            starter: shell.starter(),
            live_counts,
            data_module,
            search_module,
            base,
            loader,
            trunk_reload: shell.dev_reload.unwrap_or_default(),
            reload_number,
            dist,
        })
    }

    /// Writes `contents` to the site path `path` (`/about/index.html`) inside the output folder.
    pub fn write(&self, path: &str, contents: impl AsRef<[u8]>) -> Result<(), BuildError> {
        let file = output::file_in(&self.dist, path)?;
        self.make_folder_for(&file)?;
        let contents = contents.as_ref();
        // A file that did not change is the previous build's file, kept as it is or linked: no
        // writing, which is most of a rebuild of thousands of pages.
        if let Some(old) = self.previous_file(path)
            && fs::metadata(&old).is_ok_and(|m| m.len() == contents.len() as u64)
            && fs::read(&old).is_ok_and(|bytes| bytes == contents)
            && (old == file || link(&old, &file))
        {
            self.keep(file);
            return Ok(());
        }
        if output::replace(&file, contents).is_err() {
            self.make_way(&file);
            output::replace(&file, contents).map_err(BuildError::io(&file))?;
        }
        self.keep(file);
        Ok(())
    }

    /// Makes the folder of the output folder's `file`.
    pub fn make_folder_for(&self, file: &Path) -> Result<(), BuildError> {
        let folder = file.parent().unwrap_or(Path::new("."));
        if fs::create_dir_all(folder).is_err() {
            self.make_way(file);
            fs::create_dir_all(folder).map_err(BuildError::io(folder))?;
        }
        Ok(())
    }

    /// Makes room for the output folder's `file` among the files taken over from the previous
    /// build, which a build into an empty folder would not meet: removes a file of theirs where a
    /// folder of its path must be, and a folder of theirs where it must be. Anything this build
    /// wrote stays (the site itself then has two things at one address, which the write reports).
    pub fn make_way(&self, file: &Path) {
        if !matches!(self.previous, Previous::Adopted(..)) {
            return;
        }
        let Ok(kept) = self.kept.lock() else {
            return;
        };
        for ancestor in file.ancestors().skip(1) {
            if ancestor == self.dist || !ancestor.starts_with(&self.dist) {
                break;
            }
            let is_file = fs::symlink_metadata(ancestor).is_ok_and(|m| !m.is_dir());
            if is_file && !kept.contains(ancestor) {
                let _ = fs::remove_file(ancestor);
            }
        }
        let is_folder = fs::symlink_metadata(file).is_ok_and(|m| m.is_dir());
        if is_folder && !kept.iter().any(|kept| kept.starts_with(file)) {
            let _ = fs::remove_dir_all(file);
        }
    }

    /// Keeps the previous build's file at the site path `path` as it is (see `reuse`). Whether
    /// it could be.
    pub fn keep_previous(&self, path: &str) -> bool {
        let (Some(old), Ok(file)) = (self.previous_file(path), output::file_in(&self.dist, path))
        else {
            return false;
        };
        let kept = if old == file {
            file.is_file()
        } else {
            self.make_folder_for(&file).is_ok() && link(&old, &file)
        };
        if kept {
            self.keep(file);
        }
        kept
    }

    /// Notes that the output folder's `file` is part of this build.
    pub fn keep(&self, file: PathBuf) {
        if let Ok(mut kept) = self.kept.lock() {
            kept.insert(file);
        }
    }

    /// Where the previous build's file for the site path `path` is now, if there was one.
    fn previous_file(&self, path: &str) -> Option<PathBuf> {
        output::file_in(self.previous_files()?, path).ok()
    }

    /// Where the previous build's files are now: where trunk published them, or in the output
    /// folder (taken over, or written there).
    pub fn previous_files(&self) -> Option<&Path> {
        match &self.previous {
            Previous::None => None,
            Previous::Linked(published) => Some(published),
            Previous::Adopted(..) | Previous::InPlace => Some(&self.dist),
        }
    }

    /// The folder the previous build was published in, if there is one.
    pub fn published(&self) -> Option<&Path> {
        match &self.previous {
            Previous::None => None,
            Previous::Linked(published) | Previous::Adopted(published, _) => Some(published),
            Previous::InPlace => Some(&self.dist),
        }
    }

    /// Once every file is written: removes the files taken over from the previous build that
    /// this one neither wrote nor kept. How many.
    pub fn remove_the_rest(&self) -> Result<usize, BuildError> {
        let Previous::Adopted(_, adopted) = &self.previous else {
            return Ok(0);
        };
        let kept = self
            .kept
            .lock()
            .map(|kept| kept.clone())
            .unwrap_or_default();
        adopted.sweep(&kept).map_err(BuildError::io(&self.dist))
    }

    /// For a build that failed: gives the previous build's folders back.
    pub fn abandon(&self) {
        if let Previous::Adopted(_, adopted) = &self.previous {
            adopted.restore();
        }
    }

    /// In development, the file the page at `route` polls and the number to write in it once
    /// the page is written (see [`content_reload`]). None for trunk's own builds, whose pages
    /// carry `none`: they are not polled for until the content rebuilder draws them again.
    pub fn reload_stamp(&self, route: &str) -> Option<(String, &str)> {
        let number = self.reload_number.as_deref()?;
        (number != "none").then(|| (reload_stamp_path(route), number))
    }

    /// Feeds `state` with everything of the build's own a page is drawn with (for `reuse`'s
    /// keys): not where it writes or reads, but the address, settings, policy and page shell.
    pub fn hash_drawing(&self, state: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        // Written out field by field, so that a field added here must be decided on there.
        let Self {
            dist: _,
            previous: _,
            kept: _,
            image_problems: _,
            site_root: _,
            base,
            config,
            third_parties,
            loader_hash,
            policy_meta,
            shell_head,
            loader,
            // The loader names it.
            starter: _,
            live_counts: _,
            data_module: _,
            search_module: _,
            trunk_reload,
            // Whether pages poll for the content rebuilder, but not its number: a page the
            // rebuilder does not draw again keeps the number it was drawn with, and so does the
            // file it polls.
            reload_number,
        } = self;
        (base, config, third_parties, loader_hash).hash(state);
        (policy_meta, shell_head, loader, trunk_reload).hash(state);
        reload_number.is_some().hash(state);
    }

    /// The absolute, encoded URL of a path of the site where it is deployed.
    pub fn absolute(&self, path: &str) -> String {
        self.base.absolute(&self.config.base_url, path)
    }

    /// A whole HTML document: the app drawn at the browser address `address` with `data`, its
    /// `<body>` marked with `marker` (the route it shows, for the app to check before taking it
    /// over), and in its `<head>` the page's own `preloads` (ahead of the app's, so the hero image
    /// is requested first) and `page_head` tags.
    pub fn document(
        &self,
        data: &SiteData,
        marker: &str,
        address: &str,
        preloads: &str,
        page_head: &str,
    ) -> String {
        // The HTML holds the page body already; the data in it need not carry it twice.
        let mut island = data.clone();
        if let Some(page) = &mut island.page {
            for part in &mut page.parts {
                part.html.clear();
            }
        }
        // The charset first (it must come within the first 1024 bytes), then the policy (before
        // any script).
        let head = format!(
            "<meta charset=\"utf-8\">\n{}\n{preloads}\n{}\n{page_head}\n{}\n<script type=\"module\">{}</script>{}",
            self.policy_meta,
            self.shell_head,
            island.to_script_element(),
            self.loader,
            self.dev_reload(marker)
        );
        let body_attributes = format!(r#" data-route="{}""#, sitemap::xml_escape(marker));
        prerender::render(
            data,
            &self.base.href(address),
            &Document {
                head: &head,
                body_attributes: &body_attributes,
            },
        )
    }

    /// Notes that the image at site path `image` is published as it is, because of `error`.
    pub fn note_image_problem(&self, image: &str, error: &BuildError) {
        if let Ok(mut problems) = self.image_problems.lock() {
            problems.push(super::ImageProblem::new(image, error));
        }
    }

    /// The images noted as published as they are.
    pub fn take_image_problems(&self) -> Vec<super::ImageProblem> {
        self.image_problems
            .lock()
            .map(|mut problems| std::mem::take(&mut *problems))
            .unwrap_or_default()
    }

    /// What a development page at `route` carries to reload itself: trunk's script (under
    /// `trunk serve`) and the content rebuilder's poller.
    fn dev_reload(&self, route: &str) -> String {
        match &self.reload_number {
            Some(number) => format!(
                "{}{}",
                self.trunk_reload,
                content_reload(&self.base, &reload_stamp_path(route), number)
            ),
            None => String::new(),
        }
    }
}

/// Links the file `old` at `file` (in place of any file there), and its compressed copy, which
/// precompression then keeps. Whether the file could be linked.
fn link(old: &Path, file: &Path) -> bool {
    use super::output::with_suffix;
    let _ = fs::remove_file(file);
    if fs::hard_link(old, file).is_err() {
        return false;
    }
    let _ = fs::hard_link(with_suffix(old, "br"), with_suffix(file, "br"));
    true
}
