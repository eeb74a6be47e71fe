//! The previous build's published files, taken over by a release build: its folders are moved
//! whole into trunk's staging folder, so that a rebuild of ten thousand pages makes no folder
//! again and writes only the files that changed (making and linking 10,000 folders and 40,000
//! files took 1.3-4.8 s on this disk, most of a rebuild). What the build neither writes nor keeps
//! is removed at its end, so the result is the same as a build into an empty folder.
//!
//! trunk removes everything in `dist/` but its staging folder once the build succeeded, and then
//! moves the staging folder's entries there; a build that fails moves the entries back.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

/// The entries of the previous build moved into the staging folder.
#[derive(Debug)]
pub struct Adopted {
    from: PathBuf,
    into: PathBuf,
    names: Vec<OsString>,
}

/// Moves every entry of the published folder `previous` into the staging folder `staging`, but
/// the staging folder itself (trunk's is inside `dist/`) and what trunk wrote there (its
/// `index.html`, `_app/`), which this build makes afresh. An entry that cannot be moved stays,
/// and is made afresh too.
pub fn adopt(previous: &Path, staging: &Path) -> Adopted {
    let staging_itself = fs::canonicalize(staging).ok();
    let mut names = Vec::new();
    for entry in fs::read_dir(previous).into_iter().flatten().flatten() {
        let name = entry.file_name();
        let target = staging.join(&name);
        if fs::canonicalize(entry.path()).ok() == staging_itself
            || fs::symlink_metadata(&target).is_ok()
        {
            continue;
        }
        if fs::rename(entry.path(), &target).is_ok() {
            names.push(name);
        }
    }
    names.sort();
    Adopted {
        from: previous.to_path_buf(),
        into: staging.to_path_buf(),
        names,
    }
}

impl Adopted {
    /// Removes every file of the moved entries that is not in `kept` (a kept file's `.br` stays
    /// with it: a file written again lost its old one, see `output::replace`), then the folders
    /// left empty. How many files were removed.
    pub fn sweep(&self, kept: &HashSet<PathBuf>) -> std::io::Result<usize> {
        let is_kept = |path: &Path| {
            kept.contains(path)
                || path
                    .to_str()
                    .and_then(|p| p.strip_suffix(".br"))
                    .is_some_and(|file| kept.contains(Path::new(file)))
        };
        let mut removed = 0;
        for name in &self.names {
            let entries = walkdir::WalkDir::new(self.into.join(name)).contents_first(true);
            for entry in entries {
                let entry = match entry {
                    Ok(entry) => entry,
                    // Removed by this build since (a file's compressed copy, when it was written).
                    Err(error)
                        if error
                            .io_error()
                            .is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound) =>
                    {
                        continue;
                    }
                    Err(error) => return Err(error.into()),
                };
                if entry.file_type().is_dir() {
                    // Not empty: kept files in it.
                    let _ = fs::remove_dir(entry.path());
                } else if !is_kept(entry.path()) {
                    fs::remove_file(entry.path())?;
                    removed += 1;
                }
            }
        }
        Ok(removed)
    }

    /// Moves the entries back where they were, for a build that failed: the published site
    /// stays, but for the files the build had written again.
    pub fn restore(&self) {
        for name in &self.names {
            let _ = fs::rename(self.into.join(name), self.from.join(name));
        }
    }
}
