//! GBIF's widgets on the data pages, when the site asks for them (`gbif_widgets: true`): the
//! site's settings script and our loader of GBIF's library, written next to the pages. Pages
//! with a widget are loaded as whole pages, never drawn by the app from their data (scripts in
//! HTML the app inserts do not run), so no page data is written for them (see `pages`).

use super::{BuildContext, BuildError};
use crate::content::Site;

/// Where the settings script (`siteConfig`, `themeStyle`) and the loader are.
pub const CONFIG: &str = "/gbif/gbif-config.js";
pub const LOADER: &str = "/gbif/gbif-widgets.js";

/// Writes both scripts, if the site includes the widgets.
pub fn write(context: &BuildContext, site: &Site) -> Result<(), BuildError> {
    if let Some(widgets) = &site.gbif_widgets {
        context.write(CONFIG, &widgets.config_js)?;
        context.write(LOADER, include_str!("gbif_widgets.js"))?;
    }
    Ok(())
}

/// What the policy must allow for the widgets: the library's origin for scripts and fonts, and
/// GBIF's services (its APIs, map tiles and images, on gbif.org and the staging and test
/// domains the theme's library versions use) for connections and images; maps draw in workers
/// made from `blob:` addresses. Taken from what GBIF's widgets are documented to load; this
/// build cannot reach them to check.
pub fn policy_sources(site: &Site) -> Option<WidgetSources> {
    let widgets = site.gbif_widgets.as_ref()?;
    let lib = &widgets.block.lib;
    // A copy the site serves itself is allowed as the site's own scripts are.
    let scripts = crate::content::links::web_origin(lib).into_iter().collect();
    let gbif = [
        "https://*.gbif.org",
        "https://*.gbif-staging.org",
        "https://*.gbif-uat.org",
    ];
    Some(WidgetSources {
        scripts,
        services: gbif.iter().map(|s| s.to_string()).collect(),
    })
}

/// The sources the widgets add to the policy (see [`policy_sources`]).
pub struct WidgetSources {
    pub scripts: Vec<String>,
    pub services: Vec<String>,
}
