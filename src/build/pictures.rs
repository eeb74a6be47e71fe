//! The images of blocks (cards, split banners) and the logo, in the sizes they are drawn at.
//!
//! Repositories keep their images at whatever size the camera or the designer made them: a
//! 1500-pixel logo drawn 28 pixels high, a 750 KB PNG in a card 300 pixels wide. The build makes
//! WebP files at the widths a card or banner needs (the original stays the fallback) and the logo
//! at twice its drawn height; encoded files are cached under `target/` like the heroes'.

use std::fs;
use std::path::Path;

use image::DynamicImage;
use image::imageops::FilterType;
use sha2::{Digest, Sha256};

use super::{BuildError, decoding, output};

/// Bump when the encoding settings change, so cached files are made again.
pub(super) const ENCODING_VERSION: &str = "1";
/// Widths made of a block's image: a card on a phone or in a grid, and twice that for sharp
/// screens; a split banner is at most half of a 72rem page.
pub const BLOCK_WIDTHS: [u32; 3] = [400, 800, 1200];
const WEBP_QUALITY: f32 = 72.0;
/// The logo is drawn 28 CSS pixels high (as the theme draws it); twice that is sharp on any
/// screen.
pub const LOGO_HEIGHT: u32 = 28;

/// A block's image: WebP files by width, and the original's size.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Picture {
    pub webp: Vec<(String, u32)>,
    pub width: u32,
    pub height: u32,
}

/// The original image of the site path `src`, and a key that changes with its bytes.
pub(super) fn original(site_root: &Path, src: &str) -> Result<(Vec<u8>, String), BuildError> {
    let path = output::file_in(site_root, src)?;
    let bytes = fs::read(&path).map_err(BuildError::io(&path))?;
    let key = super::cache::hex(&Sha256::digest(&bytes)[..8]);
    Ok((bytes, key))
}

pub(super) fn decode(bytes: &[u8], src: &str) -> Result<decoding::Decoded, BuildError> {
    decoding::decode(bytes, src)
}

/// Writes `encoded`, made of the image at site path `src`, under `/_app/images/` (the folder
/// whose files are cached for good) as `{stem}-{label}-{hash}.{extension}`; its site path.
pub(super) fn write(
    dist: &Path,
    src: &str,
    label: &str,
    extension: &str,
    encoded: &[u8],
) -> Result<String, BuildError> {
    let file_name = src.rsplit('/').next().unwrap_or(src);
    let stem = file_stem(file_name);
    let hash = super::cache::hex(&Sha256::digest(encoded)[..5]);
    let site_path = format!(
        "{}/images/{stem}-{label}-{hash}.{extension}",
        super::headers::HASHED_FOLDER
    );
    let target = output::file_in(dist, &site_path)?;
    let folder = target.parent().expect("inside dist");
    fs::create_dir_all(folder).map_err(BuildError::io(folder))?;
    output::replace(&target, encoded).map_err(BuildError::io(&target))?;
    Ok(site_path)
}

/// The stem of an image's file name (`Field photo (1)` of `Field photo (1).JPG`) as the start
/// of the names of the files made of it: letters, digits, `-`, `_` and `.` only. A space would
/// end an address in `srcset`, and the browser would load nothing.
fn file_stem(file_name: &str) -> String {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
    let mut safe = String::with_capacity(stem.len());
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '_' | '.') {
            safe.push(c);
        } else if !safe.is_empty() && !safe.ends_with('-') {
            safe.push('-');
        }
    }
    let safe = safe.trim_end_matches('-');
    if safe.is_empty() {
        "image".to_owned()
    } else {
        safe.to_owned()
    }
}

/// Makes the WebP files of the block image at site path `src`, at the widths of
/// [`BLOCK_WIDTHS`] narrower than the original, and at the original's own width when it is no
/// wider than the widest of them: an 800-pixel photo in a card on a sharp phone screen is
/// drawn from all its pixels, not from the 400-pixel file.
pub fn picture(
    site_root: &Path,
    dist: &Path,
    cache: &Path,
    src: &str,
) -> Result<Picture, BuildError> {
    let (bytes, digest) = original(site_root, src)?;
    let (width, height) = decoding::check(&bytes, src)?;
    let mut widths: Vec<u32> = BLOCK_WIDTHS
        .iter()
        .copied()
        .filter(|&w| w < width)
        .collect();
    if widths.is_empty() || width <= BLOCK_WIDTHS[BLOCK_WIDTHS.len() - 1] {
        widths.push(width);
    }
    let mut decoded: Option<decoding::Decoded> = None;
    let mut webp = Vec::new();
    for w in widths {
        let h = (u64::from(height) * u64::from(w) / u64::from(width.max(1))).max(1) as u32;
        let key = format!("{digest}-block{ENCODING_VERSION}-{w}x{h}.webp");
        let encoded = super::cache::read_or_make(cache, &key, || {
            if decoded.is_none() {
                decoded = Some(decode(&bytes, src)?);
            }
            let image = &decoded.as_ref().expect("decoded above").image;
            let resized = if w == width {
                image.clone()
            } else {
                image.resize_exact(w, h, FilterType::Lanczos3)
            };
            Ok(encode_webp(&resized))
        })?;
        webp.push((write(dist, src, &format!("{w}w"), "webp", &encoded)?, w));
    }
    Ok(Picture {
        webp,
        width,
        height,
    })
}

fn encode_webp(image: &DynamicImage) -> Vec<u8> {
    let (width, height) = (image.width(), image.height());
    if image.color().has_alpha() {
        let pixels = image.to_rgba8();
        webp::Encoder::from_rgba(pixels.as_raw(), width, height)
            .encode(WEBP_QUALITY)
            .to_vec()
    } else {
        let pixels = image.to_rgb8();
        webp::Encoder::from_rgb(pixels.as_raw(), width, height)
            .encode(WEBP_QUALITY)
            .to_vec()
    }
}

/// The WebP files made of the images of blocks (cards, posts' cards, split banners), by their
/// site paths.
pub type Pictures = std::collections::HashMap<String, Picture>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_files_have_names_an_address_can_hold_as_they_are() {
        assert_eq!(
            file_stem("PC_GBIF NA Webinar 6-11-26-1 (1).png"),
            "PC_GBIF-NA-Webinar-6-11-26-1-1"
        );
        assert_eq!(file_stem("moss.v2.jpg"), "moss.v2");
        assert_eq!(file_stem("Übersicht&Karte.JPG"), "bersicht-Karte");
        assert_eq!(file_stem("(%).png"), "image");
    }

    #[test]
    fn a_block_image_is_made_at_the_widths_a_card_needs_and_no_wider_than_it_is() {
        let dir = std::env::temp_dir().join(format!("scc-pictures-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("site")).unwrap();
        let widths = |width: u32| {
            let name = format!("/photo-{width}.png");
            image::RgbImage::from_pixel(width, 10, image::Rgb([40, 120, 60]))
                .save(dir.join("site").join(&name[1..]))
                .unwrap();
            let picture = picture(
                &dir.join("site"),
                &dir.join("dist"),
                &dir.join("cache"),
                &name,
            )
            .unwrap();
            assert!(
                picture
                    .webp
                    .iter()
                    .all(|(path, _)| dir.join("dist").join(&path[1..]).exists())
            );
            picture.webp.iter().map(|(_, w)| *w).collect::<Vec<_>>()
        };
        assert_eq!(widths(300), [300]);
        assert_eq!(widths(800), [400, 800]);
        assert_eq!(widths(1000), [400, 800, 1000]);
        assert_eq!(widths(1200), [400, 800, 1200]);
        assert_eq!(widths(2000), [400, 800, 1200]);
        let _ = fs::remove_dir_all(&dir);
    }
}
