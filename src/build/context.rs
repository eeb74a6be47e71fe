//! What every step of the build needs: where it writes, where the site is deployed, and the page
//! shell (trunk's `index.html`) that every page is assembled around.

use std::fs;
use std::path::{Path, PathBuf};

use super::headers::{self, ThirdParties};
use super::prerender::{self, Document};
use super::shell::Shell;
use super::{BuildError, Options, output, sitemap};
use crate::content::Site;
use crate::model::{SiteConfig, SiteData};
use crate::urls::BaseUrl;

/// The build's settled facts, made once and passed to each step.
pub struct BuildContext {
    /// trunk's staging folder, which becomes `dist/`.
    pub dist: PathBuf,
    /// The site's `public/` folder.
    pub public: PathBuf,
    pub base: BaseUrl,
    pub config: SiteConfig,
    /// What the pages load from other sites, allowed by the policy.
    pub third_parties: ThirdParties,
    /// The CSP source of the page's one inline script, the loader.
    pub loader_hash: String,
    /// What every page's `<head>` starts with: the charset, the policy, and (after the page's
    /// own preloads) trunk's head with the stylesheets inlined.
    policy_meta: String,
    shell_head: String,
    loader: String,
    /// trunk's live-reload script, under `trunk serve`.
    dev_reload: String,
}

impl BuildContext {
    /// Reads trunk's `index.html` from `options.dist` and inlines its stylesheets (removing
    /// their files, which no page links to any more).
    pub fn new(site: &Site, options: &Options) -> Result<Self, BuildError> {
        let dist = options.dist.clone();
        let base = BaseUrl::new(&options.public_url);
        let shell_path = dist.join("index.html");
        let shell_html = fs::read_to_string(&shell_path).map_err(BuildError::io(&shell_path))?;
        let shell = Shell::parse(&shell_html, |href| {
            fs::read_to_string(output::file_in(&dist, base.strip(href)).ok()?).ok()
        })
        .map_err(BuildError::Shell)?;
        for stylesheet in &shell.inlined_stylesheets {
            if let Ok(file) = output::file_in(&dist, base.strip(stylesheet)) {
                let _ = fs::remove_file(file);
            }
        }
        let loader = shell.loader_script();
        let loader_hash = headers::script_hash(&loader);
        let third_parties = ThirdParties {
            images: site.image_origins.clone(),
        };
        // Under `trunk serve`, trunk's live-reload script comes along. Its server fills in its
        // address when it serves the page, so no hash of it can be known here: the local preview
        // allows inline scripts instead. Release builds never carry the script.
        let script_source = match &shell.dev_reload {
            Some(_) => "'unsafe-inline'".to_owned(),
            None => loader_hash.clone(),
        };
        let policy_meta = format!(
            r#"<meta http-equiv="Content-Security-Policy" content="{}">"#,
            headers::content_security_policy(&script_source, &third_parties, true)
        );
        Ok(Self {
            public: options.root.join("public"),
            base,
            config: site.config.clone(),
            third_parties,
            loader_hash,
            policy_meta,
            shell_head: shell.head.replace(r#"<meta charset="utf-8">"#, ""),
            loader,
            dev_reload: shell.dev_reload.unwrap_or_default(),
            dist,
        })
    }

    /// Writes `contents` to the site path `path` (`/about/index.html`) inside the output folder.
    pub fn write(&self, path: &str, contents: impl AsRef<[u8]>) -> Result<(), BuildError> {
        let file = output::file_in(&self.dist, path)?;
        let folder = file.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(folder).map_err(BuildError::io(folder))?;
        fs::write(&file, contents).map_err(BuildError::io(&file))
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
            page.body_html.clear();
        }
        // The charset first (it must come within the first 1024 bytes), then the policy (before
        // any script).
        let head = format!(
            "<meta charset=\"utf-8\">\n{}\n{preloads}\n{}\n{page_head}\n{}\n<script type=\"module\">{}</script>{}",
            self.policy_meta,
            self.shell_head,
            island.to_script_element(),
            self.loader,
            self.dev_reload
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
}
