//! A Markdown table, such as the About page's features table.

use leptos::prelude::*;

use super::html_attrs::html_attrs;
use super::prose::Inlines;
use crate::model::Table;

/// A table whose columns keep the alignment the Markdown gave them. On a narrow screen it
/// scrolls sideways inside its own box (it is focusable, so keyboards can scroll it) instead of
/// widening the page. The explicit roles keep its table semantics for screen readers, which some
/// browsers drop once a table's CSS `display` is changed to make it scroll.
#[component]
pub fn FeaturesTable(table: Table) -> impl IntoView {
    let Table {
        attrs,
        align,
        head,
        rows,
    } = table;
    let style = move |column: usize| align.get(column).copied().unwrap_or_default().style();
    let header = head
        .into_iter()
        .enumerate()
        .map(|(column, content)| {
            view! { <th scope="col" role="columnheader" style=style(column)><Inlines content/></th> }
        })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|row| {
            let cells = row
                .into_iter()
                .enumerate()
                .map(|(column, content)| view! { <td role="cell" style=style(column)><Inlines content/></td> })
                .collect_view();
            view! { <tr role="row">{cells}</tr> }
        })
        .collect_view();
    view! {
        <table role="table" tabindex="0" {..html_attrs(&attrs)}>
            <thead role="rowgroup"><tr role="row">{header}</tr></thead>
            <tbody role="rowgroup">{body}</tbody>
        </table>
    }
}
