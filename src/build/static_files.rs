//! The site's own files (images, PDFs, icons), copied to the same addresses: a hosted-portal
//! repository links to them by the paths they have in it.

use std::fs;

use super::{BuildContext, BuildError, output, parallel};

/// Copies every file at the site paths `files` from the site's folder into the output folder.
/// A file the app's own build already wrote there (trunk's) is kept.
/// `sources` names the files found elsewhere than their address (a collection's).
pub fn copy(
    context: &BuildContext,
    files: &[String],
    sources: &std::collections::BTreeMap<String, String>,
) -> Result<(), BuildError> {
    let results = parallel::map(files, |path| -> Result<(), BuildError> {
        let source = sources.get(path).unwrap_or(path);
        let from = output::file_in(&context.site_root, source)?;
        let to = output::file_in(&context.dist, path)?;
        if to.exists() {
            return Ok(());
        }
        if let Some(folder) = to.parent() {
            fs::create_dir_all(folder).map_err(BuildError::io(folder))?;
        }
        // A hard link costs no space where the site and the output share a disk.
        if fs::hard_link(&from, &to).is_err() {
            fs::copy(&from, &to).map_err(BuildError::io(&from))?;
        }
        Ok(())
    });
    results.into_iter().collect()
}
