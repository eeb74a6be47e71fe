//! A search as the address holds it (see `address` for the browser's side) (`?q=puma&taxonKey=2435099&year=1990,2000&view=map`): the
//! API's own parameter names, so that the same pairs ask the API, make the address and, in
//! GBIF.org's spelling, the link to the same search there.

/// The parameters of a search, in the order written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query(Vec<(String, String)>);

/// Parameters of the page, not of the search: which view, which page of it.
const PAGING: [&str; 2] = ["view", "offset"];

impl Query {
    /// The pairs of a query string (`?a=1&b=2`).
    pub fn parse(search: &str) -> Self {
        Query(
            search
                .trim_start_matches('?')
                .split('&')
                .filter_map(|pair| {
                    let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                    let decode = |text: &str| crate::urls::decode_path(&text.replace('+', " "));
                    (!key.is_empty() && !value.is_empty()).then(|| (decode(key), decode(value)))
                })
                .collect(),
        )
    }

    /// The value of `key`, or `""`.
    pub fn get(&self, key: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The same search with `key` set to `value` (taken away when `value` is empty).
    pub fn with(&self, key: &str, value: &str) -> Self {
        let mut pairs: Vec<(String, String)> =
            self.0.iter().filter(|(k, _)| k != key).cloned().collect();
        if !value.is_empty() {
            pairs.push((key.to_owned(), value.to_owned()));
        }
        Query(pairs)
    }

    /// The first record shown (`offset`).
    pub fn offset(&self) -> u64 {
        self.get("offset").parse().unwrap_or(0)
    }

    /// The pairs that filter the records (not the view or its page).
    pub fn filters(&self) -> impl Iterator<Item = &(String, String)> {
        self.0.iter().filter(|(k, _)| !PAGING.contains(&k.as_str()))
    }

    /// Whether any filter is set, the text aside.
    pub fn has_filters(&self) -> bool {
        self.filters().any(|(k, _)| k != "q")
    }

    /// The same search from its first record, in the same view.
    pub fn first_page(&self) -> Self {
        self.with("offset", "")
    }

    /// The filters as the API's query string, after `scope` (already encoded).
    pub fn api_query(&self, scope: &str) -> String {
        let mut out = scope.to_owned();
        for (key, value) in self.filters() {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(&format!("{key}={}", encoded(value)));
        }
        out
    }

    /// The query string of the address (`?q=puma&view=map`), or `""`.
    pub fn address(&self) -> String {
        let pairs: Vec<String> = self
            .0
            .iter()
            .map(|(k, v)| format!("{k}={}", encoded(v)))
            .collect();
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        }
    }

    /// The same search on GBIF.org (`https://www.gbif.org/occurrence/search?taxon_key=...`),
    /// in the portal's `scope` too: GBIF.org spells the parameters in snake case.
    pub fn on_gbif(&self, scope: &str) -> String {
        let scope = Query::parse(scope);
        let pairs: Vec<String> = scope
            .filters()
            .chain(self.filters())
            .map(|(k, v)| format!("{}={}", snake_case(k), encoded(v)))
            .collect();
        format!("https://www.gbif.org/occurrence/search?{}", pairs.join("&"))
    }
}

/// `taxonKey` as GBIF.org writes it: `taxon_key`.
fn snake_case(parameter: &str) -> String {
    constant_case(parameter).to_ascii_lowercase()
}

/// `basisOfRecord` as GBIF names its facets: `BASIS_OF_RECORD`.
pub fn constant_case(parameter: &str) -> String {
    let mut out = String::new();
    for c in parameter.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// What a query string's value keeps as it is: letters, digits, and the marks that never
/// mean anything in one (`-_.~`), with `,` and `*` of year ranges (`1990,*`), for a readable address.
const VALUE: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b',')
    .remove(b'*');

/// `text` percent-encoded for a query string.
pub fn encoded(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, VALUE).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_reads_writes_and_leads_to_gbif_org_with_the_same_filters() {
        let query = Query::parse("?q=puma+concolor&taxonKey=2435099&view=map&offset=20&year=");
        assert_eq!(query.get("q"), "puma concolor");
        assert_eq!(query.offset(), 20);
        assert_eq!(
            query.api_query("networkKey=8e30"),
            "networkKey=8e30&q=puma%20concolor&taxonKey=2435099"
        );
        assert_eq!(
            query.on_gbif("networkKey=8e30"),
            "https://www.gbif.org/occurrence/search?network_key=8e30&q=puma%20concolor&taxon_key=2435099"
        );
        let next = query
            .first_page()
            .with("basisOfRecord", "PRESERVED_SPECIMEN");
        assert_eq!(
            next.address(),
            "?q=puma%20concolor&taxonKey=2435099&view=map&basisOfRecord=PRESERVED_SPECIMEN"
        );
        assert!(next.has_filters() && !Query::parse("?q=x&view=map").has_filters());
    }
}
