//! The shape of the code, checked: no module of the crate imports one that imports it back
//! (directly or through others, by `crate::`, `super::` or a child's name), and no function
//! outside tests is longer than [`MAX_FUNCTION_LINES`]. ARCHITECTURE.md promises both; this keeps
//! the promise as the code grows. Tests may reach anywhere and are left out.
//!
//! The checks read the source with `syn`; they are themselves tested on small crates written
//! here, so that a check that can no longer fail would be noticed.

mod functions;
mod modules;

use std::path::Path;

/// The longest a function may be: one that grows past it reads better as named steps.
const MAX_FUNCTION_LINES: usize = 120;

fn source() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The cycles among the modules of the crate rooted at `root`, each as `a -> b -> a`.
fn module_cycles(root: &Path) -> Vec<String> {
    let modules = modules::read_crate(root).unwrap_or_else(|e| panic!("reading the crate: {e}"));
    let imports = modules::imports(&modules);
    modules::cycles(&imports)
        .into_iter()
        .map(|way| {
            let mut names: Vec<String> = way.iter().map(modules::name).collect();
            names.push(names[0].clone());
            names.join(" -> ")
        })
        .collect()
}

/// The functions under `folder` longer than the limit, as `file:line name (n lines)`.
fn long_functions(folder: &Path) -> Vec<String> {
    functions::functions_under(folder)
        .unwrap_or_else(|e| panic!("reading the source: {e}"))
        .into_iter()
        .filter(|f| f.lines > MAX_FUNCTION_LINES)
        .map(|f| {
            format!(
                "{}:{} {} ({} lines)",
                f.file.display(),
                f.line,
                f.name,
                f.lines
            )
        })
        .collect()
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let cycles = module_cycles(&source().join("lib.rs"));
    assert!(
        cycles.is_empty(),
        "modules that import each other (move what both need into a module below them):\n{}",
        cycles.join("\n")
    );
}

#[test]
fn no_function_outside_tests_is_longer_than_the_limit() {
    let long = long_functions(&source());
    assert!(
        long.is_empty(),
        "functions longer than {MAX_FUNCTION_LINES} lines (split them into named steps):\n{}",
        long.join("\n")
    );
}

/// A crate written into a fresh folder under `target/`, from (path, text) pairs.
fn scratch_crate(name: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/architecture-tests")
        .join(name);
    let _ = std::fs::remove_dir_all(&root);
    for (path, text) in files {
        let file = root.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
    root
}

#[test]
fn the_check_finds_cycles_through_crate_super_child_names_and_re_exports() {
    let root = scratch_crate(
        "cycles",
        &[
            ("lib.rs", "pub mod a;\npub mod b;\npub mod c;\npub mod d;\n"),
            // a -> b by `crate::`, b -> a by `super::`.
            ("a.rs", "pub fn f() { crate::b::g(); }\n"),
            ("b.rs", "use super::a;\npub fn g() { a::f(); }\n"),
            // c -> d::inner through d's re-export, d::inner -> c inside a macro.
            (
                "c.rs",
                "pub fn h() -> u8 { crate::d::Thing::default().0 }\n",
            ),
            ("d/mod.rs", "mod inner;\npub use inner::Thing;\n"),
            (
                "d/inner.rs",
                "#[derive(Default)]\npub struct Thing(pub u8);\npub fn k() { println!(\"{}\", crate::c::h()); }\n",
            ),
        ],
    );
    let cycles = module_cycles(&root.join("lib.rs"));
    assert_eq!(
        cycles,
        vec!["a -> b -> a".to_owned(), "c -> d::inner -> c".to_owned()]
    );
}

#[test]
fn the_check_passes_layers_and_what_only_tests_import() {
    let root = scratch_crate(
        "layers",
        &[
            ("lib.rs", "pub mod low;\npub mod high;\n"),
            (
                "low.rs",
                "pub fn f() {}\n#[cfg(test)]\nmod tests { use crate::high; }\n",
            ),
            (
                "high.rs",
                "use crate::low;\npub fn g() { low::f() }\n#[cfg(test)]\nfn only_in_tests() { crate::low::f() }\n",
            ),
        ],
    );
    assert_eq!(module_cycles(&root.join("lib.rs")), Vec::<String>::new());
}

#[test]
fn the_check_finds_a_long_function_and_not_a_long_test() {
    let body = "    let _ = 1;\n".repeat(MAX_FUNCTION_LINES);
    let root = scratch_crate(
        "lengths",
        &[(
            "lib.rs",
            &format!(
                "pub fn short() {{}}\n\npub fn long() {{\n{body}}}\n\n#[cfg(test)]\nmod tests {{\n    #[test]\n    fn long_test() {{\n{body}    }}\n}}\n"
            ),
        )],
    );
    let long = long_functions(&root);
    assert_eq!(long.len(), 1, "{long:?}");
    assert!(
        long[0].ends_with(&format!("lib.rs:3 long ({} lines)", MAX_FUNCTION_LINES + 2)),
        "{long:?}"
    );
}
