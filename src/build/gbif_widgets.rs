//! GBIF's widgets on the data pages, when the site asks for them (`gbif_widgets: true`): the
//! site's settings script and our loader of GBIF's library, written next to the pages. Pages
//! with a widget are loaded as whole pages, never drawn by the app from their data (scripts in
//! HTML the app inserts do not run), so no page data is written for them (see `pages`).

use super::gbif_scripts::{CONFIG, LOADER};
use super::{BuildContext, BuildError};
use crate::content::Site;

/// Writes both scripts, if the site includes the widgets.
pub fn write(context: &BuildContext, site: &Site) -> Result<(), BuildError> {
    if let Some(widgets) = &site.gbif_widgets {
        context.write(CONFIG, &widgets.config_js)?;
        context.write(LOADER, include_str!("gbif_widgets.js"))?;
    }
    Ok(())
}
