//! The search's filters, each with the counts of the records it would keep (the API's facets,
//! counted as if that filter were not set, so that the other choices stay visible): taxon
//! (with name suggestions), years, basis of record, country, dataset, institution code, and
//! whether records have coordinates or images. A change applies at once, from the first record.

use leptos::prelude::*;

use crate::data_pages::address::Go;
use crate::data_pages::api::{self, FacetCount, SearchPage};
use crate::data_pages::named::Named;
use crate::data_pages::query::{Query, encoded};
use crate::data_pages::view::Settings;
use crate::data_pages::words::readable;

/// The filters with a list of choices: the parameter, its word, and how many choices to list.
const CHOICES: [(&str, &str); 4] = [
    ("basisOfRecord", "dataBasisOfRecord"),
    ("country", "dataCountry"),
    ("datasetKey", "dataDataset"),
    ("institutionCode", "dataInstitutionCode"),
];

#[component]
pub fn Filters(settings: Settings, query: ReadSignal<Query>, go: Go) -> impl IntoView {
    let scope = settings.scope.clone();
    let path = Signal::derive(move || {
        let mut path = "/occurrence/search?limit=0&facetLimit=25&facetMultiselect=true".to_owned();
        for (parameter, _) in CHOICES {
            path.push_str("&facet=");
            path.push_str(parameter);
        }
        path.push('&');
        path.push_str(&query.with(|q| q.api_query(&scope)));
        path
    });
    let facets = api::ask(settings.api.clone(), path).answer;
    let words = settings.words.clone();
    let set = move |parameter: &'static str, value: String| {
        go.to(query.get_untracked().first_page().with(parameter, &value));
    };
    // Until the counts come (or if they do not), each list shows what is chosen. The lists
    // stay on the page while their choices change, so that focus stays where it was.
    let page = Memo::new(move |_| {
        facets
            .get()
            .and_then(Result::ok)
            .map(|answer| SearchPage::of(&answer))
            .unwrap_or_default()
    });
    let choices = CHOICES
        .map(|(parameter, word)| choice(&settings, parameter, word, page, query, set))
        .collect_view();
    let year = move |end: usize| {
        query.with(|q| {
            let year = q.get("year");
            let part = year
                .split(',')
                .nth(end)
                .unwrap_or(if end == 0 { year } else { "" });
            if part == "*" {
                String::new()
            } else {
                part.to_owned()
            }
        })
    };
    let set_year = move |end: usize, value: String| {
        let mut ends = [year(0), year(1)];
        ends[end] = value.trim().to_owned();
        let joined = match (ends[0].is_empty(), ends[1].is_empty()) {
            (true, true) => String::new(),
            (false, true) => format!("{},*", ends[0]),
            (true, false) => format!("*,{}", ends[1]),
            (false, false) => format!("{},{}", ends[0], ends[1]),
        };
        set("year", joined);
    };
    let flag_words = words.clone();
    let flag = move |parameter: &'static str, on: &'static str, word: &str| {
        let words = &flag_words;
        view! {
            <label class="data-filters__flag">
                <input type="checkbox" prop:checked=move || query.with(|q| q.get(parameter) == on)
                    on:change=move |e| set(parameter, if event_target_checked(&e) { on.to_owned() } else { String::new() })/>
                {words.get(word)}
            </label>
        }
    };
    let clear = move |_| {
        let q = query.get_untracked();
        go.to(Query::default()
            .with("q", q.get("q"))
            .with("view", q.get("view")));
    };
    // Open on a wide screen, or when a filter is set; on a phone the records come first.
    let wide = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= 768.0);
    let open = wide || query.with_untracked(Query::has_filters);
    view! {
        <details class="data-filters" open=open>
            <summary>{words.get("dataFilters")}</summary>
            <div class="data-filters__grid">
                <TaxonFilter settings=settings.clone() query set/>
                <div class="data-filters__years">
                    <label>{words.get("dataYearFrom")}
                        <input type="number" inputmode="numeric" min="1500" max="2100" prop:value=move || year(0)
                            on:change=move |e| set_year(0, event_target_value(&e))/>
                    </label>
                    <label>{words.get("dataYearTo")}
                        <input type="number" inputmode="numeric" min="1500" max="2100" prop:value=move || year(1)
                            on:change=move |e| set_year(1, event_target_value(&e))/>
                    </label>
                </div>
                {choices}
                {flag("hasCoordinate", "true", "dataHasCoordinates")}
                {flag("mediaType", "StillImage", "dataHasImage")}
                <Show when=move || query.with(Query::has_filters)>
                    <button type="button" class="button" on:click=clear>{words.get("dataClear")}</button>
                </Show>
            </div>
        </details>
    }
}

/// A list of choices for `parameter`, each with its count; the chosen value stays listed when
/// the counts do not name it.
fn choice<F: Fn(&'static str, String) + Copy + 'static>(
    settings: &Settings,
    parameter: &'static str,
    word: &str,
    page: Memo<SearchPage>,
    query: ReadSignal<Query>,
    set: F,
) -> impl IntoView + use<F> {
    let named = settings.clone();
    let options = move || {
        let chosen = query.with(|q| q.get(parameter).to_owned());
        let mut counts = page.with(|page| page.facet(parameter));
        if !chosen.is_empty() && !counts.iter().any(|c| c.name == chosen) {
            let name = chosen.clone();
            counts.insert(0, FacetCount { name, count: 0 });
        }
        counts
            .into_iter()
            .map(|FacetCount { name, count }| {
                let selected = name == chosen;
                let label = if parameter == "datasetKey" {
                    let path = format!("/dataset/{name}");
                    view! { <Named settings=named.clone() path field="title" fallback=name.clone()/> }.into_any()
                } else {
                    readable(&name).into_any()
                };
                let count = (count > 0).then(|| format!(" ({count})"));
                view! { <option value=name selected=selected>{label}{count}</option> }
            })
            .collect_view()
    };
    let id = format!("filter-{parameter}");
    view! {
        <div class="data-filters__field">
            <label for=id.clone()>{settings.words.get(word)}</label>
            <select id=id on:change=move |e| set(parameter, event_target_value(&e))>
                <option value="">{settings.words.get("dataAny")}</option>
                {options}
            </select>
        </div>
    }
}

/// The taxon filter: a name field whose suggestions come from GBIF's backbone as the visitor
/// types (`/species/suggest`: `key`, `scientificName`); choosing one filters by its key.
#[component]
fn TaxonFilter(
    settings: Settings,
    query: ReadSignal<Query>,
    set: impl Fn(&'static str, String) + Copy + 'static,
) -> impl IntoView {
    // The text typed, once the visitor pauses (not at every key), and its suggestions.
    let typed = RwSignal::new(String::new());
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let suggest = move |text: String| {
        if let Some(Some(timer)) = pending.try_update_value(Option::take) {
            timer.clear();
        }
        let timer = set_timeout_with_handle(
            move || typed.set(text.trim().to_owned()),
            std::time::Duration::from_millis(250),
        );
        pending.set_value(timer.ok());
    };
    let path = Signal::derive(move || {
        typed.with(|text| {
            if text.chars().count() < 2 {
                String::new()
            } else {
                format!("/species/suggest?limit=8&q={}", encoded(text))
            }
        })
    });
    let answer = api::ask(settings.api.clone(), path).answer;
    let suggestions = Memo::new(move |_| {
        let found = answer.get().and_then(Result::ok);
        let found = found.as_ref().and_then(serde_json::Value::as_array);
        found
            .into_iter()
            .flatten()
            .filter_map(|s| Some((api::text(s, "scientificName")?, api::text(s, "key")?)))
            .collect::<Vec<_>>()
    });
    let choose = move |text: String| {
        let text = text.trim().to_owned();
        if text.is_empty() {
            set("taxonKey", String::new());
        } else if let Some((_, key)) =
            suggestions.with_untracked(|s| s.iter().find(|(name, _)| *name == text).cloned())
        {
            set("taxonKey", key);
        }
    };
    // The chosen taxon's name, in the field.
    let taxon = Signal::derive(move || {
        let key = query.with(|q| q.get("taxonKey").to_owned());
        if key.is_empty() {
            String::new()
        } else {
            format!("/species/{key}")
        }
    });
    let chosen = api::ask(settings.api.clone(), taxon).answer;
    let chosen = move || {
        let key = query.with(|q| q.get("taxonKey").to_owned());
        if key.is_empty() {
            return String::new();
        }
        let answer = chosen.get().and_then(Result::ok);
        answer
            .and_then(|r| api::text(&r, "scientificName"))
            .unwrap_or(key)
    };
    view! {
        <div class="data-filters__field">
        <label for="filter-taxon">{settings.words.get("dataTaxon")}</label>
        <input id="filter-taxon" type="text" list="filter-taxon-names" autocomplete="off"
            prop:value=chosen
            on:input=move |e| suggest(event_target_value(&e))
            on:change=move |e| choose(event_target_value(&e))/>
        <datalist id="filter-taxon-names">
            {move || suggestions.get().into_iter().map(|(name, _)| view! { <option value=name/> }).collect_view()}
        </datalist>
        </div>
    }
}
