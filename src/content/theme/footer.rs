//! The footer: the columns of `_data[/<lang>]/footer.yml` (a name, a Markdown description,
//! links, the site's social accounts) and its small print (`other`).

use liquid::model::Value;

use super::data_reader::Reader;
use crate::content::body::Block;
use crate::content::values::{array, flag, get, text_at};

/// A language's footer.
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct Footer {
    pub columns: Vec<FooterColumn>,
    /// Markdown small print under the columns (`other`).
    pub other: Vec<Block>,
    /// The site's social accounts (network, address), for columns that show them.
    pub social: Vec<(String, String)>,
}

#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct FooterColumn {
    pub name: String,
    /// Markdown.
    pub description: Vec<Block>,
    /// Text and address of each link.
    pub links: Vec<(String, String)>,
    /// Whether the column lists the site's social accounts (`connectIcons: true`).
    pub social: bool,
}

/// Reads the footer at the data path `path` (`footer`, `de.footer`).
pub fn read(reader: &mut Reader, path: &str, footer: &Value) -> Footer {
    let columns = get(footer, "columns")
        .and_then(array)
        .map(|columns| {
            columns
                .iter()
                .enumerate()
                .map(|(i, column)| {
                    let column = column.clone();
                    let at = format!("{path}.columns.{i}");
                    let links = get(&column, "links")
                        .and_then(array)
                        .map(|links| {
                            links
                                .iter()
                                .enumerate()
                                .filter_map(|(j, link)| {
                                    let link = link.clone();
                                    let text = text_at(&link, "text")?;
                                    let href = reader.href(
                                        text_at(&link, "href")?,
                                        &format!("{at}.links.{j}.href"),
                                    )?;
                                    Some((text, href))
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    FooterColumn {
                        name: text_at(&column, "name").unwrap_or_default(),
                        description: text_at(&column, "description")
                            .map(|md| reader.markdown(&md, &format!("{at}.description")))
                            .unwrap_or_default(),
                        links,
                        social: flag(get(&column, "connectIcons")),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let other = text_at(footer, "other")
        .map(|md| reader.markdown(&md, &format!("{path}.other")))
        .unwrap_or_default();
    Footer {
        columns,
        other,
        social: Vec::new(),
    }
}
