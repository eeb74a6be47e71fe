//! Reading the data files the theme draws on every page (navigation, footer): problems are
//! reported at the data file's line, and every link is noted for the site-wide checks.

use crate::content::body::Block;
use crate::content::diagnostics::{Diagnostic, Position};
use crate::content::links::{self, LinkRef, Use};
use crate::content::markdown;
use crate::content::repository::data::Data;

/// Reads data values that an editor wrote, reporting problems at the data file's line and
/// noting every link for the site-wide checks.
pub struct Reader<'a> {
    pub data: &'a Data,
    pub diagnostics: &'a mut Vec<Diagnostic>,
    /// Every link, with the file it was written in.
    pub links: Vec<(String, LinkRef)>,
    /// The GBIF API's base, for the live counts the Markdown may hold.
    pub gbif_api: &'a str,
}

impl Reader<'_> {
    /// The file and position of the data value at `path`.
    pub fn at(&self, path: &str) -> (String, Position) {
        match self.data.position(path) {
            Some((file, at)) => (file.to_owned(), at),
            None => ("content/_data".to_owned(), Position::START),
        }
    }

    /// A link's address as the theme writes it (`relative_url`), unless it is unsafe (an error).
    pub fn href(&mut self, href: String, path: &str) -> Option<String> {
        let (file, at) = self.at(path);
        // `https://x.org/a "target='_blank'"`: the theme writes it into `href="..."`, where the
        // browser reads the address up to the quote; the address alone is kept, with a warning.
        let href = match href.trim().split_once(char::is_whitespace) {
            Some((address, rest)) if rest.trim_start().starts_with(['"', '\'']) => {
                self.diagnostics.push(
                    Diagnostic::warning(
                        &file,
                        at,
                        format!(
                            "`{}` after the address is not part of it, so it is left out",
                            rest.trim()
                        ),
                    )
                    .with_hint(
                        "write the address alone; links to other sites open as the site decides",
                    ),
                );
                address.to_owned()
            }
            _ => href,
        };
        let href = links::from_site_root(&href);
        if let Some(refusal) = links::refusal(&href, Use::Link, &file, at) {
            self.diagnostics.push(refusal);
            return None;
        }
        self.links.push((
            file,
            LinkRef {
                href: href.clone(),
                at,
                used: Use::Link,
            },
        ));
        Some(href)
    }

    /// Markdown written in a data value.
    pub fn markdown(&mut self, text: &str, path: &str) -> Vec<Block> {
        let (file, at) = self.at(path);
        // A block scalar (`|`) starts on the line after its key.
        let first_line = at.line + usize::from(text.contains('\n'));
        // Players are for pages, not the footer.
        let hosts = crate::content::hosts::Hosts {
            embeds: &[],
            gbif_api: self.gbif_api,
        };
        let body = markdown::parse(&file, text, first_line, hosts, self.diagnostics);
        self.links
            .extend(body.links.into_iter().map(|link| (file.clone(), link)));
        body.blocks
    }
}
