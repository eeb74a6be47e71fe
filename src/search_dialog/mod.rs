//! The site search's dialog, over Pagefind's index of the site (`build::search_index`): a
//! modal dialog with a field; results (title, excerpt with the words found marked, kind of
//! page) come as the visitor types, in the page's language (Pagefind reads the page's `lang`);
//! the arrow keys move through them, Enter opens one through the app's routing (a link it
//! follows), Escape closes the dialog and gives the focus back. The loader inserts this module
//! when the visitor opens the search (the header's link, `/`, Ctrl+K) or focuses its link.

mod pagefind;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use pagefind::Hit;

/// How long the visitor may pause between keys before the search runs.
const PAUSE: std::time::Duration = std::time::Duration::from_millis(60);

/// Draws the dialog (closed) at the end of the page, and opens it if the visitor asked already.
pub fn start() {
    let Some(body) = document().body() else {
        return;
    };
    let Ok(root) = document().create_element("div") else {
        return;
    };
    let _ = body.append_child(&root);
    if let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() {
        leptos::mount::mount_to(root, SearchDialog).forget();
    }
}

/// The dialog's words in the page's language (`window.sccSearchWords`, which the starter sets
/// from the site's words), by key.
fn word(key: &str) -> String {
    let words = js_sys::Reflect::get(&window(), &"sccSearchWords".into()).unwrap_or_default();
    let lang = document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .unwrap_or_default();
    let in_lang = js_sys::Reflect::get(&words, &lang.into()).unwrap_or_default();
    let fallback = js_sys::Reflect::get(&words, &"en".into()).unwrap_or_default();
    [in_lang, fallback]
        .iter()
        .find_map(|words| js_sys::Reflect::get(words, &key.into()).ok()?.as_string())
        .unwrap_or_else(|| key.to_owned())
}

/// Goes to `url` by a link the app's router follows, as it follows the page's own.
fn go_to(url: &str) {
    if let (Ok(link), Some(body)) = (document().create_element("a"), document().body()) {
        let _ = link.set_attribute("href", url);
        let _ = body.append_child(&link);
        if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
            link.click();
            link.remove();
        }
    }
}

#[component]
fn SearchDialog() -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let input = NodeRef::<leptos::html::Input>::new();
    let term = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let categories = RwSignal::new(Vec::<String>::new());
    let hits = RwSignal::new(Vec::<Hit>::new());
    let count = RwSignal::new(None::<usize>);
    let active = RwSignal::new(0usize);
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let open = move || {
        let Some(dialog) = dialog.get_untracked() else {
            return;
        };
        if let Some(html) = document().document_element() {
            let _ = html.remove_attribute("data-search-open");
        }
        if dialog.open() {
            return;
        }
        opener.set_value(
            document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
        );
        let _ = dialog.show_modal();
        if categories.with_untracked(Vec::is_empty) {
            leptos::task::spawn_local(async move { categories.set(pagefind::categories().await) });
        }
        if let Some(input) = input.get_untracked() {
            let _ = input.focus();
            input.select();
        }
    };
    // Opened when the loader says so: now (the visitor asked while this module loaded), or later.
    let handle = window_event_listener_untyped("scc-search-open", move |_| open());
    on_cleanup(move || handle.remove());
    Effect::new(move |_| {
        if dialog.get().is_some()
            && document()
                .document_element()
                .is_some_and(|html| html.has_attribute("data-search-open"))
        {
            open();
        }
    });
    run_searches(term, (kind, category), hits, (count, active));
    let close = move || {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };
    let follow = move |index: usize| {
        let Some(hit) = hits.with_untracked(|h| h.get(index).cloned()) else {
            return;
        };
        // The page found takes the focus, not the search link.
        opener.set_value(None);
        close();
        go_to(&hit.url);
    };
    let keydown = move |event: leptos::ev::KeyboardEvent| {
        let shown = hits.with_untracked(Vec::len);
        match event.key().as_str() {
            "ArrowDown" if shown > 0 => active.update(|a| *a = (*a + 1) % shown),
            "ArrowUp" if shown > 0 => active.update(|a| *a = (*a + shown - 1) % shown),
            "Enter" if shown > 0 => follow(active.get_untracked()),
            // A search field's own Escape would only clear it; the dialog closes at once.
            "Escape" => close(),
            _ => return,
        }
        event.prevent_default();
    };
    // Closed (Escape, the close button): the focus goes back where it was.
    let closed = move |_| {
        if let Some(Some(opener)) = opener.try_update_value(Option::take) {
            let _ = opener.focus();
        }
    };
    let results = move || result_list(hits.get(), active, follow);
    let counted = move || {
        count.get().map(|n| {
            if n == 0 {
                word("searchNone")
            } else {
                word("searchCount").replace("{count}", &n.to_string())
            }
        })
    };
    view! {
        <dialog class="search-dialog" node_ref=dialog aria-labelledby="search-dialog-title" on:close=closed>
            <div class="search-dialog__head">
                <h2 id="search-dialog-title">{word("search")}</h2>
                <button type="button" class="button" on:click=move |_| close()>{word("searchClose")}</button>
            </div>
            <div class="search-dialog__fields">
                <input type="search" node_ref=input aria-labelledby="search-dialog-title" role="combobox"
                    aria-controls="search-dialog-results" aria-autocomplete="list" autocomplete="off"
                    aria-expanded=move || (!hits.with(Vec::is_empty)).to_string()
                    aria-activedescendant=move || (!hits.with(Vec::is_empty)).then(|| format!("search-hit-{}", active.get()))
                    on:input=move |e| term.set(event_target_value(&e)) on:keydown=keydown/>
                {filters(kind, category, categories)}
            </div>
            <p class="search-dialog__count" aria-live="polite">{counted}</p>
            <ul id="search-dialog-results" role="listbox" aria-labelledby="search-dialog-title">{results}</ul>
        </dialog>
    }
}

/// Searches for `term` (of `kind`, in `category`) once the visitor pauses, into `hits`, `count` (the
/// active result back to the first); an answer to an older term is dropped.
fn run_searches(
    term: RwSignal<String>,
    (kind, category): (RwSignal<String>, RwSignal<String>),
    hits: RwSignal<Vec<Hit>>,
    (count, active): (RwSignal<Option<usize>>, RwSignal<usize>),
) {
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let (asked, of_kind, in_category) = (term.get(), kind.get(), category.get());
        if let Some(Some(timer)) = pending.try_update_value(Option::take) {
            timer.clear();
        }
        if asked.trim().is_empty() {
            hits.set(Vec::new());
            count.set(None);
            return;
        }
        pagefind::preload(&asked);
        let timer = set_timeout_with_handle(
            move || {
                leptos::task::spawn_local(async move {
                    let found = pagefind::search(&asked, (&of_kind, &in_category)).await;
                    let current = || {
                        term.get_untracked() == asked
                            && kind.get_untracked() == of_kind
                            && category.get_untracked() == in_category
                    };
                    let Ok((n, fragments)) = found else { return };
                    if n == 0 && current() {
                        count.set(Some(0));
                        hits.set(Vec::new());
                    }
                    // Each result is shown as soon as it and those before it have come: the
                    // first without waiting for the eighth.
                    for (i, fragment) in fragments.into_iter().enumerate() {
                        let Ok(hit) = pagefind::hit(fragment).await else {
                            break;
                        };
                        if !current() {
                            return;
                        }
                        if i == 0 {
                            active.set(0);
                            count.set(Some(n));
                            hits.set(vec![hit]);
                        } else {
                            hits.update(|shown| shown.push(hit));
                        }
                    }
                });
            },
            PAUSE,
        );
        pending.set_value(timer.ok());
    });
}

/// The results as options of the list the field controls; a click follows one.
fn result_list(
    hits: Vec<Hit>,
    active: RwSignal<usize>,
    follow: impl Fn(usize) + Copy + 'static,
) -> impl IntoView {
    hits.into_iter()
        .enumerate()
        .map(|(i, hit)| {
            let kind_word = match hit.kind.as_str() {
                "post" => word("searchPosts"),
                "documentation" => word("searchDocumentation"),
                _ => word("searchPages"),
            };
            view! {
                <li id=format!("search-hit-{i}") role="option" class="search-dialog__hit"
                    aria-selected=move || (active.get() == i).to_string()
                    on:click=move |event| { event.prevent_default(); follow(i); }>
                    <a href=hit.url.clone() tabindex="-1">{hit.title.clone()}</a>
                    <span class="search-dialog__kind">{kind_word}</span>
                    <p class="search-dialog__excerpt" inner_html=hit.excerpt.clone()></p>
                    {(!hit.sections.is_empty()).then(|| view! {
                        <ul class="search-dialog__sections">
                            {hit.sections.iter().map(|(title, url)| view! {
                                <li><a href=url.clone() tabindex="-1" on:click=close_around>{title.clone()}</a></li>
                            }).collect_view()}
                        </ul>
                    })}
                </li>
            }
        })
        .collect_view()
}

/// The filters: posts' category (when the index has categories) and the kind of page.
fn filters(
    kind: RwSignal<String>,
    category: RwSignal<String>,
    categories: RwSignal<Vec<String>>,
) -> impl IntoView {
    view! {
        <Show when=move || !categories.with(Vec::is_empty)>
            <label class="search-dialog__kind-filter search-dialog__category">{word("searchCategory")}
                <select on:change=move |e| category.set(event_target_value(&e))>
                    <option value="">{word("searchAllKinds")}</option>
                    {move || categories.get().into_iter().map(|name| view! { <option value=name.clone()>{name.clone()}</option> }).collect_view()}
                </select>
            </label>
        </Show>
        <label class="search-dialog__kind-filter">{word("searchKind")}
            <select on:change=move |e| kind.set(event_target_value(&e))>
                <option value="">{word("searchAllKinds")}</option>
                <option value="page">{word("searchPages")}</option>
                <option value="post">{word("searchPosts")}</option>
                <option value="documentation">{word("searchDocumentation")}</option>
            </select>
        </label>
    }
}

/// A section's link, followed as links are (the app's router), the dialog closed around it.
fn close_around(event: leptos::ev::MouseEvent) {
    event.stop_propagation();
    let dialog = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("dialog").ok().flatten())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok());
    if let Some(dialog) = dialog {
        dialog.close();
    }
}
