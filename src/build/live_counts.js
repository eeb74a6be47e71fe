// GBIF's live counts, as the theme's script fills them in (src/build/live_counts.rs says why this
// is a small script of its own): every element of the page with `data-ajax-url` shows the value
// its address answers (`count`, or the dotted path in `data-ajax-path`), a number written as the
// page's language writes numbers. Each address is asked once per page shown, all at once, with a
// timeout; an element whose count cannot be had keeps its placeholder. The theme's classes say
// how each stands: ajax-is-loading, ajax-is-loaded, ajax-loading-failed.
const fill = () => {
  const asked = new Map();
  for (const element of document.querySelectorAll('[data-ajax-url]:not([class*=ajax-])')) {
    const url = element.dataset.ajaxUrl;
    element.classList.add('ajax-is-loading');
    if (!asked.has(url)) {
      asked.set(url, fetch(url, { signal: AbortSignal.timeout(15000) })
        .then((response) => (response.ok ? response.json() : Promise.reject(response.status))));
    }
    asked.get(url).then((answer) => {
      const value = (element.dataset.ajaxPath || 'count').trim().split('.')
        .reduce((value, key) => (value == null ? value : value[key]), answer);
      let text = value;
      if (typeof value === 'number') {
        try {
          text = value.toLocaleString(document.documentElement.lang);
        } catch {
          text = value.toLocaleString();
        }
      } else if (typeof value !== 'string') {
        throw value;
      }
      element.textContent = text;
      element.removeAttribute('aria-hidden');
      element.classList.replace('ajax-is-loading', 'ajax-is-loaded');
    }).catch(() => element.classList.replace('ajax-is-loading', 'ajax-loading-failed'));
  }
};
fill();
// The app draws the next page without reloading: its counts are asked for when it appears.
new MutationObserver(fill).observe(document.body, { childList: true, subtree: true });
