//! Server rendering at build time: the HTML of one route, drawn by the same components the browser
//! runs, with the hydration markers the WebAssembly app needs to take the page over.

use std::sync::Arc;

use futures::StreamExt;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;

use crate::App;
use crate::model::site_data::SiteData;

/// The rendered document around the app: what goes in `<head>` (before the tags the components
/// add), the `<body>` attributes, and what follows the app inside `<body>`.
pub struct Document<'a> {
    pub head: &'a str,
    pub body_attributes: &'a str,
}

/// Renders the app at `path` (the address in the browser, deployment sub-path included) into a
/// whole HTML document. The app's markup starts right after `<body>`, where hydration looks for it.
pub fn render(data: &SiteData, path: &str, document: &Document) -> String {
    // Tasks spawned while rendering (there are none today) need an executor; it may be set already.
    let _ = any_spawner::Executor::init_futures_executor();
    futures::executor::block_on(async {
        let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
        let data = data.clone();
        let (app_html, meta) = owner
            .with(|| {
                provide_context(RequestUrl::new(path));
                let (meta_context, meta) = ServerMetaContext::new();
                provide_context(meta_context);
                let stream = view! { <App data/> }.into_view().to_html_stream_in_order();
                async move { (stream.collect::<String>().await, meta) }
            })
            .await;
        let head = format!(
            "<!DOCTYPE html><html><head>{}</head><body{}>{app_html}</body></html>",
            document.head, document.body_attributes
        );
        let with_meta = meta
            .inject_meta_context(Box::pin(futures::stream::once(async { head })))
            .await;
        with_meta.collect::<String>().await
    })
}
