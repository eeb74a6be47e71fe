//! The `_redirects` file (Netlify, Cloudflare Pages): a GBIF record's address
//! (`/institution/<key>`, `/institution/<key>/collections`) serves its folder's record page
//! (`/institution/_key_`), as the theme's `serve.json` has local servers do. Other hosts need the
//! same rewrite in their own settings (README, "Deploying").

use crate::content::Site;
use crate::routes::RECORD_PAGE;
use crate::urls::{BaseUrl, encode_path};

/// The file's text, or `None` when the site has no record pages.
pub fn redirects_file(site: &Site, base: &BaseUrl) -> Option<String> {
    let record_routes = &site.config.record_routes;
    if record_routes.is_empty() {
        return None;
    }
    let file_of = |route: &str| {
        site.page_at(route).map(|page| {
            page.output
                .strip_suffix("index.html")
                .unwrap_or(&page.output)
                .to_owned()
        })
    };
    let href = |path: &str| encode_path(&base.href(path));
    let mut out = String::from(
        "# GBIF records' addresses show their folder's record page (the theme's serve.json).\n\
         # The folders' own pages come first: Cloudflare Pages applies a rule even where a file is.\n",
    );
    for record in record_routes.iter().filter(|r| r.ends_with(RECORD_PAGE)) {
        let folder = &record[..record.len() - RECORD_PAGE.len()];
        for page in record_routes
            .iter()
            .filter(|r| *r != record && r.starts_with(&format!("{folder}/")))
        {
            if let Some(file) = file_of(page) {
                for source in [page.clone(), format!("{page}/")] {
                    out.push_str(&format!("{} {} 200\n", href(&source), href(&file)));
                }
            }
        }
        if let Some(file) = file_of(record) {
            out.push_str(&format!(
                "{} {} 200\n",
                href(&format!("{folder}/*")),
                href(&file)
            ));
        }
    }
    Some(out)
}
