//! A Markdown table, such as the About page's features table.

use leptos::prelude::*;

use super::html_attrs::html_attrs;
use crate::content::body::{Inline, Table, TableRow};

/// A table whose columns keep the alignment the Markdown gave them. On a narrow screen it
/// scrolls sideways inside its own box (it is focusable, so keyboards can scroll it) instead of
/// widening the page. The explicit roles keep its table semantics for screen readers, which some
/// browsers drop once a table's CSS `display` is changed to make it scroll. `cell` draws a cell's
/// content.
#[component]
pub fn FeaturesTable(table: Table, cell: fn(Vec<Inline>) -> AnyView) -> impl IntoView {
    let Table {
        attrs,
        align,
        head,
        bodies,
        foot,
    } = table;
    let rows = |rows: Vec<TableRow>, header: bool| {
        rows.into_iter()
            .map(|row| {
                let cells = row
                    .into_iter()
                    .enumerate()
                    .map(|(column, content)| {
                        let style = align.get(column).copied().unwrap_or_default().style();
                        // An empty cell keeps its row's height, as a space would in kramdown's HTML.
                        let content = if content.is_empty() { vec![Inline::text("\u{a0}")] } else { content };
                        if header {
                            view! { <th scope="col" role="columnheader" style=style>{cell(content)}</th> }.into_any()
                        } else {
                            view! { <td role="cell" style=style>{cell(content)}</td> }.into_any()
                        }
                    })
                    .collect_view();
                view! { <tr role="row">{cells}</tr> }
            })
            .collect_view()
    };
    let head =
        (!head.is_empty()).then(|| view! { <thead role="rowgroup">{rows(head, true)}</thead> });
    let bodies = bodies
        .into_iter()
        .map(|body| view! { <tbody role="rowgroup">{rows(body, false)}</tbody> })
        .collect_view();
    let foot =
        (!foot.is_empty()).then(|| view! { <tfoot role="rowgroup">{rows(foot, false)}</tfoot> });
    view! {
        <table role="table" tabindex="0" {..html_attrs(&attrs)}>
            {head}
            {bodies}
            {foot}
        </table>
    }
}
