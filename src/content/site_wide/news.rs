//! The lists of posts, once every post is compiled: the home page's latest posts and the news
//! archive, each with the posts of its page's language, newest first.

use crate::content::body::blocks::{Feature, FeatureImage, PageBlock};
use crate::content::body::{Attrs, Block, Inline, Link};
use crate::content::links;
use crate::content::page::PageDraft;
use crate::content::repository::dates::newest_first;
use crate::content::site::Page;
use crate::content::theme::posts::{category_address, truncate_words};

/// The words of an excerpt a card shows, as the theme cuts it (`truncatewords: 20`).
const CARD_WORDS: usize = 20;

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
fn card(page: &Page, archive: &dyn Fn(&str) -> Option<String>) -> (Feature, Vec<String>) {
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
                    .map(|archive| category_address(archive, name))
                    .unwrap_or_default();
                (name.clone(), href)
            })
            .collect(),
        date: Some(post.written_date.clone()),
    };
    (feature, post.categories.clone())
}
