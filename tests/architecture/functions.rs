//! The length of every function outside tests, from its `fn` to its closing brace.

use std::path::{Path, PathBuf};

use syn::spanned::Spanned;
use syn::visit::Visit;

use crate::modules::is_test_only;

/// A function and how many lines it takes.
#[derive(Debug)]
pub struct Function {
    pub file: PathBuf,
    pub name: String,
    pub line: usize,
    pub lines: usize,
}

/// Every function (free, in an `impl` or a trait) of the Rust files under `folder`, except those
/// only compiled for tests.
pub fn functions_under(folder: &Path) -> Result<Vec<Function>, String> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(folder).sort_by_file_name() {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        if path.extension().is_none_or(|ext| ext != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let parsed = syn::parse_file(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut finder = Finder {
            file: path.to_path_buf(),
            found: &mut found,
        };
        finder.visit_file(&parsed);
    }
    Ok(found)
}

struct Finder<'a> {
    file: PathBuf,
    found: &'a mut Vec<Function>,
}

impl Finder<'_> {
    fn note(&mut self, name: &syn::Ident, fn_token: &syn::token::Fn, body: &syn::Block) {
        let first = fn_token.span().start().line;
        let last = body.span().end().line;
        self.found.push(Function {
            file: self.file.clone(),
            name: name.to_string(),
            line: first,
            lines: last + 1 - first,
        });
    }
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        if !is_test_only(&item.attrs) {
            syn::visit::visit_item_mod(self, item);
        }
    }

    fn visit_item_impl(&mut self, item: &'ast syn::ItemImpl) {
        if !is_test_only(&item.attrs) {
            syn::visit::visit_item_impl(self, item);
        }
    }

    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        if !is_test_only(&item.attrs) {
            self.note(&item.sig.ident, &item.sig.fn_token, &item.block);
            syn::visit::visit_item_fn(self, item);
        }
    }

    fn visit_impl_item_fn(&mut self, item: &'ast syn::ImplItemFn) {
        if !is_test_only(&item.attrs) {
            self.note(&item.sig.ident, &item.sig.fn_token, &item.block);
            syn::visit::visit_impl_item_fn(self, item);
        }
    }

    fn visit_trait_item_fn(&mut self, item: &'ast syn::TraitItemFn) {
        if let Some(body) = &item.default
            && !is_test_only(&item.attrs)
        {
            self.note(&item.sig.ident, &item.sig.fn_token, body);
        }
        syn::visit::visit_trait_item_fn(self, item);
    }
}
