//! One section of a page: a level-2 heading and what follows it.

use leptos::prelude::*;

use super::prose::{Blocks, heading_view};
use crate::content::body::Section as Model;

/// A section such as "Our Mission". It draws no wrapper element, so the page body stays exactly
/// the HTML that kramdown makes of the Markdown; the heading and its id carry the structure.
#[component]
pub fn Section(section: Model) -> impl IntoView {
    view! {
        {section.heading.map(heading_view)}
        <Blocks blocks=section.blocks/>
    }
}
