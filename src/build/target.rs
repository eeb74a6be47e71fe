//! Where builds keep what the next one reuses, under this repository's `target/`: encoded
//! images, compressed files, copies of trunk's page shell, the record of the pages drawn.

use std::path::PathBuf;

/// This repository's `target/` (or `CARGO_TARGET_DIR`), where builds keep what they can reuse:
/// encoded images, compressed files, copies of trunk's page shell.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// Where the builds for the output folder `dist` keep what the next one uses: a copy of trunk's
/// page shell, for `build_site --watch` (see `ShellSource`), and the record of the pages drawn
/// (see `reuse`). A folder under `target/` named after `dist`'s absolute path, so that each
/// output folder has its own.
pub fn kept_for(dist: &std::path::Path) -> PathBuf {
    let absolute = std::fs::canonicalize(dist).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|cwd| cwd.join(dist))
            .unwrap_or_else(|_| dist.to_path_buf())
    });
    let name: String = absolute
        .to_string_lossy()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    target_dir().join("scc-kept").join(name)
}
