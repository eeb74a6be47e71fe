//! News: the posts of a site, newest first, as the home page's latest posts and the news
//! archive list them (the theme's `latestPosts` block and `archive` layout), and as `site.posts`
//! in Liquid.

use liquid::model::Value;

use super::body::blocks::{Feature, FeatureImage, PageBlock};
use super::body::{Attrs, Block, Inline, Link};
use super::draft::PageDraft;
use super::links;
use crate::content::repository::documents::Document;

/// The words of an excerpt a card shows, as the theme cuts it (`truncatewords: 20`).
const CARD_WORDS: usize = 20;

/// `site.posts`: every post's front matter (with `url`, `date`, `categories`), newest first.
pub fn liquid_posts(documents: &[Document]) -> Value {
    let mut posts: Vec<&Document> = documents.iter().filter(|d| d.post.is_some()).collect();
    posts.sort_by(|a, b| newest_first((a.post_date(), &a.relative), (b.post_date(), &b.relative)));
    Value::Array(
        posts
            .into_iter()
            .map(|d| Value::Object(d.front.value.clone()))
            .collect(),
    )
}

fn newest_first(
    (a_date, a_path): (Option<time::OffsetDateTime>, &String),
    (b_date, b_path): (Option<time::OffsetDateTime>, &String),
) -> std::cmp::Ordering {
    (b_date, b_path).cmp(&(a_date, a_path))
}

/// Fills every list of posts (`PageBlock::Posts`) with the cards of the posts of its page's
/// language, newest first: the first few for the latest posts, those not excluded for the
/// archive. `archive` gives a language's news archive, for the cards' category tags.
pub fn fill_lists(drafts: &mut [PageDraft], archive: &dyn Fn(&str) -> Option<String>) {
    let mut posts: Vec<usize> = (0..drafts.len())
        .filter(|&i| drafts[i].page.post.is_some())
        .collect();
    posts.sort_by(|&a, &b| {
        let date = |i: usize| drafts[i].page.post.as_ref().map(|p| p.date);
        newest_first(
            (date(a), &drafts[a].relative),
            (date(b), &drafts[b].relative),
        )
    });
    let cards: Vec<Listed> = posts
        .iter()
        .map(|&i| {
            let page = &drafts[i].page;
            let post = page.post.as_ref().expect("filtered above");
            Listed {
                in_archive: post.in_archive,
                lang: page.meta.lang.clone(),
                card: card(page, archive),
            }
        })
        .collect();
    for draft in drafts.iter_mut() {
        for block in &mut draft.page.blocks {
            let PageBlock::Posts(list) = block else {
                continue;
            };
            list.cards = cards
                .iter()
                .filter(|listed| listed.lang == list.lang && (listed.in_archive || !list.archive))
                .take(list.limit)
                .map(|listed| listed.card.clone())
                .collect();
            if list.archive {
                let mut categories: Vec<String> = list
                    .cards
                    .iter()
                    .flat_map(|(_, categories)| categories.iter().cloned())
                    .collect();
                categories.sort_by_key(|c| c.to_lowercase());
                categories.dedup();
                list.categories = categories;
            }
        }
    }
}

/// A post as lists show it.
struct Listed {
    in_archive: bool,
    lang: String,
    /// Its card, and its categories.
    card: (Feature, Vec<String>),
}

/// A post's card: image, pre-title, title (its link), date, excerpt and category tags.
fn card(page: &super::Page, archive: &dyn Fn(&str) -> Option<String>) -> (Feature, Vec<String>) {
    let post = page.post.as_ref().expect("a post");
    let archive = archive(&page.meta.lang);
    let feature = Feature {
        pre_title: post.pre_title.clone(),
        title: vec![Inline::text(page.meta.title.clone())],
        description: (!post.excerpt.is_empty())
            .then(|| Block::Paragraph {
                attrs: Attrs::default(),
                content: vec![Inline::text(truncate_words(&post.excerpt, CARD_WORDS))],
            })
            .into_iter()
            .collect(),
        image: post.image.clone().map(|src| FeatureImage {
            src,
            alt: String::new(),
            license: Vec::new(),
        }),
        link: Some(Link {
            href: page.route.clone(),
            target: links::classify(&page.route),
            title: None,
            attrs: Attrs::default(),
            content: Vec::new(),
        }),
        buttons: Vec::new(),
        categories: post
            .categories
            .iter()
            .map(|name| {
                let href = archive
                    .as_ref()
                    .map(|archive| super::layout::category_address(archive, name))
                    .unwrap_or_default();
                (name.clone(), href)
            })
            .collect(),
        date: Some(post.written_date.clone()),
    };
    (feature, post.categories.clone())
}

/// Liquid's `truncatewords`: the first `count` words, and `...` if there were more.
pub fn truncate_words(text: &str, count: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= count {
        words.join(" ")
    } else {
        format!("{}...", words[..count].join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_cut_at_twenty_words_as_liquid_cuts_them() {
        let text = (1..=25)
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(
            truncate_words(&text, 20),
            "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20..."
        );
        assert_eq!(truncate_words("A  short\n excerpt", 20), "A short excerpt");
    }
}
