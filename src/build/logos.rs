//! Each language's logo as the header draws it: at the size it is drawn (a repository's logo may
//! be a thousand pixels high, drawn 28), and on a light plate when it would vanish into our dark
//! header. The theme's navigation bar is white, so a repository's logo is often dark lines on
//! nothing (GBIF North America's black and grey letters); drawn as it is on the dark header, the
//! site would have no visible name.

use std::path::Path;

use image::DynamicImage;
use image::imageops::FilterType;

use super::contrast::{self, HEADER};
use super::pictures::{self, LOGO_HEIGHT};
use super::{BuildError, ImageProblem, Options, images};
use crate::content::Site;
use crate::urls::BaseUrl;

/// A logo as the header draws it.
#[derive(Debug, PartialEq)]
pub struct Logo {
    /// Its site path: a smaller copy, or the original.
    pub path: String,
    /// The width it is drawn at, in CSS pixels, when known.
    pub width: Option<u32>,
    /// Whether it is drawn on a light plate.
    pub on_light: bool,
}

/// The least contrast a logo's lines need with the header behind them: WCAG's for the parts of
/// a page one must see to use it.
const LEAST_CONTRAST: f64 = 3.0;

/// Draws each language's logo as [`logo`] makes it, and notes in `site.logos_on_light` those
/// drawn on a light plate. A logo that cannot be read stays as it is; its problem is returned.
pub fn small_logos(site: &mut Site, options: &Options) -> Vec<ImageProblem> {
    let cache = images::cache_dir();
    let mut problems = Vec::new();
    for language in &mut site.config.languages {
        let Some(src) = language.logo.clone() else {
            continue;
        };
        let file = crate::urls::decode_path(&src);
        if !src.starts_with('/') || !site.static_files.contains(&file) {
            continue;
        }
        match logo(&options.site_root, &options.dist, &cache, &file, &src) {
            Ok(logo) => {
                if logo.on_light && !site.logos_on_light.contains(&logo.path) {
                    site.logos_on_light.push(logo.path.clone());
                }
                language.logo = Some(logo.path);
                language.logo_width = logo.width;
            }
            Err(error) => {
                let problem = ImageProblem::new(&file, &error);
                if !problems.contains(&problem) {
                    problems.push(problem);
                }
            }
        }
    }
    problems
}

/// The logo at site path `file` (written `src` in `_config.yml`): an SVG as it is, a raster
/// image as a PNG twice [`LOGO_HEIGHT`] high (the original when it is no higher).
pub fn logo(
    site_root: &Path,
    dist: &Path,
    cache: &Path,
    file: &str,
    src: &str,
) -> Result<Logo, BuildError> {
    let (bytes, digest) = pictures::original(site_root, file)?;
    if file.to_ascii_lowercase().ends_with(".svg") {
        let unreadable = |error: String| BuildError::Image {
            path: file.to_owned(),
            error,
        };
        let text = std::str::from_utf8(&bytes).map_err(|e| unreadable(e.to_string()))?;
        let svg = Svg::read(text).map_err(unreadable)?;
        return Ok(Logo {
            path: src.to_owned(),
            width: svg.size.map(|(w, h)| drawn_width(w, h)),
            on_light: svg.has_dark_colour,
        });
    }
    let decoded = pictures::decode(&bytes, file)?;
    let image = &decoded.image;
    let on_light = outline_is_dark(image);
    let width = Some(drawn_width(
        f64::from(image.width()),
        f64::from(image.height()),
    ));
    let target_height = 2 * LOGO_HEIGHT;
    if image.height() <= target_height {
        return Ok(Logo {
            path: src.to_owned(),
            width,
            on_light,
        });
    }
    let resized_width = (u64::from(image.width()) * u64::from(target_height)
        / u64::from(image.height()))
    .max(1) as u32;
    let key = format!(
        "{digest}-logo{}-{resized_width}x{target_height}.png",
        pictures::ENCODING_VERSION
    );
    let encoded = super::cache::read_or_make(cache, &key, || {
        let resized = image.resize_exact(resized_width, target_height, FilterType::Lanczos3);
        let mut out = Vec::new();
        resized
            .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
            .map_err(|e| BuildError::Image {
                path: file.to_owned(),
                error: format!("cannot encode PNG: {e}"),
            })?;
        Ok(out)
    })?;
    Ok(Logo {
        path: pictures::write(dist, file, &format!("h{target_height}"), "png", &encoded)?,
        width,
        on_light,
    })
}

/// The width, in CSS pixels, of an image `width` × `height` drawn [`LOGO_HEIGHT`] high.
fn drawn_width(width: f64, height: f64) -> u32 {
    (width * f64::from(LOGO_HEIGHT) / height.max(1.0))
        .round()
        .max(1.0) as u32
}

/// Whether a raster logo's outline, where it meets its transparent background, is mostly too
/// dark to see on the header. A logo without transparency brings its own background; a light
/// shape around dark letters (the SCC's white disc) is seen by its light edge.
fn outline_is_dark(image: &DynamicImage) -> bool {
    if !image.color().has_alpha() {
        return false;
    }
    let pixels = image.to_rgba8();
    let (width, height) = pixels.dimensions();
    let clear = |x: u32, y: u32| pixels.get_pixel(x, y)[3] < 128;
    let header = contrast::luminance(HEADER).unwrap_or(0.0);
    let (mut edge, mut dark) = (0u64, 0u64);
    for (x, y, pixel) in pixels.enumerate_pixels() {
        if pixel[3] < 128 {
            continue;
        }
        let beside_clear = (x > 0 && clear(x - 1, y))
            || (x + 1 < width && clear(x + 1, y))
            || (y > 0 && clear(x, y - 1))
            || (y + 1 < height && clear(x, y + 1));
        if beside_clear {
            edge += 1;
            let shade = contrast::rgb_luminance([pixel[0], pixel[1], pixel[2]]);
            if contrast::contrast(shade, header) < LEAST_CONTRAST {
                dark += 1;
            }
        }
    }
    // More than a quarter of the outline: a few dark pixels of anti-aliasing do not count.
    dark * 4 > edge
}

/// What the header needs to know of an SVG logo.
#[derive(Debug, PartialEq)]
struct Svg {
    /// Its width and height: its `width` and `height` in pixels, or its `viewBox`'s.
    size: Option<(f64, f64)>,
    /// Whether any of its colours (fills, strokes, gradient stops, and the black of a shape
    /// given none) is too dark to see on the header. An SVG's outline cannot be told without
    /// drawing it, so one dark colour is enough.
    has_dark_colour: bool,
}

impl Svg {
    fn read(text: &str) -> Result<Svg, String> {
        let options = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..roxmltree::ParsingOptions::default()
        };
        let document = roxmltree::Document::parse_with_options(text, options)
            .map_err(|e| format!("not an SVG file: {e}"))?;
        let root = document.root_element();
        if root.tag_name().name() != "svg" {
            return Err("not an SVG file: its root is not `<svg>`".to_owned());
        }
        let pixels = |name: &str| {
            root.attribute(name)
                .map(|value| value.trim().trim_end_matches("px"))
                .and_then(|value| value.parse::<f64>().ok())
                .filter(|value| *value > 0.0)
        };
        let view_box = || {
            let numbers: Vec<f64> = root
                .attribute("viewBox")?
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|part| !part.is_empty())
                .map(|part| part.parse().ok())
                .collect::<Option<_>>()?;
            match numbers[..] {
                [_, _, width, height] if width > 0.0 && height > 0.0 => Some((width, height)),
                _ => None,
            }
        };
        let size = pixels("width").zip(pixels("height")).or_else(view_box);
        let header = contrast::luminance(HEADER).unwrap_or(0.0);
        let has_dark_colour = svg_colours(&document).iter().any(|colour| {
            contrast::contrast(colour_luminance(colour).unwrap_or(1.0), header) < LEAST_CONTRAST
        });
        Ok(Svg {
            size,
            has_dark_colour,
        })
    }
}

/// The colours an SVG paints with, as written: in `fill`, `stroke` and `stop-color` attributes,
/// in `style` attributes and `<style>` sheets, and black for a shape that sets no fill, has no
/// class a sheet could give one, and is inside no group that sets one.
fn svg_colours(document: &roxmltree::Document) -> Vec<String> {
    const PAINT: [&str; 3] = ["fill", "stroke", "stop-color"];
    const SHAPES: [&str; 8] = [
        "path", "rect", "circle", "ellipse", "polygon", "polyline", "text", "use",
    ];
    let mut colours = Vec::new();
    for node in document.descendants().filter(roxmltree::Node::is_element) {
        for name in PAINT {
            colours.extend(node.attribute(name).map(str::to_owned));
        }
        if let Some(style) = node.attribute("style") {
            colours.extend(declared_paint(style, &PAINT));
        }
        if node.tag_name().name() == "style" {
            let sheet: String = node.descendants().filter_map(|n| n.text()).collect();
            colours.extend(declared_paint(&sheet, &PAINT));
        }
        let sets_fill = |n: &roxmltree::Node| {
            n.attribute("fill").is_some()
                || n.attribute("class").is_some()
                || n.attribute("style").is_some_and(|s| s.contains("fill"))
        };
        if SHAPES.contains(&node.tag_name().name()) && !node.ancestors().any(|n| sets_fill(&n)) {
            colours.push("black".to_owned());
        }
    }
    colours
}

/// The values of the `properties` declared in CSS text (`fill:#666` in `.cls-2{fill:#666;}`).
fn declared_paint(css: &str, properties: &[&str]) -> Vec<String> {
    css.split([';', '{', '}'])
        .filter_map(|declaration| declaration.split_once(':'))
        .filter(|(property, _)| properties.contains(&property.trim().to_ascii_lowercase().as_str()))
        .map(|(_, value)| {
            value
                .trim()
                .trim_end_matches("!important")
                .trim()
                .to_owned()
        })
        .collect()
}

/// The relative luminance of a colour an SVG paints with, when it is one this can read:
/// hexadecimal, `rgb()`, black or white. `none`, gradients (`url(…)`, whose stops are read
/// themselves), `currentColor` and other names are not.
fn colour_luminance(colour: &str) -> Option<f64> {
    let colour = colour.trim().to_ascii_lowercase();
    match colour.as_str() {
        "black" => return Some(0.0),
        "white" => return Some(1.0),
        _ => {}
    }
    if colour.starts_with('#') {
        return contrast::luminance(&colour);
    }
    let channels: Vec<u8> = colour
        .strip_prefix("rgb(")?
        .strip_suffix(')')?
        .split(',')
        .map(|part| part.trim().parse().ok())
        .collect::<Option<_>>()?;
    match channels[..] {
        [r, g, b] => Some(contrast::rgb_luminance([r, g, b])),
        _ => None,
    }
}

/// The header's rules for the logos drawn on a light plate (`site.logos_on_light`), for the
/// page's `<style>`: each logo's image by its address, as the header writes it.
pub fn plate_rules(logos: &[String], base: &BaseUrl) -> String {
    logos
        .iter()
        .map(|path| {
            format!(
                ".site-header__logo[src=\"{}\"] {{ box-sizing: border-box; height: 36px; padding: 4px 8px; background: #fff; border-radius: var(--radius); }}",
                css_string(&base.href(path))
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` inside a CSS string in double quotes, in an HTML `<style>`: nothing in it can end
/// the string, the rule or the element.
fn css_string(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '"' | '\\' | '<' | '>' | '\n' | '\r' | '\u{c}' => format!("\\{:x} ", u32::from(c)),
            c => c.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgba, RgbaImage};

    /// A logo 40 × 20 pixels: `ink` letters (a bar 20 × 6) on a `ground` disc-like square
    /// (30 × 14), the rest transparent.
    fn logo_image(ground: Option<[u8; 3]>, ink: [u8; 3]) -> DynamicImage {
        let mut image = RgbaImage::from_pixel(40, 20, Rgba([0, 0, 0, 0]));
        if let Some([r, g, b]) = ground {
            for (x, y) in (5..35).flat_map(|x| (3..17).map(move |y| (x, y))) {
                image.put_pixel(x, y, Rgba([r, g, b, 255]));
            }
        }
        let [r, g, b] = ink;
        for (x, y) in (10..30).flat_map(|x| (7..13).map(move |y| (x, y))) {
            image.put_pixel(x, y, Rgba([r, g, b, 255]));
        }
        DynamicImage::ImageRgba8(image)
    }

    #[test]
    fn a_raster_logo_with_a_dark_outline_goes_on_a_plate() {
        // Dark grey letters on nothing (a logo made for the theme's white bar).
        assert!(outline_is_dark(&logo_image(None, [0x66, 0x66, 0x66])));
        // White letters on nothing, and dark letters inside a white shape: seen as they are.
        assert!(!outline_is_dark(&logo_image(None, [255, 255, 255])));
        assert!(!outline_is_dark(&logo_image(
            Some([255, 255, 255]),
            [0x11, 0x58, 0x8c]
        )));
        // No transparency: the logo brings its own background.
        let opaque = DynamicImage::ImageRgb8(logo_image(None, [0, 0, 0]).to_rgb8());
        assert!(!outline_is_dark(&opaque));
    }

    #[test]
    fn an_svg_logo_gives_its_size_and_whether_a_colour_is_dark() {
        // As GBIF North America's: classes from a sheet, and letters that set no fill (black).
        let gbif = r##"<svg xmlns="http://www.w3.org/2000/svg" width="184.11" height="68" viewBox="0 0 184.11 68"><defs><style>.cls-1{fill:#4c8c1e;}</style></defs><path class="cls-1" d="M0 0h10v10z"/><path d="M20 0h10v10z"/></svg>"##;
        assert_eq!(
            Svg::read(gbif).unwrap(),
            Svg {
                size: Some((184.11, 68.0)),
                has_dark_colour: true
            }
        );
        let white = r##"<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0,0 200 50" fill="#fff"><g><path d="M0 0h10v10z" style="stroke: rgb(255, 255, 255)"/><rect width="5" height="5" fill="none"/></g></svg>"##;
        assert_eq!(
            Svg::read(white).unwrap(),
            Svg {
                size: Some((200.0, 50.0)),
                has_dark_colour: false
            }
        );
        let gradient = r##"<svg xmlns="http://www.w3.org/2000/svg" width="100%"><linearGradient id="g"><stop stop-color="#fff"/><stop offset="1" style="stop-color:#000"/></linearGradient><circle r="4" fill="url(#g)"/></svg>"##;
        assert_eq!(
            Svg::read(gradient).unwrap(),
            Svg {
                size: None,
                has_dark_colour: true
            }
        );
        assert!(Svg::read("<html></html>").is_err());
        assert!(Svg::read("<svg").is_err());
        assert_eq!(drawn_width(184.11, 68.0), 76);
    }

    #[test]
    fn the_plate_rules_name_each_logo_by_its_address() {
        let logos = [
            "/assets/logo.svg".to_owned(),
            "/a\"b</style>.svg".to_owned(),
        ];
        let rules = plate_rules(&logos, &BaseUrl::new("/scc/"));
        assert!(
            rules.starts_with(
                ".site-header__logo[src=\"/scc/assets/logo.svg\"] { box-sizing: border-box;"
            ),
            "{rules}"
        );
        assert!(
            rules.contains("[src=\"/scc/a\\22 b\\3c /style\\3e .svg\"]"),
            "{rules}"
        );
        assert!(!rules.contains("</style"));
    }
}
