//! The "not found" page of a site whose repository has none: the theme's `pageNotFound` layout
//! with its own words.

use super::draft::PageDraft;
use crate::content::body::blocks::{Feature, Hero, HeroKind, PageBlock};
use crate::content::body::{Attrs, Block, Inline};
use crate::content::site::{Page, PageHead};
use crate::content::theme::feature::button;
use crate::content::theme::words::Words;

/// The "not found" page of a site whose repository has none: the theme's `pageNotFound`
/// layout with its own words, in `lang`.
pub fn default_not_found(words: &Words, lang: &str) -> PageDraft {
    let home = crate::routes::home_of(lang, words.root_lang());
    let feature = Feature {
        pre_title: Some(words.get("notFoundPreTitle", lang)),
        title: vec![Inline::text(words.get("notFoundTitle", lang))],
        description: vec![Block::Paragraph {
            attrs: Attrs::default(),
            content: vec![Inline::text(words.get("notFoundDescription", lang))],
        }],
        buttons: vec![button(&home, &words.get("home", lang), true, false)],
        ..Feature::default()
    };
    PageDraft::built_in(Page {
        route: "/404".into(),
        output: "/404.html".into(),
        source: "(the built-in \"not found\" page)".into(),
        meta: crate::model::PageMeta {
            title: words.get("notFoundTitle", lang),
            lang: lang.to_owned(),
            not_found: true,
        },
        head: PageHead {
            noindex: true,
            ..PageHead::default()
        },
        translations: Vec::new(),
        blocks: vec![PageBlock::Hero(Hero {
            kind: HeroKind::FloatingText,
            feature,
            height: None,
            overlay: None,
            black_text: false,
            text_shadow: false,
            class: None,
        })],
        post: None,
    })
}
