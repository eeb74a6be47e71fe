//! The crate's modules as the compiler sees them (from `lib.rs`, following `mod` declarations),
//! and which module each one imports: every `use`, every path of two or more segments in its
//! code (macro bodies such as `view!` included), resolved through `use` and `pub use` to the
//! module that defines what it names. Code under `#[cfg(test)]` is left out: tests may reach
//! anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

/// A module's path from the crate root: `["content", "liquid"]`; the root is empty.
pub type ModPath = Vec<String>;

/// One module of the crate.
#[derive(Default, Debug)]
pub struct Module {
    pub children: BTreeSet<String>,
    /// The names its `use` items bring in, with the path each names (`draft` ->
    /// `super::draft`). A glob (`use x::*`) is kept under the name `*`.
    pub uses: Vec<(String, Vec<String>)>,
    /// The paths its code refers to (two segments or more), as written.
    pub paths: Vec<Vec<String>>,
}

/// Every module of the crate whose root file is `root` (`src/lib.rs`).
pub fn read_crate(root: &Path) -> Result<BTreeMap<ModPath, Module>, String> {
    let mut modules = BTreeMap::new();
    read_module(root, Vec::new(), &mut modules)?;
    Ok(modules)
}

fn read_module(
    file: &Path,
    path: ModPath,
    modules: &mut BTreeMap<ModPath, Module>,
) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let parsed = syn::parse_file(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    // `a.rs` and `a/mod.rs` keep their children in `a/`; `lib.rs` and `mod.rs` beside them.
    let folder = match file.file_stem().and_then(|s| s.to_str()) {
        Some("lib" | "main" | "mod") => file.parent().unwrap_or(Path::new("")).to_path_buf(),
        Some(stem) => file.parent().unwrap_or(Path::new("")).join(stem),
        None => return Err(format!("{}: no file name", file.display())),
    };
    read_items(&parsed.items, &folder, path, modules)
}

fn read_items(
    items: &[syn::Item],
    folder: &Path,
    path: ModPath,
    modules: &mut BTreeMap<ModPath, Module>,
) -> Result<(), String> {
    let mut module = Module::default();
    let mut nested = Vec::new();
    for item in items {
        if is_test_only(item_attrs(item)) {
            continue;
        }
        match item {
            syn::Item::Mod(declared) => {
                let name = declared.ident.to_string();
                module.children.insert(name.clone());
                nested.push((declared, name));
            }
            // `use ::liquid::...` names another crate.
            syn::Item::Use(used) if used.leading_colon.is_some() => {}
            syn::Item::Use(used) => flatten_use(&used.tree, Vec::new(), &mut module.uses),
            other => {
                let mut finder = PathFinder::default();
                finder.visit_item(other);
                module.paths.extend(finder.paths);
            }
        }
    }
    for (declared, name) in nested {
        let mut child_path = path.clone();
        child_path.push(name.clone());
        match &declared.content {
            Some((_, items)) => read_items(items, &folder.join(&name), child_path, modules)?,
            None => {
                let child_file = declared_file(declared, folder, &name)?;
                read_module(&child_file, child_path, modules)?;
            }
        }
    }
    modules.insert(path, module);
    Ok(())
}

/// The file of `mod name;`: its `#[path]`, `name.rs` or `name/mod.rs`.
fn declared_file(declared: &syn::ItemMod, folder: &Path, name: &str) -> Result<PathBuf, String> {
    for attr in &declared.attrs {
        if attr.path().is_ident("path")
            && let syn::Meta::NameValue(value) = &attr.meta
            && let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(path),
                ..
            }) = &value.value
        {
            return Ok(folder.join(path.value()));
        }
    }
    let flat = folder.join(format!("{name}.rs"));
    if flat.is_file() {
        return Ok(flat);
    }
    let nested = folder.join(name).join("mod.rs");
    if nested.is_file() {
        return Ok(nested);
    }
    Err(format!("no file for `mod {name};` in {}", folder.display()))
}

fn item_attrs(item: &syn::Item) -> &[syn::Attribute] {
    match item {
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::Fn(i) => &i.attrs,
        syn::Item::Impl(i) => &i.attrs,
        syn::Item::Macro(i) => &i.attrs,
        syn::Item::Mod(i) => &i.attrs,
        syn::Item::Static(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Trait(i) => &i.attrs,
        syn::Item::Type(i) => &i.attrs,
        syn::Item::Union(i) => &i.attrs,
        syn::Item::Use(i) => &i.attrs,
        _ => &[],
    }
}

/// Whether attributes say the item exists only in tests (`#[cfg(test)]`, `#[test]`).
pub fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("test")
            || (attr.path().is_ident("cfg")
                && attr
                    .parse_args::<syn::Meta>()
                    .is_ok_and(|meta| cfg_needs_test(&meta)))
    })
}

/// Whether a `cfg` predicate holds only in tests: `test`, or `all(..., test, ...)`.
fn cfg_needs_test(meta: &syn::Meta) -> bool {
    match meta {
        syn::Meta::Path(path) => path.is_ident("test"),
        syn::Meta::List(list) if list.path.is_ident("all") => list
            .parse_args_with(
                syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
            )
            .is_ok_and(|all| all.iter().any(cfg_needs_test)),
        _ => false,
    }
}

/// A `use` tree as (name brought in, full path) pairs.
fn flatten_use(tree: &syn::UseTree, prefix: Vec<String>, out: &mut Vec<(String, Vec<String>)>) {
    let with = |segment: String| {
        let mut path = prefix.clone();
        path.push(segment);
        path
    };
    match tree {
        syn::UseTree::Path(p) => flatten_use(&p.tree, with(p.ident.to_string()), out),
        syn::UseTree::Name(n) if n.ident == "self" => {
            if let Some(last) = prefix.last() {
                out.push((last.clone(), prefix.clone()));
            }
        }
        syn::UseTree::Name(n) => out.push((n.ident.to_string(), with(n.ident.to_string()))),
        syn::UseTree::Rename(r) => {
            let path = if r.ident == "self" {
                prefix.clone()
            } else {
                with(r.ident.to_string())
            };
            out.push((r.rename.to_string(), path));
        }
        syn::UseTree::Glob(_) => out.push(("*".into(), prefix)),
        syn::UseTree::Group(g) => {
            for tree in &g.items {
                flatten_use(tree, prefix.clone(), out);
            }
        }
    }
}

/// Collects the paths of two segments or more in code, skipping what is only for tests.
#[derive(Default)]
struct PathFinder {
    paths: Vec<Vec<String>>,
}

impl<'ast> Visit<'ast> for PathFinder {
    fn visit_path(&mut self, path: &'ast syn::Path) {
        if path.segments.len() >= 2 && path.leading_colon.is_none() {
            self.paths
                .push(path.segments.iter().map(|s| s.ident.to_string()).collect());
        }
        syn::visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.visit_path(&mac.path);
        macro_paths(mac.tokens.clone(), &mut self.paths);
    }

    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        if !is_test_only(&item.attrs) {
            syn::visit::visit_item_fn(self, item);
        }
    }

    fn visit_impl_item_fn(&mut self, item: &'ast syn::ImplItemFn) {
        if !is_test_only(&item.attrs) {
            syn::visit::visit_impl_item_fn(self, item);
        }
    }

    fn visit_item_mod(&mut self, _: &'ast syn::ItemMod) {
        // Nested modules are modules of their own (read by `read_items`).
    }
}

/// Paths (`a::b::c`) written inside a macro's tokens, which syn does not parse.
fn macro_paths(tokens: TokenStream, out: &mut Vec<Vec<String>>) {
    fn flush(current: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        if current.len() >= 2 {
            out.push(std::mem::take(current));
        }
        current.clear();
    }
    let mut current: Vec<String> = Vec::new();
    let mut colons = 0;
    for token in tokens {
        match token {
            TokenTree::Ident(ident) => {
                if colons != 2 {
                    flush(&mut current, out);
                }
                current.push(ident.to_string());
                colons = 0;
            }
            TokenTree::Punct(punct) if punct.as_char() == ':' && !current.is_empty() => {
                colons += 1;
            }
            TokenTree::Group(group) => {
                flush(&mut current, out);
                colons = 0;
                macro_paths(group.stream(), out);
            }
            _ => {
                flush(&mut current, out);
                colons = 0;
            }
        }
    }
    flush(&mut current, out);
}

/// Which modules each module imports (never itself).
pub fn imports(modules: &BTreeMap<ModPath, Module>) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let resolver = Resolver { modules };
    modules
        .iter()
        .map(|(path, module)| {
            let mut targets = BTreeSet::new();
            let written = module
                .uses
                .iter()
                .map(|(_, used)| used)
                .chain(&module.paths);
            for segments in written {
                if let Some(target) = resolver.resolve(path, segments, 0) {
                    targets.insert(target);
                }
            }
            targets.remove(path);
            (path.clone(), targets)
        })
        .collect()
}

struct Resolver<'a> {
    modules: &'a BTreeMap<ModPath, Module>,
}

impl Resolver<'_> {
    /// The module that defines what `segments`, written in module `from`, names; `None` for
    /// what is outside the crate (other crates, the prelude, local names).
    fn resolve(&self, from: &ModPath, segments: &[String], depth: usize) -> Option<ModPath> {
        if depth > 32 || segments.is_empty() {
            return None;
        }
        let (first, rest) = segments.split_first()?;
        let start: ModPath = match first.as_str() {
            "crate" => Vec::new(),
            "self" => from.clone(),
            "super" => {
                let mut parent = from.clone();
                parent.pop();
                let mut rest = rest;
                while rest.first().is_some_and(|s| s == "super") {
                    parent.pop();
                    rest = &rest[1..];
                }
                return self.walk(parent, rest, depth);
            }
            name if self.modules.get(from)?.children.contains(name) => {
                let mut child = from.clone();
                child.push(name.to_owned());
                child
            }
            name => {
                let (_, used) = self
                    .modules
                    .get(from)?
                    .uses
                    .iter()
                    .find(|(local, _)| local == name)?;
                let mut full = used.clone();
                full.extend(rest.iter().cloned());
                // A `use` path is read from the module it is written in.
                return self.resolve(from, &full, depth + 1);
            }
        };
        self.walk(start, rest, depth)
    }

    /// From module `at`, the module that defines `rest`.
    fn walk(&self, mut at: ModPath, rest: &[String], depth: usize) -> Option<ModPath> {
        for (i, segment) in rest.iter().enumerate() {
            let module = self.modules.get(&at)?;
            if module.children.contains(segment) {
                at.push(segment.clone());
                continue;
            }
            // Re-exported here (`pub use draft::PageDraft;`): where it really is.
            if let Some((_, used)) = module.uses.iter().find(|(local, _)| local == segment) {
                let mut full = used.clone();
                full.extend(rest[i + 1..].iter().cloned());
                return self.resolve(&at, &full, depth + 1).or(Some(at));
            }
            return Some(at);
        }
        Some(at)
    }
}

/// The cycles among `imports`: each set of modules that import one another (directly or through
/// others), with one way round it.
pub fn cycles(imports: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Vec<Vec<ModPath>> {
    let mut found = Vec::new();
    let mut reported: BTreeSet<ModPath> = BTreeSet::new();
    for start in imports.keys() {
        if reported.contains(start) {
            continue;
        }
        if let Some(way) = way_back(imports, start) {
            reported.extend(way.iter().cloned());
            found.push(way);
        }
    }
    found
}

/// The shortest way from `start` through its imports back to `start`, if there is one.
fn way_back(
    imports: &BTreeMap<ModPath, BTreeSet<ModPath>>,
    start: &ModPath,
) -> Option<Vec<ModPath>> {
    let mut came_from: BTreeMap<&ModPath, &ModPath> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(at) = queue.pop_front() {
        for next in imports.get(at).into_iter().flatten() {
            if next == start {
                let mut way = vec![at.clone()];
                let mut step = at;
                while step != start {
                    step = came_from[step];
                    way.push(step.clone());
                }
                way.reverse();
                return Some(way);
            }
            if !came_from.contains_key(next) {
                came_from.insert(next, at);
                queue.push_back(next);
            }
        }
    }
    None
}

/// `content::liquid`, or `crate` for the root.
pub fn name(path: &ModPath) -> String {
    if path.is_empty() {
        "crate".into()
    } else {
        path.join("::")
    }
}
