//! The theme's live counts in raw HTML: an element with `data-ajax-url` (and optionally
//! `data-ajax-path`, a dotted path into the answer, `count` when absent) shows the number GBIF's
//! API answers, which the app fetches in the visitor's browser (`crate::browser::live_counts`).
//! Here an address on GBIF's API is kept (pointed at the API the build was given); any other is
//! removed, with a warning where it is written, leaving a count that cannot be had. Either is
//! marked `live-count` and shows the placeholder until its number comes.

use super::convert::Converter;
use crate::content::body::{Attrs, ElementContent, Inline};
use crate::content::links::{LinkRef, Use};

/// What an element whose count is still to come shows: before the app runs, when the count
/// cannot be had, and (invisibly, keeping the line's height) while it loads. Hidden from
/// screen readers until the count replaces it; a card whose title is a count is named by its
/// description too (`crate::build::page_body`).
pub const PLACEHOLDER: &str = "–";

/// The class of an element whose text is a live count.
pub const CLASS: &str = "live-count";

impl Converter<'_> {
    /// Checks the live count an element asks for, if any (see the module's comment); `content`
    /// gets the placeholder when the element is empty.
    pub(super) fn live_count(
        &mut self,
        attrs: &mut Attrs,
        content: &mut ElementContent,
        line: usize,
    ) {
        let Some(at) = attrs
            .other
            .iter()
            .position(|(key, _)| key.eq_ignore_ascii_case("data-ajax-url"))
        else {
            return;
        };
        let written = attrs.other[at].1.clone();
        let position = self.source.find_near(line, written.trim());
        match self.hosts.count_address(&written) {
            Some(address) => {
                attrs.other[at].1.clone_from(&address);
                self.links.push(LinkRef {
                    href: address,
                    at: position,
                    used: Use::Count,
                });
            }
            // Kept as a count that cannot be had: the placeholder, and the card's layout.
            None => {
                attrs.other.retain(|(key, _)| {
                    !key.eq_ignore_ascii_case("data-ajax-url")
                        && !key.eq_ignore_ascii_case("data-ajax-path")
                });
                self.warning(
                    position,
                    format!(
                        "the live count's address `{}` is removed: counts are fetched from GBIF's API only",
                        written.trim()
                    ),
                    format!(
                        "point `data-ajax-url` at GBIF's API ({}/...), or write the number",
                        crate::content::hosts::GBIF_API
                    ),
                );
            }
        }
        attrs.classes.push(CLASS.into());
        let empty = match content {
            ElementContent::Inlines(inlines) => inlines
                .iter()
                .all(|i| matches!(i, Inline::Text { text } if text.trim().is_empty())),
            ElementContent::Blocks(blocks) => blocks.is_empty(),
        };
        if empty {
            *content = ElementContent::Inlines(vec![Inline::text(PLACEHOLDER)]);
            attrs.other.push(("aria-hidden".into(), "true".into()));
        }
    }
}
