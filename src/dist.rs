//! Writing the deployable site into trunk's staging folder, after trunk has built the app.

use std::fs;
use std::io;
use std::path::Path;

use crate::site_data::SiteData;

/// Puts the site data into trunk's `index.html` and writes one copy of it per route, plus
/// `404.html`, so that any static host answers every address with the app.
pub fn write_pages(dist: &Path, data: &SiteData) -> io::Result<Vec<String>> {
    let shell = fs::read_to_string(dist.join("index.html"))?;
    let html = with_data(&shell, data).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "trunk's index.html has no </body>",
        )
    })?;
    let mut written = vec!["index.html".to_owned(), "404.html".to_owned()];
    fs::write(dist.join("index.html"), &html)?;
    fs::write(dist.join("404.html"), &html)?;
    for page in &data.site.pages {
        let relative = format!("{}index.html", page.route.trim_start_matches('/'));
        if relative != "index.html" {
            let path = dist.join(&relative);
            fs::create_dir_all(path.parent().expect("a route file is inside dist"))?;
            fs::write(path, &html)?;
            written.push(relative);
        }
    }
    Ok(written)
}

/// `shell` with the data element inserted just before `</body>`.
fn with_data(shell: &str, data: &SiteData) -> Option<String> {
    let at = shell.rfind("</body>")?;
    Some(format!(
        "{}{}\n{}",
        &shell[..at],
        data.to_script_element(),
        &shell[at..]
    ))
}
