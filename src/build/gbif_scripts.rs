//! Where GBIF's widgets' scripts are (the site's settings for them, and our loader of GBIF's
//! library), and the inline script that inserts both on a data page. The policy trusts that one
//! script by its hash, and what it inserts through `'strict-dynamic'`.

use crate::urls::BaseUrl;

/// Where the settings script (`siteConfig`, `themeStyle`) and the loader are.
pub const CONFIG: &str = "/gbif/gbif-config.js";
pub const LOADER: &str = "/gbif/gbif-widgets.js";

/// The inline script of a data page: the settings, then (once they are read, or failed) the
/// loader, which imports GBIF's library. Written without `<`, `>` or `&`, which a page's text
/// would escape.
pub fn bootstrap(base: &BaseUrl) -> String {
    let quoted = |path: &str| {
        format!(
            "\"{}\"",
            base.href(path).replace(['"', '\\', '<', '>', '&'], "")
        )
    };
    format!(
        "(function(){{function add(src,module){{var s=document.createElement(\"script\");if(module){{s.type=\"module\";}}s.src=src;document.head.appendChild(s);return s;}}var c=add({},false);c.onload=c.onerror=function(){{add({},true);}};}})();",
        quoted(CONFIG),
        quoted(LOADER)
    )
}
