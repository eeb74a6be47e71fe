//! Which page is on screen, and getting the next one when the visitor moves to another address.
//!
//! The page a visitor lands on comes with its data in the HTML. Any other page's data is fetched
//! from the JSON file the build wrote for it, once per session (and often before it is needed:
//! see [`PageState::prefetch`]). While a page loads the current one stays on screen; if loading
//! takes long a progress bar appears, and if it fails a message says why, with a button to try
//! again.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use super::context::SiteContext;
use crate::browser::fetch::LoadError;
use crate::model::{PageData, UiText};

/// What is on screen: the page at an address (or "not found") in the interface of its language.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    /// The key of the address shown (see `routes::route_key`).
    pub key: String,
    /// The page, or the "not found" page where no page has that address (`None` if even that
    /// could not be had).
    pub page: Option<Arc<PageData>>,
    pub ui: Arc<UiText>,
}

/// How getting the next page goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Idle,
    /// `slow` once it has taken long enough for the visitor to need telling.
    Loading {
        slow: bool,
    },
    Failed(LoadError),
}

/// How long a page may take to load before the progress bar appears: below this, a bar that
/// flashes on and off would only distract.
#[cfg(feature = "hydrate")]
const SLOW_AFTER: std::time::Duration = std::time::Duration::from_millis(150);

type PageFetch = futures::future::Shared<
    futures::future::LocalBoxFuture<'static, Result<Arc<PageData>, LoadError>>,
>;

/// The page on screen, the loading status, and what has been fetched this session.
#[derive(Clone, Copy)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub struct PageState {
    /// The site, which every load needs.
    site: StoredValue<SiteContext>,
    pub shown: RwSignal<Shown>,
    pub status: RwSignal<Status>,
    pages: StoredValue<HashMap<String, Arc<PageData>>>,
    uis: StoredValue<HashMap<String, Arc<UiText>>>,
    /// Page fetches under way, shared by whoever needs the page (a prefetch and then the visit).
    fetching: StoredValue<HashMap<String, PageFetch>, LocalStorage>,
    /// The address being loaded (key and path), kept for "try again".
    target: StoredValue<Option<(String, String)>>,
    /// Counts loads, so that only the latest one may change the screen.
    latest: StoredValue<u64>,
}

impl PageState {
    /// The state at start: the page the HTML came with, shown at the address `key`.
    pub fn new(site: SiteContext, shown: Shown) -> Self {
        let mut pages = HashMap::new();
        if let Some(page) = &shown.page {
            pages.insert(crate::routes::route_key(&page.route), page.clone());
        }
        let uis = HashMap::from([(shown.ui.lang.clone(), shown.ui.clone())]);
        Self {
            site: StoredValue::new(site),
            shown: RwSignal::new(shown),
            status: RwSignal::new(Status::Idle),
            pages: StoredValue::new(pages),
            uis: StoredValue::new(uis),
            fetching: StoredValue::new_local(HashMap::new()),
            target: StoredValue::new(None),
            latest: StoredValue::new(0),
        }
    }
}

impl PageState {
    /// Loads again the page whose loading failed (in the browser; drawn at build time, nothing
    /// has failed to load).
    pub fn retry(self) {
        #[cfg(feature = "hydrate")]
        if let Some((key, path)) = self.target.get_value() {
            self.go_to(key, path);
        }
    }
}

#[cfg(feature = "hydrate")]
impl PageState {
    /// Shows the page at `key` (browser path `path`): at once if it has been fetched already,
    /// otherwise once its data arrives.
    pub fn go_to(self, key: String, path: String) {
        let site = self.site.get_value();
        let generation = self.latest.with_value(|n| n + 1);
        self.latest.set_value(generation);
        self.target.set_value(Some((key.clone(), path.clone())));
        let cached = self.pages.with_value(|pages| pages.get(&key).cloned());
        if cached.is_none() {
            self.status.set(Status::Loading { slow: false });
            set_timeout(
                move || {
                    if self.latest.get_value() == generation
                        && self.status.get_untracked() == (Status::Loading { slow: false })
                    {
                        self.status.set(Status::Loading { slow: true });
                    }
                },
                SLOW_AFTER,
            );
        }
        leptos::task::spawn_local(async move {
            let page = match cached {
                Some(page) => Ok(page),
                None => self.fetch_page(&site, &key).await,
            };
            let lang = match &page {
                Ok(page) => page.meta.lang.clone(),
                Err(_) => site
                    .config
                    .language_of_path(site.base.strip(&path))
                    .code
                    .clone(),
            };
            let ui = self.ui_for(&site, &lang).await;
            if self.latest.get_value() != generation {
                return;
            }
            match (page, ui) {
                (Ok(page), Ok(ui)) => self.show(Shown {
                    key,
                    page: Some(page),
                    ui,
                }),
                (Err(LoadError::NotFound), Ok(ui)) => {
                    if !load_as_page(&path) {
                        let page = self.not_found_page(&site, &lang).await;
                        if self.latest.get_value() == generation {
                            self.show(Shown { key, page, ui });
                        }
                    }
                }
                (Err(error), _) | (_, Err(error)) => self.status.set(Status::Failed(error)),
            }
        });
    }

    /// The "not found" page of `lang` (the root language's if it has none), if it can be had.
    async fn not_found_page(self, site: &SiteContext, lang: &str) -> Option<Arc<PageData>> {
        let config = &site.config;
        let route = config
            .language(lang)
            .and_then(|l| l.not_found.clone())
            .or_else(|| config.languages.first().and_then(|l| l.not_found.clone()))?;
        self.fetch_page(site, &crate::routes::route_key(&route))
            .await
            .ok()
    }

    /// Shows the "not found" page in the language of its address (`/es/...` in Spanish): the
    /// prerendered one is in the root language.
    pub fn speak_the_language_of(self, path: String) {
        let site = self.site.get_value();
        let lang = site
            .config
            .language_of_path(site.base.strip(&path))
            .code
            .clone();
        let (is_not_found, shown_lang) = self.shown.with_untracked(|s| {
            (
                s.page.as_ref().is_none_or(|p| p.meta.not_found),
                s.ui.lang.clone(),
            )
        });
        if !is_not_found || lang == shown_lang {
            return;
        }
        leptos::task::spawn_local(async move {
            let page = self.not_found_page(&site, &lang).await;
            if let (Some(page), Ok(ui)) = (page, self.ui_for(&site, &lang).await)
                && page.meta.lang == lang
            {
                self.shown.update(|shown| {
                    shown.page = Some(page);
                    shown.ui = ui;
                });
            }
        });
    }

    /// Fetches the page at `key` ahead of time, so that it shows at once if the visitor goes
    /// there (called when a link to it is pointed at or focused). Failures are left for the real
    /// visit to report.
    pub fn prefetch(self, key: String) {
        let site = self.site.get_value();
        if self.pages.with_value(|pages| pages.contains_key(&key)) {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Ok(page) = self.fetch_page(&site, &key).await {
                let _ = self.ui_for(&site, &page.meta.lang).await;
            }
        });
    }

    /// The data of the page at `key`: fetched once, whoever asks and however often; kept for the
    /// session when it arrives.
    async fn fetch_page(self, site: &SiteContext, key: &str) -> Result<Arc<PageData>, LoadError> {
        use futures::FutureExt;
        let fetch = self
            .fetching
            .with_value(|fetching| fetching.get(key).cloned())
            .unwrap_or_else(|| {
                let (base, owned_key) = (site.base.clone(), key.to_owned());
                let fetch = async move {
                    crate::browser::fetch::page(&base, &owned_key)
                        .await
                        .map(Arc::new)
                }
                .boxed_local()
                .shared();
                self.fetching.update_value(|fetching| {
                    fetching.insert(key.to_owned(), fetch.clone());
                });
                fetch
            });
        let result = fetch.await;
        self.fetching.update_value(|fetching| {
            fetching.remove(key);
        });
        if let Ok(page) = &result {
            self.pages.update_value(|pages| {
                pages.insert(key.to_owned(), page.clone());
            });
        }
        result
    }

    /// The interface's words in `lang`, fetched the first time.
    async fn ui_for(self, site: &SiteContext, lang: &str) -> Result<Arc<UiText>, LoadError> {
        if let Some(ui) = self.uis.with_value(|uis| uis.get(lang).cloned()) {
            return Ok(ui);
        }
        let ui = Arc::new(crate::browser::fetch::ui(&site.base, lang).await?);
        self.uis.update_value(|uis| {
            uis.insert(lang.to_owned(), ui.clone());
        });
        Ok(ui)
    }

    fn show(self, shown: Shown) {
        self.status.set(Status::Idle);
        if self.shown.with_untracked(|current| *current != shown) {
            self.shown.set(shown);
        }
    }
}

/// Loads the address `path` as an ordinary page when its data is not there: the server knows
/// best whether a page is at that address (its prerendered HTML) or not (its 404 page). Once per
/// address in a row: a host that answers every address with the same page would otherwise make
/// the app reload for ever, and the second time the app shows "not found" itself. False when it
/// did not load the page.
#[cfg(feature = "hydrate")]
fn load_as_page(path: &str) -> bool {
    use crate::model::site_data::PAGE_LOAD_KEY;
    let storage = window().session_storage().ok().flatten();
    let tried = storage
        .as_ref()
        .and_then(|s| s.get_item(PAGE_LOAD_KEY).ok().flatten());
    if let Some(storage) = &storage {
        if tried.as_deref() == Some(path) {
            let _ = storage.remove_item(PAGE_LOAD_KEY);
            return false;
        }
        let _ = storage.set_item(PAGE_LOAD_KEY, path);
    }
    window().location().reload().is_ok()
}

/// The page state provided by [`crate::App`].
pub fn use_page_state() -> PageState {
    expect_context::<PageState>()
}
