//! What the visitor sees while another page loads, and when it cannot be loaded.

use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::app::state::{Status, use_page_state};
use crate::browser::fetch::LoadError;

/// A progress bar once loading takes long, or a message saying why the page could not be loaded,
/// with a button to try again. The page on screen stays as it is meanwhile.
#[component]
pub fn PageStatus() -> impl IntoView {
    let state = use_page_state();
    move || {
        let ui = state.shown.with(|shown| shown.ui.clone());
        match state.status.get() {
            Status::Loading { slow: true } => EitherOf3::A(view! {
                <div class="page-loading" role="status">
                    <span class="page-loading__bar"></span>
                    <span class="visually-hidden">{ui.loading.clone()}</span>
                </div>
            }),
            Status::Failed(error) => {
                let reason = match error {
                    LoadError::Offline => ui.offline.clone(),
                    LoadError::TimedOut => ui.timed_out.clone(),
                    LoadError::Server(_) | LoadError::NotFound => ui.server_error.clone(),
                    LoadError::Damaged => ui.damaged_data.clone(),
                };
                let retry = move |_| state.retry();
                EitherOf3::B(view! {
                    <div class="load-error" role="alert">
                        <p><strong>{ui.load_failed.clone()}</strong>" "{reason}</p>
                        <button type="button" class="button is-primary" on:click=retry>
                            {ui.retry.clone()}
                        </button>
                    </div>
                })
            }
            Status::Idle | Status::Loading { slow: false } => EitherOf3::C(()),
        }
    }
}
