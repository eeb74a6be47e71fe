//! A button that opens a menu of links: the navigation's dropdown menus and the language
//! switcher.
//!
//! Keyboard: Enter or Space on the button opens and closes the menu, Arrow Down and Arrow Up open
//! it on its first or last link; inside it the arrows, Home and End move between links, Escape
//! closes it and puts focus back on the button, and Tab leaves it closed. A click outside it
//! closes it. Without the WebAssembly the stylesheet opens the menu while the pointer is over it
//! or focus is inside it, so every link stays reachable.

use leptos::either::EitherOf3;
use leptos::prelude::*;

/// One entry of a menu.
#[derive(Clone, Debug, PartialEq)]
pub struct MenuItem {
    pub label: String,
    /// The address it leads to (under the site's sub-path already); a heading has none.
    pub href: Option<String>,
    pub divider: bool,
    /// The language of the label and of the page it leads to, for the language switcher.
    pub lang: Option<String>,
    /// Whether it leads to the page on screen.
    pub current: bool,
}

/// A dropdown menu; `id` names it (its menu's element id), `open` says which of the page's menus
/// is open, if any: opening one closes the others.
#[component]
pub fn Dropdown(
    id: String,
    label: String,
    items: Vec<MenuItem>,
    open: RwSignal<Option<String>>,
    /// Extra classes of the item.
    #[prop(optional)]
    class: &'static str,
    /// The accessible name of the button, when its text alone does not say what it opens.
    #[prop(optional)]
    button_label: Option<String>,
) -> impl IntoView {
    let menu = NodeRef::<leptos::html::Ul>::new();
    let button = NodeRef::<leptos::html::Button>::new();
    let menu_id = id.clone();
    let is_open = {
        let id = id.clone();
        move || open.with(|open| open.as_deref() == Some(id.as_str()))
    };
    let set_open = move |value: bool| open.set(value.then(|| id.clone()));
    let toggle = {
        let (is_open, set_open) = (is_open.clone(), set_open.clone());
        move |_| set_open(!is_open())
    };
    // One handler for the button and the menu (each handler costs WebAssembly): the arrows open
    // the menu and move through it (from the button, Down goes to the first link and Up to the
    // last), Home and End go to its ends, Escape closes it and puts focus back on the button,
    // Tab leaves it closed behind.
    let on_key = move |event: leptos::ev::KeyboardEvent| {
        let to = match event.key().as_str() {
            "ArrowDown" => Move::Next,
            "ArrowUp" => Move::Previous,
            "Home" => Move::First,
            "End" => Move::Last,
            "Escape" => {
                set_open(false);
                if let Some(button) = button.get_untracked() {
                    let _ = button.focus();
                }
                return;
            }
            "Tab" => return set_open(false),
            _ => return,
        };
        event.prevent_default();
        set_open(true);
        focus_link(menu, to);
    };
    let open_class = is_open.clone();
    // Either, not type-erased views: each erased view type costs its own hydration code.
    let entries = items
        .into_iter()
        .map(|item| {
            if item.divider {
                EitherOf3::A(view! { <li class="dropdown__divider" aria-hidden="true"></li> })
            } else if let Some(href) = item.href {
                let current = item.current.then_some("page");
                EitherOf3::B(view! {
                    <li><a href=href hreflang=item.lang.clone() lang=item.lang aria-current=current>{item.label}</a></li>
                })
            } else {
                EitherOf3::C(view! { <li class="dropdown__heading">{item.label}</li> })
            }
        })
        .collect_view();
    view! {
        <li class=format!("dropdown {class}") class:is-open=open_class on:keydown=on_key>
            <button type="button" class="dropdown__button" node_ref=button
                aria-expanded=move || if is_open() { "true" } else { "false" }
                aria-controls=menu_id.clone() aria-label=button_label
                on:click=toggle>
                {label}
            </button>
            <ul class="dropdown__menu" id=menu_id role="list" node_ref=menu>{entries}</ul>
        </li>
    }
}

/// Where focus moves inside a menu.
#[derive(Clone, Copy)]
enum Move {
    First,
    Last,
    Next,
    Previous,
}

/// Moves focus to a link of `menu`, once the menu is shown.
fn focus_link(menu: NodeRef<leptos::html::Ul>, to: Move) {
    use leptos::wasm_bindgen::JsCast;
    let Some(menu) = menu.get_untracked() else {
        return;
    };
    let Ok(links) = menu.query_selector_all("a") else {
        return;
    };
    let links: Vec<web_sys::HtmlElement> = (0..links.length())
        .filter_map(|i| links.get(i)?.dyn_into().ok())
        .collect();
    if links.is_empty() {
        return;
    }
    let active = document().active_element();
    let at = links.iter().position(|link| {
        active
            .as_ref()
            .is_some_and(|a| a == link.unchecked_ref::<web_sys::Element>())
    });
    let last = links.len() - 1;
    let index = match (to, at) {
        (Move::First, _) | (Move::Next, None) => 0,
        (Move::Last, _) | (Move::Previous, None) => last,
        (Move::Next, Some(i)) => {
            if i == last {
                0
            } else {
                i + 1
            }
        }
        (Move::Previous, Some(i)) => {
            if i == 0 {
                last
            } else {
                i - 1
            }
        }
    };
    // The menu is shown by the class the signal sets, which the DOM has by now.
    let _ = links[index].focus();
}
