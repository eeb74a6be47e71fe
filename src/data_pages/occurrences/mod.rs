//! The occurrence search: free text and filters with their facet counts, and the records as a
//! table, a gallery, a map or the list of their species. The whole search lives in the
//! address, and leads to the same search on GBIF.org (where downloads are made).

mod filters;
mod gallery;
pub mod map;
mod paged;
mod table;

use leptos::prelude::*;

use super::address;
use super::view::Settings;

/// The ways to show the records: the parameter `view`'s value and its word.
const VIEWS: [(&str, &str); 4] = [
    ("table", "dataViewTable"),
    ("gallery", "dataViewGallery"),
    ("map", "dataViewMap"),
    ("species", "dataViewSpecies"),
];

/// The search, in the portal's scope.
#[component]
pub fn OccurrenceSearch(settings: Settings) -> impl IntoView {
    let (query, go) = address::in_address();
    let input = NodeRef::<leptos::html::Input>::new();
    // Back and Forward bring the text of the search they return to into the field.
    Effect::new(move |_| {
        let text = query.with(|q| q.get("q").to_owned());
        if let Some(input) = input.get_untracked()
            && input.value() != text
        {
            input.set_value(&text);
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if let Some(input) = input.get() {
            go.to(query.get_untracked().first_page().with("q", &input.value()));
        }
    };
    let words = settings.words.clone();
    let initial = query.with_untracked(|q| q.get("q").to_owned());
    let scope = settings.scope.clone();
    let on_gbif = move || query.with(|q| q.on_gbif(&scope));
    let shown = settings.clone();
    let view_of = move || {
        let settings = shown.clone();
        match query.with(|q| q.get("view").to_owned()).as_str() {
            "gallery" => view! { <gallery::Gallery settings query go/> }.into_any(),
            "map" => view! { <map::SearchMap settings query/> }.into_any(),
            "species" => {
                view! { <super::lists::FacetList settings kind="species" query go/> }.into_any()
            }
            _ => view! { <table::Table settings query go/> }.into_any(),
        }
    };
    view! {
        <form class="data-search" role="search" on:submit=submit>
            <label for="occurrence-q">{words.get("dataSearch")}</label>
            <input id="occurrence-q" type="search" name="q" value=initial node_ref=input/>
            <button class="button is-primary" type="submit">{words.get("dataSearchButton")}</button>
        </form>
        <filters::Filters settings=settings.clone() query go/>
        <div class="data-search__views" role="group" aria-label=words.get("dataViews")>
            {VIEWS.map(|(name, word)| {
                let current = move || query.with(|q| q.get("view") == name || (name == "table" && q.get("view").is_empty()));
                view! {
                    <button type="button" class="button" aria-pressed=move || current().to_string()
                        on:click=move |_| go.to(query.get_untracked().first_page().with("view", if name == "table" { "" } else { name }))>
                        {words.get(word)}
                    </button>
                }
            })}
        </div>
        <p class="data-search__gbif"><a href=on_gbif>{words.get("dataOnGbifSearch")}</a></p>
        {view_of}
    }
}
