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
    /// An image larger than the build decodes: more pixels than `most`.
    TooLarge {
        path: String,
        width: u32,
        height: u32,
        most: u64,
    },
    /// trunk's `index.html` is not the shell the build expects.
    Shell(String),
    /// A path that would lead out of the output folder (the compiler refuses such addresses
    /// first; this is the second line of defence).
    OutsideOutput(String),
    /// The search index could not be made (Pagefind's message).
    Search(String),
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
            BuildError::TooLarge {
                path,
                width,
                height,
                most,
            } => write!(
                f,
                "the image {path} is {width} × {height} pixels, more than the {} megapixels the build decodes",
                most / 1_000_000
            ),
            BuildError::Shell(problem) => write!(f, "trunk's index.html: {problem}"),
            BuildError::OutsideOutput(path) => {
                write!(
                    f,
                    "`{path}` is not a path inside the site; nothing was written there"
                )
            }
            BuildError::Search(problem) => write!(f, "the search index: {problem}"),
        }
    }
}

impl std::error::Error for BuildError {}

/// An image of the site the build could not make smaller files of, and publishes as it is: its
/// path in the site and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageProblem {
    pub image: String,
    pub problem: String,
}

impl ImageProblem {
    /// The problem of the image at site path `image`, from the error that stopped it.
    pub fn new(image: &str, error: &BuildError) -> Self {
        let problem = match error {
            BuildError::TooLarge {
                width,
                height,
                most,
                ..
            } => format!(
                "is {width} × {height} pixels, more than the {} megapixels the build decodes",
                most / 1_000_000
            ),
            BuildError::Image { error, .. } => format!("cannot be read: {error}"),
            other => format!("cannot be made smaller: {other}"),
        };
        ImageProblem {
            image: image.to_owned(),
            problem,
        }
    }

    /// The problem as a message at the place the image is written (`sources`: where each image of
    /// the site is written; else the image's own file in the site's folder, shown as `shown`).
    pub fn diagnostic(
        &self,
        sources: &std::collections::BTreeMap<
            String,
            (String, crate::content::diagnostics::Position),
        >,
        shown: &str,
    ) -> crate::content::diagnostics::Diagnostic {
        use crate::content::diagnostics::{Diagnostic, Position};
        let (file, at) = sources
            .get(&self.image)
            .cloned()
            .unwrap_or_else(|| (format!("{shown}{}", self.image), Position::START));
        Diagnostic::warning(
            &file,
            at,
            format!(
                "the image `{}` {}, so it is published as it is",
                self.image, self.problem
            ),
        )
        .with_hint(if self.problem.starts_with("is ") {
            "resize it to a few thousand pixels on its longer side; pages draw it far smaller"
        } else {
            "replace it with a good PNG, JPEG, WebP or GIF file"
        })
    }
}
