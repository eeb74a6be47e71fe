//! Decoding images within bounds. A repository's image can claim any size in a few bytes (an
//! 11,000 × 11,000 PNG of 353 KB took 2.5 GB to decode, and four of them, two at a time, 4.9
//! GB): an image of more than [`MAX_PIXELS`] is not decoded at all (the build publishes it as it
//! is, with a warning), and the images decoded at one time hold at most [`MAX_IN_FLIGHT`] pixels,
//! whatever the number of cores.

use std::io::Cursor;
use std::sync::{Condvar, Mutex};

use image::{DynamicImage, ImageReader, Limits};

use super::BuildError;

/// The most pixels the build decodes of one image: 40 megapixels (a 7,700 × 5,200 photograph),
/// far above any image a page draws.
pub const MAX_PIXELS: u64 = 40_000_000;

/// The most pixels decoded at one time: room for two of the largest images.
const MAX_IN_FLIGHT: u64 = 2 * MAX_PIXELS;

static IN_FLIGHT: Mutex<u64> = Mutex::new(0);
static RELEASED: Condvar = Condvar::new();

/// The width and height an image's header gives, read without decoding it.
pub fn dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .ok()?
        .into_dimensions()
        .ok()
}

/// Checks that the image of site path `src` is one the build may decode: its size.
pub fn check(bytes: &[u8], src: &str) -> Result<(u32, u32), BuildError> {
    let (width, height) = dimensions(bytes).ok_or_else(|| BuildError::Image {
        path: src.to_owned(),
        error: "it is not an image the build can read (PNG, JPEG, WebP or GIF), or it is damaged"
            .into(),
    })?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(BuildError::TooLarge {
            path: src.to_owned(),
            width,
            height,
            most: MAX_PIXELS,
        });
    }
    Ok((width, height))
}

/// A decoded image, and its share of the pixels in flight, given back when it is dropped.
pub struct Decoded {
    pub image: DynamicImage,
    pixels: u64,
}

impl Drop for Decoded {
    fn drop(&mut self) {
        if let Ok(mut in_flight) = IN_FLIGHT.lock() {
            *in_flight -= self.pixels;
        }
        RELEASED.notify_all();
    }
}

/// Decodes the image of site path `src`, once there is room for its pixels.
pub fn decode(bytes: &[u8], src: &str) -> Result<Decoded, BuildError> {
    let (width, height) = check(bytes, src)?;
    let pixels = u64::from(width) * u64::from(height);
    {
        let mut in_flight = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
        // One image alone always has room.
        while *in_flight > 0 && *in_flight + pixels > MAX_IN_FLIGHT {
            in_flight = RELEASED.wait(in_flight).unwrap_or_else(|e| e.into_inner());
        }
        *in_flight += pixels;
    }
    // Holds the pixels from here: given back however decoding ends.
    let mut decoded = Decoded {
        image: DynamicImage::new_rgb8(0, 0),
        pixels,
    };
    let mut limits = Limits::default();
    limits.max_image_width = Some(width);
    limits.max_image_height = Some(height);
    limits.max_alloc = Some(pixels * 8 + (16 << 20));
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| BuildError::Image {
            path: src.to_owned(),
            error: e.to_string(),
        })?;
    reader.limits(limits);
    decoded.image = reader.decode().map_err(|e| BuildError::Image {
        path: src.to_owned(),
        error: e.to_string(),
    })?;
    Ok(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_image_too_large_is_refused_before_it_is_decoded() {
        // A real 11,000 × 11,000 PNG of 353 KB.
        let huge = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/hostile/huge.png"
        ))
        .unwrap();
        assert!(matches!(
            decode(&huge, "/huge.png"),
            Err(BuildError::TooLarge {
                width: 11_000,
                height: 11_000,
                ..
            })
        ));
        assert!(matches!(
            check(b"not an image", "/x.png"),
            Err(BuildError::Image { .. })
        ));
    }

    #[test]
    fn decoding_gives_its_pixels_back_once() {
        let mut out = Vec::new();
        image::RgbImage::new(1000, 1000)
            .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
            .unwrap();
        // A million pixels a time: kept, the images in flight would run out of room (and this
        // would wait for good); given back twice, the count would wrap past its limit.
        for _ in 0..100 {
            let decoded = decode(&out, "/small.png").unwrap();
            assert_eq!(
                (decoded.image.width(), decoded.image.height()),
                (1000, 1000)
            );
        }
        assert!(*IN_FLIGHT.lock().unwrap() <= MAX_IN_FLIGHT);
    }
}
