//! Each page compiled on its own, on every core: its Liquid rendered, its body parsed, its
//! blocks composed ([`compile`]); during the development server's rebuilds, only the pages a
//! save can change ([`remembered`]).

pub mod compile;
pub mod draft;
pub mod not_found;
pub mod remembered;

use std::sync::Mutex;

pub use compile::{Context, compile};
pub use draft::PageDraft;
pub use remembered::Remembered;

use crate::content::diagnostics::{Diagnostic, Position};
use crate::content::panics;
use crate::content::parallel;
use crate::content::repository::Input;
use crate::content::repository::documents::Document;

/// Every page, compiled.
pub struct Drafts {
    /// In the order of their files.
    pub drafts: Vec<PageDraft>,
    /// Whether a page failed to compile: it has no address to link to, so links to pages not
    /// found are not reported as dead.
    pub some_failed: bool,
}

/// Compiles every document that is written (a collection with `output: false` is there for
/// Liquid only), taking the pages that cannot have changed from `remembered` and leaving this
/// build's there. Messages are kept in page order.
pub fn compile_all(
    documents: Vec<Document>,
    input: &Input,
    cx: &Context,
    mut remembered: Option<&mut Remembered>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Drafts {
    let pending: Vec<Mutex<Option<Document>>> = documents
        .into_iter()
        .filter(|document| {
            document
                .collection
                .as_ref()
                .is_none_or(|(_, output)| *output)
        })
        .map(|document| Mutex::new(Some(document)))
        .collect();
    // Each page's key, for the development server's rebuilds: its file, and what it is compiled
    // with (the lists of documents only if its Liquid reads them, or the GBIF widgets' does).
    let keys = match &remembered {
        None => vec![None; pending.len()],
        Some(_) => remembered::keys(input, cx.site.lists(), &pending, |document| {
            cx.site.read_by(&document.body)
                || cx.site.read_by(&document.front_text)
                || cx.theme.gbif_widgets.is_some()
                || !cx.theme.own_layouts.is_empty()
        }),
    };
    let slots: Vec<_> = pending.iter().zip(&keys).collect();
    let known = remembered.as_deref();
    let compiled = parallel::map(&slots, |(slot, key)| {
        if let (Some(known), Some((relative, key))) = (known, key)
            && let Some((draft, messages)) = known.get(relative, key)
        {
            return (draft, messages, true);
        }
        let mut messages = Vec::new();
        let document = slot.lock().ok().and_then(|mut d| d.take());
        let draft = document.and_then(|d| compile_guarded(d, cx, &mut messages));
        (draft, messages, false)
    });
    let some_failed = compiled
        .iter()
        .any(|(draft, messages, _)| draft.is_none() && messages.iter().any(Diagnostic::is_error));
    let mut drafts: Vec<PageDraft> = Vec::with_capacity(compiled.len());
    for ((draft, mut messages, known), key) in compiled.into_iter().zip(keys) {
        if let (Some(remembered), Some((relative, key)), false) =
            (remembered.as_deref_mut(), key, known)
        {
            remembered.keep(relative, key, draft.clone(), messages.clone());
        }
        diagnostics.append(&mut messages);
        drafts.extend(draft);
    }
    if let Some(remembered) = remembered {
        remembered.only(
            &input
                .documents
                .iter()
                .map(|f| f.relative.as_str())
                .collect(),
        );
    }
    drafts.sort_by(|a, b| a.relative.cmp(&b.relative));
    Drafts {
        drafts,
        some_failed,
    }
}

/// [`compile`], where a panic (a bug here or in a crate) is an error at the page rather than the
/// end of the build.
fn compile_guarded(
    document: Document,
    cx: &Context,
    messages: &mut Vec<Diagnostic>,
) -> Option<PageDraft> {
    let file = document.shown.clone();
    match panics::caught(|| compile(document, cx, messages)) {
        Ok(draft) => draft,
        Err(panic) => {
            messages.push(
                Diagnostic::error(
                    &file,
                    Position::START,
                    format!("compiling this page stopped on an internal error: {panic}"),
                )
                .with_hint("a bug of this site's builder; please report it with this page"),
            );
            None
        }
    }
}
