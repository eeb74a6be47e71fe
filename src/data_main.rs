//! GBIF's data pages in the browser: the second WebAssembly module, which the app's loader fetches
//! on the first page with a data view (`[data-gbif-search]`) and which draws each such view from
//! GBIF's API (see `scc_site::data_pages`).

fn main() {
    scc_site::data_pages::start();
}
