//! The data views the compiler writes on GBIF's data layouts: which layouts get one, and the
//! addresses of the portal's record pages each carries, under the deployment's sub-path.

use super::*;
use crate::content::theme::gbif;

/// The data views of the page at `route`: their kind and their record addresses.
fn views_of(site: &Site, route: &str) -> Vec<(String, serde_json::Value)> {
    let page = site.pages.iter().find(|p| p.route == route).unwrap();
    gbif::views(&page.blocks)
        .map(|view| {
            let kind = gbif::view_attribute(view, gbif::VIEW_ATTRIBUTE)
                .unwrap()
                .to_owned();
            let records = gbif::view_attribute(view, "data-records").unwrap_or("{}");
            (kind, serde_json::from_str(records).unwrap())
        })
        .collect()
}

#[test]
fn data_views_link_to_the_portals_record_pages_under_its_sub_path() {
    let compiled = compile_files(&[
        (
            "_config.yml",
            "title: S\nurl: https://example.org\nbaseurl: /sub\ndefaults:\n  - scope:\n      path: \"\"\n    values:\n      lang: en\n",
        ),
        (
            "search.md",
            "---\nlayout: occurrence\ntitle: Search\npermalink: /occurrence/search\n---\n",
        ),
        (
            "occurrence.md",
            "---\nlayout: occurrence-key\ntitle: Record\npermalink: /occurrence/_key_\n---\n",
        ),
        (
            "dataset.md",
            "---\nlayout: dataset-key\ntitle: Dataset\npermalink: /data/set/_key_\n---\n",
        ),
        (
            "widget.md",
            "---\nlayout: widget\ntitle: Widget\npermalink: /widget/\n---\n",
        ),
    ]);
    let site = compiled.site.unwrap();
    let records = serde_json::json!({
        "occurrence": "/sub/occurrence/",
        "dataset": "/sub/data/set/",
        "occurrence-search": "/sub/occurrence/search",
    });
    assert_eq!(
        views_of(&site, "/occurrence/search"),
        vec![("occurrence".to_owned(), records.clone())]
    );
    assert_eq!(
        views_of(&site, "/data/set/_key_"),
        vec![("dataset-key".to_owned(), records)]
    );
    // GBIF's own widget layout keeps its link card alone.
    assert!(views_of(&site, "/widget/").is_empty());
}
