//! Where the build may write: only inside the output folder, whatever a page's address says.

use std::io;
use std::path::{Component, Path, PathBuf};

use super::BuildError;

/// The file inside `dist` for the site path `path` (`/about/index.html`), or why there is none: a
/// path that would leave the folder (`..`), name the root of the disk or another drive, is refused,
/// as a second line of defence behind the compiler's check of every address.
pub fn file_in(dist: &Path, path: &str) -> Result<PathBuf, BuildError> {
    let relative = Path::new(path.trim_start_matches('/'));
    let mut file = dist.to_path_buf();
    for component in relative.components() {
        match component {
            Component::Normal(part) => file.push(part),
            _ => return Err(BuildError::OutsideOutput(path.to_owned())),
        }
    }
    if file == dist {
        return Err(BuildError::OutsideOutput(path.to_owned()));
    }
    Ok(file)
}

/// Writes `contents` as a new file at `file`. A file already there is unlinked first, never
/// written through: it may be a link to a cache's file, or to the site's own. Its compressed
/// copy (`file.br`), which no longer matches, is removed too, for precompression to make again.
pub fn replace(file: &Path, contents: &[u8]) -> io::Result<()> {
    match std::fs::remove_file(file) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
        _ => {}
    }
    let _ = std::fs::remove_file(with_suffix(file, "br"));
    std::fs::write(file, contents)
}

/// Gives the file `file` the modification time `time`.
pub fn date(file: &Path, time: std::time::SystemTime) -> io::Result<()> {
    std::fs::File::options()
        .write(true)
        .open(file)?
        .set_modified(time)
}

/// `path` with `.suffix` added (`index.html.br`).
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    name.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_output_folder() {
        let dist = Path::new("/tmp/dist");
        assert_eq!(
            file_in(dist, "/about/index.html").unwrap(),
            Path::new("/tmp/dist/about/index.html")
        );
        for escaping in [
            "/../index.html",
            "/../../../../ESCAPED/index.html",
            "/a/../../index.html",
            "/./index.html",
            "",
            "/",
        ] {
            assert!(file_in(dist, escaping).is_err(), "{escaping} was accepted");
        }
    }
}
