//! Finding the files of a folder of the site: every file under it, in a stable order, following
//! symbolic links only where they stay inside the site, and never twice round a loop.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::content::diagnostics::{Diagnostic, Position};

/// The files under `folder` (shown in messages as `shown`, such as `content`), sorted, and what
/// was wrong on the way: links that lead out of `site` (which is never read, so never published)
/// and links that lead back into a folder they are in (each reported once).
pub fn files(site: &Path, folder: &Path, shown: &str) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    if !folder.is_dir() {
        return (files, problems);
    }
    let site = site.canonicalize().unwrap_or_else(|_| site.to_path_buf());
    let show = |path: &Path| {
        let relative = path.strip_prefix(folder).unwrap_or(path);
        let relative = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        format!("{shown}/{relative}")
    };
    let mut loops = BTreeSet::new();
    let mut entries = walkdir::WalkDir::new(folder)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().map(Path::to_path_buf).unwrap_or_default();
                match error.loop_ancestor() {
                    // Two links that lead into each other's folders are one loop: reported once.
                    Some(ancestor) => {
                        let key = ancestor
                            .canonicalize()
                            .unwrap_or_else(|_| ancestor.to_path_buf());
                        if loops.insert(key) {
                            problems.push(
                                Diagnostic::error(
                                    &show(&path),
                                    Position::START,
                                    format!(
                                        "this link leads back into `{}`, a folder it is in, so the folder would be read forever",
                                        show(ancestor)
                                    ),
                                )
                                .with_hint("remove the link, or point it at a folder outside this one"),
                            );
                        }
                    }
                    None => problems.push(
                        Diagnostic::error(
                            &show(&path),
                            Position::START,
                            format!("cannot be read: {error}"),
                        )
                        .with_hint("check that the file exists and can be read"),
                    ),
                }
                continue;
            }
        };
        if entry.path_is_symlink() {
            let target = entry.path().canonicalize();
            let inside = target.as_ref().is_ok_and(|t| t.starts_with(&site));
            if !inside {
                problems.push(
                    Diagnostic::error(
                        &show(entry.path()),
                        Position::START,
                        match &target {
                            Ok(target) => format!(
                                "this is a link to `{}`, outside the site's folder; it is not read",
                                target.display()
                            ),
                            Err(error) => format!("this link leads nowhere: {error}"),
                        },
                    )
                    .with_hint("copy what it links to into the site's folder, or remove the link"),
                );
                if entry.file_type().is_dir() {
                    entries.skip_current_dir();
                }
                continue;
            }
        }
        if entry.file_type().is_file() {
            files.push(entry.into_path());
        } else if !entry.file_type().is_dir() {
            // A FIFO would never end, a socket or device is not content.
            problems.push(
                Diagnostic::error(
                    &show(entry.path()),
                    Position::START,
                    "this is not a plain file (a FIFO, a socket or a device), so it is not read",
                )
                .with_hint("replace it with a file, or remove it"),
            );
        }
    }
    (files, problems)
}

/// `path` relative to `base`, with `/` between its parts.
pub fn relative_path(base: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(base).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("scc-walk-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("site/content/sub")).unwrap();
        std::fs::write(dir.join("site/content/a.md"), "a").unwrap();
        std::fs::write(dir.join("site/content/sub/b.md"), "b").unwrap();
        std::fs::create_dir_all(dir.join("outside")).unwrap();
        std::fs::write(dir.join("outside/secret.md"), "secret").unwrap();
        dir
    }

    fn names(files: &[PathBuf], folder: &Path) -> Vec<String> {
        files
            .iter()
            .map(|f| {
                f.strip_prefix(folder)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    }

    #[test]
    fn links_inside_the_site_are_followed_and_links_out_of_it_are_not() {
        let dir = scratch("out");
        let content = dir.join("site/content");
        symlink(dir.join("outside/secret.md"), content.join("leak.md")).unwrap();
        symlink(dir.join("outside"), content.join("leak-folder")).unwrap();
        symlink(content.join("sub"), content.join("again")).unwrap();
        let (files, problems) = files(&dir.join("site"), &content, "content");
        assert_eq!(names(&files, &content), ["a.md", "again/b.md", "sub/b.md"]);
        let messages: Vec<String> = problems.iter().map(|d| d.to_string()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].starts_with("content/leak-folder:1:1: error: this is a link to"));
        assert!(messages[1].starts_with("content/leak.md:1:1: error: this is a link to"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn loops_end_and_each_is_reported_once() {
        let dir = scratch("loops");
        let content = dir.join("site/content");
        symlink(&content, content.join("sub/up")).unwrap();
        symlink(content.join("sub"), content.join("sub/here")).unwrap();
        let (files, problems) = files(&dir.join("site"), &content, "content");
        assert_eq!(names(&files, &content), ["a.md", "sub/b.md"]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems
                .iter()
                .all(|p| p.message.contains("leads back into"))
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
