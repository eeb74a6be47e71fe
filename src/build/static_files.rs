//! The site's own files (images, PDFs, icons), copied to the same addresses: a hosted-portal
//! repository links to them by the paths they have in it.

use std::fs;

use super::{BuildContext, BuildError, output, parallel};

/// Copies every file at the site paths `files` from the site's folder into the output folder.
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
        // Written by an earlier build (taken over, or rebuilt in place by the development
        // server): kept if it is the site's file itself (a link) or a copy of it (copies are
        // given the original's time), whatever the times say; the file and its compressed copy
        // are made again otherwise.
        if let (Ok(target), Ok(source)) = (fs::symlink_metadata(&to), fs::metadata(&from)) {
            if target.is_file() && same_file(&source, &target) {
                context.keep(to);
                return Ok(());
            }
            if fs::remove_file(&to).is_err() {
                context.make_way(&to);
            }
            let _ = fs::remove_file(super::output::with_suffix(&to, "br"));
        }
        context.make_folder_for(&to)?;
        // A hard link costs no space where the site and the output share a disk.
        if fs::hard_link(&from, &to).is_err() {
            fs::copy(&from, &to).map_err(BuildError::io(&from))?;
            if let Ok(modified) = fs::metadata(&from).and_then(|m| m.modified()) {
                let _ = output::date(&to, modified);
            }
        }
        context.keep(to);
        Ok(())
    });
    results.into_iter().collect()
}

/// Whether `copy` is `original`: the same file (a link), or a copy of it as [`copy`] makes them
/// (the same size and time).
fn same_file(original: &fs::Metadata, copy: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (original.dev(), original.ino()) == (copy.dev(), copy.ino())
        || (original.len() == copy.len()
            && original.modified().ok().is_some()
            && original.modified().ok() == copy.modified().ok())
}
