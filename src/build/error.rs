//! What can stop the build step once the content is known to be good: files that cannot be read
//! or written, an image that cannot be decoded, trunk's page shell in an unexpected shape.

use std::fmt;
use std::path::PathBuf;

/// Why the build step could not write the site.
#[derive(Debug)]
pub enum BuildError {
    /// A file or folder could not be read, written or made.
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// An image could not be decoded or encoded.
    Image { path: String, error: String },
    /// trunk's `index.html` is not the shell the build expects.
    Shell(String),
    /// A path that would lead out of the output folder (the compiler refuses such addresses
    /// first; this is the second line of defence).
    OutsideOutput(String),
}

impl BuildError {
    /// An error of file or folder `path`.
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.into();
        move |error| BuildError::Io { path, error }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            BuildError::Image { path, error } => write!(f, "the image {path}: {error}"),
            BuildError::Shell(problem) => write!(f, "trunk's index.html: {problem}"),
            BuildError::OutsideOutput(path) => {
                write!(
                    f,
                    "`{path}` is not a path inside the site; nothing was written there"
                )
            }
        }
    }
}

impl std::error::Error for BuildError {}
