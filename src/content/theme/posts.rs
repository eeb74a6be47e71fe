//! What the theme's lists of posts show of a post (the home page's latest posts, the news
//! archive): its excerpt cut to a few words, and its categories, each a link to the archive
//! filtered by it.

/// Liquid's `truncatewords`: the first `count` words, and `...` if there were more.
pub fn truncate_words(text: &str, count: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= count {
        words.join(" ")
    } else {
        format!("{}...", words[..count].join(" "))
    }
}

/// The news archive at `archive` filtered by `category` (`/news/?category=Regional%20Meeting`),
/// as the theme writes it (`url_encode`).
pub fn category_address(archive: &str, category: &str) -> String {
    format!(
        "{archive}?category={}",
        percent_encoding::utf8_percent_encode(category.trim(), percent_encoding::NON_ALPHANUMERIC)
    )
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
