//! The site search's dialog: the third WebAssembly module, which the page loader fetches (with
//! Pagefind's script) only when a visitor opens the search (see `scc_site::search_dialog`).

fn main() {
    scc_site::search_dialog::start();
}
