//! The hero image in the sizes and formats phones and desktops need: WebP for browsers that take
//! it, JPEG for the rest, landscape files for wide screens and a portrait crop for tall ones.
//! Encoded files are cached under `target/`, so rebuilding the site stays quick.

use std::fs;
use std::path::{Path, PathBuf};

use image::imageops::FilterType;
use image::{DynamicImage, GenericImageView, RgbImage};
use sha2::{Digest, Sha256};

use super::{BuildError, decoding};

/// An image in several sizes and formats, for `<picture>`: the browser picks the smallest file
/// that covers the space the image fills on its screen.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct ResponsiveImage {
    /// Size of the largest file, in pixels.
    pub width: u32,
    pub height: u32,
    /// Alternatives tried first, in order (modern formats, crops for portrait screens).
    pub sources: Vec<ImageSource>,
    /// The JPEG fallback that the `<img>` itself carries.
    pub fallback: ImageSource,
}

/// One `<source>` of a `<picture>`: files of one format and crop, in several widths.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct ImageSource {
    /// MIME type of the files (`image/webp`).
    pub mime: String,
    /// Media query for which this source applies, if not all screens.
    pub media: Option<String>,
    /// Site paths of the files with their widths in pixels, smallest first.
    pub files: Vec<(String, u32)>,
    /// How wide the image is drawn, for the browser's choice (`max(100vw, 124vh)`).
    pub sizes: String,
}

/// Bump when the encoding settings change, so cached files are made again.
const ENCODING_VERSION: &str = "1";
/// Widths of the landscape files; each is made only if the original is at least that wide.
const LANDSCAPE_WIDTHS: [u32; 4] = [640, 960, 1280, 1920];
/// Widths of the 2:3 portrait crop, for phones held upright.
const PORTRAIT_WIDTHS: [u32; 2] = [480, 720];
/// The dark overlay hides fine detail, so the hero compresses harder than a photo on its own.
const WEBP_QUALITY: f32 = 55.0;
const JPEG_QUALITY: u8 = 70;

/// A landscape JPEG for link previews (Open Graph, Twitter cards): site path, width, height.
pub type Preview = (String, u32, u32);

/// The files made for one hero image, and what the page's `<head>` needs to know about them.
#[derive(Hash)]
pub struct HeroImage {
    pub image: ResponsiveImage,
    pub preview: Preview,
}

/// Makes the variants of the image at site path `background` (a file of the site's folder
/// `site_root`) for a hero of CSS height `height`, writes them into `dist`, and says which they
/// are.
pub fn hero_image(
    site_root: &Path,
    dist: &Path,
    cache: &Path,
    background: &str,
    height: Option<&str>,
) -> Result<HeroImage, BuildError> {
    let mut variants = Variants::read(site_root, dist, cache, background)?;
    let (width, height_px) = (variants.width, variants.height);
    let mut landscape_widths: Vec<u32> = LANDSCAPE_WIDTHS
        .iter()
        .copied()
        .filter(|&w| w <= width)
        .chain([width])
        .collect();
    landscape_widths.dedup();
    let layout = Layout::for_height(height, width as f32 / height_px as f32);
    let landscape_webp = variants.files(Crop::None, &landscape_widths, Format::Webp)?;
    // JPEG is the fallback for the rare browser without WebP; beyond 1280 pixels its files grow
    // large for little gain behind the overlay.
    let jpeg_widths: Vec<u32> = landscape_widths
        .iter()
        .copied()
        .filter(|&w| w <= 1280)
        .collect();
    let jpeg_widths = if jpeg_widths.is_empty() {
        vec![landscape_widths[0]]
    } else {
        jpeg_widths
    };
    let landscape_jpeg = variants.files(Crop::None, &jpeg_widths, Format::Jpeg)?;
    let mut sources = Vec::new();
    if let Some(portrait) = &layout.portrait {
        let widths: Vec<u32> = PORTRAIT_WIDTHS
            .iter()
            .copied()
            .filter(|&w| w <= height_px * 2 / 3)
            .collect();
        if !widths.is_empty() && width * 3 > height_px * 2 {
            sources.push(ImageSource {
                mime: "image/webp".into(),
                media: Some(portrait.media.clone()),
                files: variants.files(Crop::Portrait, &widths, Format::Webp)?,
                sizes: portrait.sizes.clone(),
            });
        }
    }
    sources.push(ImageSource {
        mime: "image/webp".into(),
        media: None,
        files: landscape_webp,
        sizes: layout.landscape_sizes.clone(),
    });
    let preview = landscape_jpeg
        .iter()
        .find(|(_, w)| *w >= 1200)
        .or(landscape_jpeg.last())
        .map(|(path, w)| (path.clone(), *w, w * height_px / width))
        .ok_or_else(|| BuildError::Image {
            path: background.to_owned(),
            error: "it is too small for a preview".into(),
        })?;
    Ok(HeroImage {
        image: ResponsiveImage {
            width,
            height: height_px,
            sources,
            fallback: ImageSource {
                mime: "image/jpeg".into(),
                media: None,
                files: landscape_jpeg,
                sizes: layout.landscape_sizes,
            },
        },
        preview,
    })
}

/// One hero image's variants being made: its file, decoded only when a variant is not in the
/// cache (and then once), and where the variants go.
struct Variants<'a> {
    background: &'a str,
    bytes: Vec<u8>,
    /// The start of the file's digest, which names its variants in the cache.
    digest: String,
    decoded: Option<decoding::Decoded>,
    width: u32,
    height: u32,
    dist: &'a Path,
    cache: &'a Path,
}

impl<'a> Variants<'a> {
    /// Reads the image at site path `background` and its size.
    fn read(
        site_root: &Path,
        dist: &'a Path,
        cache: &'a Path,
        background: &'a str,
    ) -> Result<Self, BuildError> {
        let source_path = super::output::file_in(site_root, background)?;
        let bytes = fs::read(&source_path).map_err(BuildError::io(&source_path))?;
        let digest = super::cache::hex(&Sha256::digest(&bytes))[..16].to_owned();
        let mut variants = Variants {
            background,
            bytes,
            digest,
            decoded: None,
            width: 0,
            height: 0,
            dist,
            cache,
        };
        (variants.width, variants.height) = decoding::check(&variants.bytes, background)?;
        Ok(variants)
    }

    /// The image, decoded the first time it is needed.
    fn decode(&mut self) -> Result<&DynamicImage, BuildError> {
        if self.decoded.is_none() {
            self.decoded = Some(decoding::decode(&self.bytes, self.background)?);
        }
        Ok(&self.decoded.as_ref().expect("decoded above").image)
    }

    /// The variant `crop`ped to `target_width` in `format`, from the cache or made, written into
    /// the output: its site path, width and height.
    fn make(
        &mut self,
        crop: Crop,
        target_width: u32,
        format: Format,
    ) -> Result<(String, u32, u32), BuildError> {
        let (out_width, out_height) = crop.output_size(self.width, self.height, target_width);
        let key = format!(
            "{}-{ENCODING_VERSION}-{}-{out_width}x{out_height}.{}",
            self.digest,
            crop.name(),
            format.extension()
        );
        let encoded = super::cache::read_or_make(self.cache, &key, || {
            let resized = crop.apply(self.decode()?, out_width, out_height);
            format.encode(&resized).map_err(|error| BuildError::Image {
                path: self.background.to_owned(),
                error,
            })
        })?;
        let site_path = super::pictures::write(
            self.dist,
            self.background,
            &format!("{out_width}x{out_height}"),
            format.extension(),
            &encoded,
        )?;
        Ok((site_path, out_width, out_height))
    }

    /// The variants at each of `widths`: site path and width.
    fn files(
        &mut self,
        crop: Crop,
        widths: &[u32],
        format: Format,
    ) -> Result<Vec<(String, u32)>, BuildError> {
        widths
            .iter()
            .map(|&w| self.make(crop, w, format).map(|(path, w, _)| (path, w)))
            .collect()
    }
}

/// How wide the image is drawn: it covers the hero, so on a screen taller than the hero is wide
/// it is cropped at the sides and drawn wider than the screen.
struct Layout {
    landscape_sizes: String,
    portrait: Option<PortraitLayout>,
}

struct PortraitLayout {
    media: String,
    sizes: String,
}

impl Layout {
    /// For a hero of CSS height `height` (the stylesheet's 40vh when unset) and an image of
    /// width-to-height ratio `aspect`.
    fn for_height(height: Option<&str>, aspect: f32) -> Self {
        let vh = height
            .unwrap_or("40vh")
            .strip_suffix("vh")
            .and_then(|n| n.parse::<f32>().ok())
            .filter(|n| *n > 0.0);
        match vh {
            Some(vh) => Layout {
                landscape_sizes: format!("max(100vw, {}vh)", round(vh * aspect)),
                portrait: Some(PortraitLayout {
                    // The screen's width-to-height ratio is at most the hero's height in vh / 100
                    // exactly when the hero is taller than it is wide.
                    media: format!("(max-aspect-ratio: {}/100)", round(vh)),
                    sizes: format!("max(100vw, {}vh)", round(vh * 2.0 / 3.0)),
                }),
            },
            None => Layout {
                landscape_sizes: "100vw".into(),
                portrait: None,
            },
        }
    }
}

fn round(n: f32) -> f32 {
    (n * 10.0).round() / 10.0
}

#[derive(Clone, Copy)]
enum Crop {
    None,
    /// The centre of the image at a 2:3 width-to-height ratio.
    Portrait,
}

impl Crop {
    fn name(self) -> &'static str {
        match self {
            Crop::None => "full",
            Crop::Portrait => "portrait",
        }
    }

    fn output_size(self, width: u32, height: u32, target_width: u32) -> (u32, u32) {
        match self {
            Crop::None => (
                target_width,
                (height as u64 * target_width as u64 / width as u64) as u32,
            ),
            Crop::Portrait => (target_width, target_width * 3 / 2),
        }
    }

    fn apply(self, image: &DynamicImage, width: u32, height: u32) -> RgbImage {
        let cropped = match self {
            Crop::None => image.clone(),
            Crop::Portrait => {
                let (w, h) = image.dimensions();
                let crop_width = (h * 2 / 3).min(w);
                image.crop_imm((w - crop_width) / 2, 0, crop_width, h)
            }
        };
        cropped
            .resize_exact(width, height, FilterType::Lanczos3)
            .to_rgb8()
    }
}

#[derive(Clone, Copy)]
enum Format {
    Webp,
    Jpeg,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Webp => "webp",
            Format::Jpeg => "jpg",
        }
    }

    fn encode(self, image: &RgbImage) -> Result<Vec<u8>, String> {
        match self {
            Format::Webp => {
                let encoder =
                    webp::Encoder::from_rgb(image.as_raw(), image.width(), image.height());
                Ok(encoder.encode(WEBP_QUALITY).to_vec())
            }
            Format::Jpeg => {
                let mut out = Vec::new();
                image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
                    .encode_image(image)
                    .map_err(|e| format!("cannot encode JPEG: {e}"))?;
                Ok(out)
            }
        }
    }
}

/// Where encoded images are cached between builds, whichever site is being built.
pub fn cache_dir() -> PathBuf {
    super::target_dir().join("scc-image-cache")
}

/// How long an encoded image stays in the cache after a build last used it: a month, since an
/// image takes up to a few seconds to encode again, and a site is often left alone for weeks
/// while the few images a site replaces in a year take little room.
const UNUSED_FOR: std::time::Duration = std::time::Duration::from_secs(30 * 24 * 60 * 60);

/// Forgets the encoded images no build has used for [`UNUSED_FOR`] (hero images and pictures
/// replaced since, settings changed). At most once an hour.
pub fn forget_unused() {
    super::cache::prune(&cache_dir(), std::time::SystemTime::now(), UNUSED_FOR);
}

/// The hero images made, by background and hero height: one set of files per background and
/// height, shared by the pages that use it.
pub type Heroes = std::collections::HashMap<(String, Option<String>), HeroImage>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hero_in_vh_gets_a_portrait_crop_for_tall_screens() {
        let layout = Layout::for_height(Some("70vh"), 16.0 / 9.0);
        assert_eq!(layout.landscape_sizes, "max(100vw, 124.4vh)");
        let portrait = layout.portrait.unwrap();
        assert_eq!(portrait.media, "(max-aspect-ratio: 70/100)");
        assert_eq!(portrait.sizes, "max(100vw, 46.7vh)");
    }

    #[test]
    fn a_hero_in_pixels_is_drawn_screen_wide() {
        let layout = Layout::for_height(Some("480px"), 16.0 / 9.0);
        assert_eq!(layout.landscape_sizes, "100vw");
        assert!(layout.portrait.is_none());
    }

    #[test]
    fn makes_every_variant_of_the_placeholder_once() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let scratch = std::env::temp_dir().join(format!("scc-images-{}", std::process::id()));
        let hero = hero_image(
            &root.join("content"),
            &scratch.join("dist"),
            &scratch.join("cache"),
            "/assets/images/placeholders/moss.jpg",
            Some("70vh"),
        )
        .unwrap();
        let image = hero.image;
        assert_eq!((image.width, image.height), (1920, 1080));
        assert_eq!(image.sources.len(), 2);
        let widths: Vec<u32> = image.sources[1].files.iter().map(|(_, w)| *w).collect();
        assert_eq!(widths, [640, 960, 1280, 1920]);
        assert_eq!(
            image.sources[0]
                .files
                .iter()
                .map(|(_, w)| *w)
                .collect::<Vec<_>>(),
            [480, 720]
        );
        for (path, _) in image
            .sources
            .iter()
            .chain([&image.fallback])
            .flat_map(|s| &s.files)
        {
            let file = scratch.join("dist").join(path.trim_start_matches('/'));
            assert!(file.is_file(), "{path}");
            assert!(path.starts_with("/_app/images/moss-"), "{path}");
        }
        assert_eq!(hero.preview.1, 1280);
        fs::remove_dir_all(scratch).unwrap();
    }
}
