//! A map of GBIF's occurrences: GBIF's density tiles for the search (the same filters, in the
//! portal's scope) over GBIF's base map, moved by dragging (mouse, pen, touch), by the arrow
//! keys, and zoomed by the buttons and the + and − keys. Web Mercator tiles of 256 pixels. The
//! records it draws are the table's: the table and the filters are its text alternative.
//!
//! Written here rather than with a map library: the few hundred lines a search map needs are
//! smaller than any such library's JavaScript, which the module's size budget could not carry.

use leptos::prelude::*;

use crate::data_pages::query::Query;
use crate::data_pages::view::Settings;

/// The tiles' size in pixels.
const TILE: f64 = 256.0;

/// The closest zoom: GBIF's density tiles are drawn to zoom 16; past 14 they show single points.
const MAX_ZOOM: u8 = 14;

/// The map's height in pixels (its width is its box's).
const HEIGHT: f64 = 400.0;

/// How far an arrow key moves the map, in pixels.
const STEP: f64 = 96.0;

/// The parameters GBIF's density tiles take (`/v2/map/occurrence/density`); a search with any
/// other (free text, institution code, images) is drawn by the ad-hoc tiles, which take all of
/// the occurrence search's.
const DENSITY_PARAMETERS: [&str; 8] = [
    "taxonKey",
    "datasetKey",
    "country",
    "networkKey",
    "publishingOrg",
    "publishingCountry",
    "year",
    "basisOfRecord",
];

/// The map of the search's records.
#[component]
pub fn SearchMap(settings: Settings, query: ReadSignal<Query>) -> impl IntoView {
    let maps = settings.maps();
    let scope = settings.scope.clone();
    let overlay = Signal::derive(move || {
        let query = query.get();
        let parameters = query.api_query(&scope);
        let density = Query::parse(&parameters)
            .filters()
            .all(|(key, _)| DENSITY_PARAMETERS.contains(&key.as_str()));
        if density {
            format!(
                "{maps}/density/{{z}}/{{x}}/{{y}}@1x.png?srs=EPSG:3857&style=purpleYellow.point&{parameters}"
            )
        } else {
            format!(
                "{maps}/adhoc/{{z}}/{{x}}/{{y}}@1x.png?srs=EPSG:3857&style=purpleYellow.poly&mode=GEO_CENTROID&{parameters}"
            )
        }
    });
    view! { <Map settings overlay=Some(overlay) point=None/> }
}

/// A map of `overlay` (a tile address with `{z}`, `{x}`, `{y}`) over the base map, around
/// `point` (latitude, longitude, marked) or the whole world.
#[component]
pub fn Map(
    settings: Settings,
    overlay: Option<Signal<String>>,
    point: Option<(f64, f64)>,
) -> impl IntoView {
    let (zoom, start): (u8, _) = match point {
        Some((lat, lon)) => (6, world_pixel(lat, lon, 6)),
        None => (1, (TILE, TILE)),
    };
    let zoom = RwSignal::new(zoom);
    let center = RwSignal::new(start);
    let frame = NodeRef::<leptos::html::Div>::new();
    let width = width_of(frame);
    let zoom_by = move |step: i8| {
        let now = zoom.get_untracked();
        let next = now.saturating_add_signed(step).min(MAX_ZOOM);
        if next != now {
            let factor = 2f64.powi(i32::from(next) - i32::from(now));
            center.update(|(x, y)| {
                *x *= factor;
                *y *= factor;
            });
            zoom.set(next);
        }
    };
    let pan = move |dx: f64, dy: f64| {
        let size = TILE * 2f64.powi(i32::from(zoom.get_untracked()));
        center.update(|(x, y)| {
            *x = (*x + dx).rem_euclid(size);
            *y = (*y + dy).clamp(0.0, size);
        });
    };
    let keydown = move |event: leptos::ev::KeyboardEvent| {
        match event.key().as_str() {
            "ArrowLeft" => pan(-STEP, 0.0),
            "ArrowRight" => pan(STEP, 0.0),
            "ArrowUp" => pan(0.0, -STEP),
            "ArrowDown" => pan(0.0, STEP),
            "+" | "=" => zoom_by(1),
            "-" | "_" => zoom_by(-1),
            _ => return,
        };
        event.prevent_default();
    };
    // Dragging: where the pointer went down, and the center then.
    let drag = StoredValue::new(None::<(i32, f64, f64)>);
    let down = move |event: leptos::ev::PointerEvent| {
        drag.set_value(Some((
            event.pointer_id(),
            f64::from(event.client_x()),
            f64::from(event.client_y()),
        )));
        if let Some(frame) = frame.get_untracked() {
            let _ = frame.set_pointer_capture(event.pointer_id());
        }
    };
    let moved = move |event: leptos::ev::PointerEvent| {
        if let Some((id, x, y)) = drag.get_value()
            && id == event.pointer_id()
        {
            let (nx, ny) = (f64::from(event.client_x()), f64::from(event.client_y()));
            pan(x - nx, y - ny);
            drag.set_value(Some((id, nx, ny)));
        }
    };
    let up = move |_| drag.set_value(None);

    // A memo: the tiles change at tile boundaries only, while the layer moves at every step.
    let tiles = Memo::new(move |_| visible_tiles(zoom.get(), center.get(), width.get()));
    let layer = move || {
        let (x, y) = center.get();
        // Whole pixels, written as integers (Rust's float formatting would weigh on the module).
        format!(
            "transform:translate({}px,{}px)",
            (width.get() / 2.0 - x).round() as i64,
            (HEIGHT / 2.0 - y).round() as i64
        )
    };
    let base = settings.tiles.clone();
    let marker = move || {
        point.map(|(lat, lon)| {
            let (x, y) = world_pixel(lat, lon, zoom.get());
            let (x, y) = (x.round() as i64, y.round() as i64);
            view! { <span class="data-map__marker" style=format!("left:{x}px;top:{y}px")></span> }
        })
    };
    let words = settings.words.clone();
    view! {
        <div class="data-map">
            <div class="data-map__frame" node_ref=frame tabindex="0" role="application"
                aria-label=words.get("dataViewMap") aria-describedby="data-map-help"
                on:keydown=keydown on:pointerdown=down on:pointermove=moved on:pointerup=up on:pointercancel=up>
                <div class="data-map__layer" style=layer>
                    {move || tiles.get().into_iter().map(|tile| tile_view(&base, overlay, tile)).collect_view()}
                    {marker}
                </div>
            </div>
            <div class="data-map__zoom">
                <button type="button" class="button" on:click=move |_| zoom_by(1) aria-label=words.get("dataZoomIn")>"+"</button>
                <button type="button" class="button" on:click=move |_| zoom_by(-1) aria-label=words.get("dataZoomOut")>"−"</button>
            </div>
            <p id="data-map-help" class="data-map__help">
                {words.get("dataMap")}
                // The search's map has a text alternative: the table of the same records.
                {overlay.is_some().then(|| format!(" {}", words.get("dataMapText")))}
            </p>
        </div>
    }
}

/// The width of the map's frame, followed as the window is resized.
fn width_of(frame: NodeRef<leptos::html::Div>) -> RwSignal<f64> {
    let width = RwSignal::new(640.0);
    let measure = move || {
        if let Some(frame) = frame.get_untracked() {
            width.set(f64::from(frame.client_width().max(1)));
        }
    };
    Effect::new(move |_| {
        if frame.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    width
}

/// The base map's tile at (zoom, column, row), and the overlay's above it; a column beyond the
/// world's edge shows the world again.
fn tile_view(
    base: &str,
    overlay: Option<Signal<String>>,
    (z, x, y): (u8, i64, i64),
) -> impl IntoView + use<> {
    let wrapped = x.rem_euclid(1i64 << z);
    let style = format!("left:{}px;top:{}px", x * 256, y * 256);
    let tile = move |template: &str| {
        template
            .replace("{z}", &z.to_string())
            .replace("{x}", &wrapped.to_string())
            .replace("{y}", &y.to_string())
    };
    let base_tile = format!("{base}/{z}/{wrapped}/{y}@1x.png?style=gbif-classic");
    view! {
        <img class="data-map__tile" src=base_tile style=style.clone() alt="" width="256" height="256" draggable="false"/>
        {overlay.map(|overlay| view! {
            <img class="data-map__tile" src=move || overlay.with(|o| tile(o)) style=style.clone() alt="" width="256" height="256" draggable="false"/>
        })}
    }
}

/// Where a point (degrees) is on the world at `zoom`, in pixels from its top left corner.
fn world_pixel(lat: f64, lon: f64, zoom: u8) -> (f64, f64) {
    let size = TILE * 2f64.powi(i32::from(zoom));
    let lat = lat.clamp(-85.05, 85.05).to_radians();
    let x = (lon + 180.0) / 360.0 * size;
    // The browser's own Math: Rust's would bring its trigonometry into the module.
    let mercator = js_sys::Math::log(js_sys::Math::tan(lat) + 1.0 / js_sys::Math::cos(lat));
    let y = (1.0 - mercator / std::f64::consts::PI) / 2.0 * size;
    (x, y)
}

/// The tiles (zoom, column, row) a map `width` wide centred on `center` shows; columns beyond
/// the world's edge repeat it.
fn visible_tiles(zoom: u8, (cx, cy): (f64, f64), width: f64) -> Vec<(u8, i64, i64)> {
    let n = 1i64 << zoom;
    let tile = |v: f64| (v / TILE).floor() as i64;
    let (x0, x1) = (tile(cx - width / 2.0), tile(cx + width / 2.0));
    let (y0, y1) = (
        tile(cy - HEIGHT / 2.0).max(0),
        tile(cy + HEIGHT / 2.0).min(n - 1),
    );
    let mut tiles = Vec::new();
    for y in y0..=y1 {
        for x in x0..=x1 {
            tiles.push((zoom, x, y));
        }
    }
    tiles
}
