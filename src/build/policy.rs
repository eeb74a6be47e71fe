//! What the site's Content-Security-Policy allows from other sites, from what its pages use: images
//! and players from other sites, a visitor-statistics provider, GBIF's widgets.

use super::headers::{self, ThirdParties};
use crate::content::Site;
use crate::urls::BaseUrl;

/// The other sites the pages of `site`, deployed under `base`, load from.
pub fn third_parties(site: &Site, base: &BaseUrl) -> ThirdParties {
    let analytics = &site.analytics;
    let mut third_parties = ThirdParties {
        images: [&site.image_origins[..], &analytics.image_origins[..]].concat(),
        media: site.media_origins.clone(),
        forms: site.form_origins.clone(),
        frames: site.frame_hosts.clone(),
        connects: [&analytics.connect_origins[..], &site.count_origins[..]].concat(),
        script_hashes: analytics
            .inline_scripts
            .iter()
            .map(|script| headers::script_hash(script))
            .collect(),
        ..ThirdParties::default()
    };
    if let Some((api, tiles)) = super::data_module::views_origins(site) {
        let add = |list: &mut Vec<String>, origin: &String| {
            if !list.contains(origin) {
                list.push(origin.clone());
            }
        };
        add(&mut third_parties.connects, &api);
        add(&mut third_parties.images, &api);
        add(&mut third_parties.images, &tiles);
    }
    if let Some(widgets) = gbif_widget_sources(site) {
        third_parties
            .script_hashes
            .push(headers::script_hash(&super::gbif_scripts::bootstrap(base)));
        third_parties.fonts = widgets.scripts;
        third_parties
            .connects
            .extend(widgets.services.iter().cloned());
        third_parties.images.extend(widgets.services);
        third_parties.blob_workers = true;
    }
    third_parties
}

/// What the policy must allow for the widgets: the library's origin for fonts (its script is
/// imported by our loader, which `'strict-dynamic'` trusts), and
/// GBIF's services (its APIs, map tiles and images, on gbif.org and the staging and test
/// domains the theme's library versions use) for connections and images; maps draw in workers
/// made from `blob:` addresses. Taken from what GBIF's widgets are documented to load; this
/// build cannot reach them to check.
fn gbif_widget_sources(site: &Site) -> Option<WidgetSources> {
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

/// The sources the widgets add to the policy (see [`gbif_widget_sources`]).
struct WidgetSources {
    scripts: Vec<String>,
    services: Vec<String>,
}
