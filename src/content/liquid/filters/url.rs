//! Jekyll's URL filters: `relative_url` and `absolute_url`. The build draws every path of the
//! site under the deployment's sub-path, so `relative_url` gives the path from the site's root
//! (`/about`, drawn as `/scc/about`); `absolute_url`, which the build leaves alone, gives the
//! whole address (`https://example.org/scc/about`).

use liquid::model::Value;

use super::call::Call;

/// Jekyll's `relative_url`: a path of the site under the deployment's sub-path.
pub fn relative_url(base: &str, path: &str) -> String {
    if path.contains("://") || path.starts_with("//") || path.starts_with('#') || path.is_empty() {
        return path.to_owned();
    }
    let path = if path.starts_with('/') {
        path.to_owned()
    } else {
        format!("/{path}")
    };
    format!("{base}{path}")
}

/// Jekyll's `absolute_url`: `relative_url` after the site's address (`url`).
pub fn absolute_url(url: &str, base: &str, path: &str) -> String {
    let relative = relative_url(base, path);
    if relative.starts_with('/') {
        format!("{url}{relative}")
    } else {
        relative
    }
}

pub fn relative_url_filter(call: &Call) -> liquid_core::Result<Value> {
    Ok(Value::scalar(relative_url("", &call.text())))
}

pub fn absolute_url_filter(call: &Call) -> liquid_core::Result<Value> {
    Ok(Value::scalar(absolute_url(
        &call.site.url,
        &call.site.base,
        &call.text(),
    )))
}
