//! What the development server's rebuilder (`build_site --watch`, one process for a whole
//! editing session) remembers from one build to the next: each page as compiled, with its
//! messages, by a digest of its file and of everything site-wide a page is compiled with, so
//! that a save compiles only the pages it can change. Compiling is most of a rebuild of a large
//! site (1.4-2.2 s of 10,010 pages).
//!
//! Site-wide: `_config.yml`, every data file, every include and the set of layouts; for a page
//! whose Liquid reads the lists of documents (`site.pages`, `site.posts`, ...), every page's
//! front matter too (see `liquid::globals`).

use std::collections::HashMap;

use super::draft::PageDraft;
use crate::content::diagnostics::Diagnostic;
use crate::content::digest::key_of;
use crate::content::repository::documents::Document;
use crate::content::repository::{Input, SourceFile};

pub use crate::content::digest::Key;

/// Pages compiled by earlier builds, by their files' paths.
#[derive(Default)]
pub struct Remembered {
    pages: HashMap<String, (Key, Option<PageDraft>, Vec<Diagnostic>)>,
}

impl Remembered {
    /// The page of the file `relative` and its messages, if it was compiled from `key`.
    pub fn get(&self, relative: &str, key: &Key) -> Option<(Option<PageDraft>, Vec<Diagnostic>)> {
        let (known, draft, messages) = self.pages.get(relative)?;
        (known == key).then(|| (draft.clone(), messages.clone()))
    }

    /// Remembers the page of the file `relative`, compiled from `key`.
    pub fn keep(
        &mut self,
        relative: String,
        key: Key,
        draft: Option<PageDraft>,
        messages: Vec<Diagnostic>,
    ) {
        self.pages.insert(relative, (key, draft, messages));
    }

    /// Forgets the pages whose files are gone.
    pub fn only(&mut self, relatives: &std::collections::HashSet<&str>) {
        self.pages
            .retain(|relative, _| relatives.contains(relative.as_str()));
    }
}

/// The digest of everything site-wide a page is compiled with but the lists of documents.
pub fn site_key(input: &Input) -> Key {
    fn file(file: &SourceFile) -> (&str, &[u8]) {
        (&file.relative, &file.bytes)
    }
    let data: Vec<_> = input.data.iter().map(file).collect();
    let includes: Vec<_> = input.includes.values().map(file).collect();
    let layouts: Vec<_> = input.layouts.values().map(file).collect();
    key_of(&(input.config.as_ref().map(file), data, includes, layouts))
}

/// The key of the page of `relative`, whose file holds `bytes`, in a site whose [`site_key`] is
/// `site`; `lists`, the digest of the lists of documents, if the page reads them.
pub fn page_key(site: &Key, lists: Option<&Key>, relative: &str, bytes: &[u8]) -> Key {
    key_of(&(site, lists, relative, bytes))
}

/// The digest of the lists of documents (every page's front matter, as `site` lists them).
pub fn lists_key(lists: &::liquid::model::Object) -> Key {
    key_of(&serde_json::to_vec(lists).unwrap_or_default())
}

/// The key of each of the `documents` to compile (none for a slot already emptied), in a site
/// whose lists of documents are `lists`; `reads_lists` says which pages read those lists.
pub fn keys(
    input: &Input,
    lists: &::liquid::model::Object,
    documents: &[std::sync::Mutex<Option<Document>>],
    reads_lists: impl Fn(&Document) -> bool,
) -> Vec<Option<(String, Key)>> {
    let site_key = site_key(input);
    let lists = lists_key(lists);
    let bytes: HashMap<&str, &[u8]> = input
        .documents
        .iter()
        .map(|file| (file.relative.as_str(), file.bytes.as_slice()))
        .collect();
    documents
        .iter()
        .map(|slot| {
            let document = slot.lock().ok()?;
            let document = document.as_ref()?;
            let file = bytes.get(document.relative.as_str())?;
            let lists = reads_lists(document).then_some(&lists);
            let key = page_key(&site_key, lists, &document.relative, file);
            Some((document.relative.clone(), key))
        })
        .collect()
}
