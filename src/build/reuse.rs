//! Pages the previous build of the same output folder drew, reused when nothing they are drawn
//! from has changed: a rebuild after one page is edited draws that page, not all ten thousand.
//!
//! A page's key is a digest of the page as compiled (metadata, blocks, translations, the lists
//! filled into it) and of everything site-wide a page is drawn with (see [`site_key`]), the build
//! program itself included. The previous build's record, kept under `target/` beside its copy of
//! trunk's shell, names each page's key and the files it wrote with the inode, size and
//! modification time each had: a page is reused only if its key is the same and its files in
//! the published `dist/` are still exactly those (a build trunk did not publish, or a file
//! changed by hand, shows in them). Reused files are kept where they are, or linked.

use std::collections::HashMap;
use std::fs;
use std::hash::{Hash, Hasher};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::images::Heroes;
use super::pictures::Pictures;
use super::{BuildContext, output};
pub use crate::content::digest::Key;
use crate::content::digest::{Digest, key_of};
use crate::content::{Page, Site};
use crate::model::UiText;

/// The digest of the build program's own file: a new build of it may draw any page differently.
fn program() -> &'static Key {
    static PROGRAM: OnceLock<Key> = OnceLock::new();
    PROGRAM.get_or_init(|| {
        let mut digest = Digest::default();
        match std::env::current_exe().and_then(fs::read) {
            Ok(bytes) => digest.write(&bytes),
            // Unknown, so never the same as an earlier build's: nothing is reused.
            Err(_) => digest.write(&std::process::id().to_le_bytes()),
        }
        digest.key()
    })
}

/// The digest of everything site-wide a page is drawn with: the build program, the build's
/// settled facts (address, page shell, policy), the site but its pages, each language's words
/// and footer, the images made, and which languages have a news feed.
pub fn site_key(
    context: &BuildContext,
    site: &Site,
    uis: &[UiText],
    (heroes, pictures): (&Heroes, &Pictures),
) -> Key {
    let mut digest = Digest::default();
    program().hash(&mut digest);
    context.hash_drawing(&mut digest);
    // Written out field by field, so that a field added to `Site` must be decided on here.
    let Site {
        config,
        description,
        languages,
        pages: _,
        static_files,
        static_sources,
        primary_color,
        square,
        image_origins,
        media_origins,
        form_origins,
        count_origins,
        frame_hosts,
        logos_on_light,
        icons,
        analytics,
        gbif_widgets,
        // Where images are written, and strictness, change messages, not what is drawn.
        image_sources: _,
        strict: _,
        base,
        // The search dialog's starter carries them; the loader names the starter.
        search_words: _,
    } = site;
    (config, description, languages, static_files, static_sources).hash(&mut digest);
    (
        primary_color,
        square,
        image_origins,
        media_origins,
        form_origins,
        count_origins,
        frame_hosts,
        icons,
    )
        .hash(&mut digest);
    (logos_on_light, base).hash(&mut digest);
    (analytics, gbif_widgets, uis).hash(&mut digest);
    let mut heroes: Vec<_> = heroes.iter().collect();
    heroes.sort_by(|a, b| a.0.cmp(b.0));
    heroes.hash(&mut digest);
    let mut pictures: Vec<_> = pictures.iter().collect();
    pictures.sort_by(|a, b| a.0.cmp(b.0));
    pictures.hash(&mut digest);
    let feeds: Vec<bool> = site
        .config
        .languages
        .iter()
        .map(|language| super::feed::has_feed(site, &language.code))
        .collect();
    feeds.hash(&mut digest);
    digest.key()
}

/// The key of `page` in a site whose [`site_key`] is `site`.
pub fn page_key(site: &Key, page: &Page) -> Key {
    key_of(&(site, page))
}

/// A file as a build left it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Stamp {
    /// Its site path (`/about/index.html`).
    path: String,
    inode: u64,
    len: u64,
    /// Nanoseconds since the epoch.
    modified: i128,
}

impl Stamp {
    fn of(folder: &Path, path: &str) -> Option<Stamp> {
        let metadata = fs::symlink_metadata(output::file_in(folder, path).ok()?).ok()?;
        Some(Stamp {
            path: path.to_owned(),
            inode: metadata.ino(),
            len: metadata.len(),
            modified: i128::from(metadata.mtime()) * 1_000_000_000
                + i128::from(metadata.mtime_nsec()),
        })
    }
}

/// One page of the record: its key and the files it wrote.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct Drawn {
    key: String,
    files: Vec<Stamp>,
}

/// Bumped when the record's form changes: an older record is then not read.
const RECORD_VERSION: u32 = 1;

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct Record {
    version: u32,
    /// By the page's output file (`/about/index.html`).
    pages: HashMap<String, Drawn>,
}

/// The previous build's record, for the build of one output folder.
pub struct Reuse {
    /// Where the files the record speaks of are now.
    previous: Option<PathBuf>,
    /// Where the record is kept, if anywhere.
    file: Option<PathBuf>,
    record: Record,
}

impl Reuse {
    /// The record of the previous build published in `published` (kept in `build::kept_for`'s
    /// folder for it), whose files are now in `files` (see `BuildContext::previous_files`). No
    /// previous build, no record, or one that cannot be read, means nothing is reused; without a
    /// previous build, none is kept either.
    pub fn open(published: Option<&Path>, files: Option<&Path>) -> Reuse {
        let file = published.map(|published| super::kept_for(published).join("pages.json"));
        let record = file
            .as_ref()
            .and_then(|file| fs::read(file).ok())
            .and_then(|bytes| serde_json::from_slice::<Record>(&bytes).ok())
            .filter(|record| record.version == RECORD_VERSION)
            .unwrap_or_default();
        Reuse {
            previous: files.map(Path::to_path_buf),
            file,
            record,
        }
    }

    /// The site paths of the files the previous build wrote for the page whose output file is
    /// `output`, if its key was `key` and the files are still as that build left them.
    pub fn unchanged(&self, output: &str, key: &Key) -> Option<Vec<&str>> {
        let previous = self.previous.as_deref()?;
        let drawn = self.record.pages.get(output)?;
        if drawn.key != super::cache::hex(key) {
            return None;
        }
        drawn
            .files
            .iter()
            .all(|stamp| Stamp::of(previous, &stamp.path).as_ref() == Some(stamp))
            .then(|| drawn.files.iter().map(|s| s.path.as_str()).collect())
    }

    /// Keeps the record of this build, written into `dist`: each page's output file, key and
    /// the site paths of its files. Written whole or not at all.
    pub fn save(&self, dist: &Path, pages: Vec<(String, Key, Vec<String>)>) -> std::io::Result<()> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        let pages = pages
            .into_iter()
            .filter_map(|(output, key, files)| {
                let files: Option<Vec<Stamp>> =
                    files.iter().map(|path| Stamp::of(dist, path)).collect();
                Some((
                    output,
                    Drawn {
                        key: super::cache::hex(&key),
                        files: files?,
                    },
                ))
            })
            .collect();
        let record = Record {
            version: RECORD_VERSION,
            pages,
        };
        if let Some(folder) = file.parent() {
            fs::create_dir_all(folder)?;
        }
        let partial = file.with_extension("json.partial");
        fs::write(&partial, serde_json::to_vec(&record)?)?;
        fs::rename(&partial, file)
    }
}
