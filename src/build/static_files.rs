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
        // Written by an earlier build of the same file (the development server rebuilds into
        // `dist/`), or by the app's own build: kept, unless the site's file changed since.
        if let (Ok(target), Ok(source)) = (fs::metadata(&to), fs::metadata(&from)) {
            let newer = |a: &fs::Metadata, b: &fs::Metadata| matches!((a.modified(), b.modified()), (Ok(a), Ok(b)) if a > b);
            if !newer(&source, &target) {
                context.keep(to);
                return Ok(());
            }
            fs::remove_file(&to).map_err(BuildError::io(&to))?;
        }
        if let Some(folder) = to.parent() {
            fs::create_dir_all(folder).map_err(BuildError::io(folder))?;
        }
        // A hard link costs no space where the site and the output share a disk.
        if fs::hard_link(&from, &to).is_err() {
            fs::copy(&from, &to).map_err(BuildError::io(&from))?;
        }
        context.keep(to);
        Ok(())
    });
    results.into_iter().collect()
}
