//! Colours measured as WCAG measures them, for what the build chooses by contrast: the text on
//! the brand colour, and whether a logo needs a light plate on the dark header.

/// The stylesheet's `--color-text`, the body's dark text.
const DARK_TEXT: &str = "#1c2420";

/// The header's background (`--color-forest-dark`, `style/site-header.css`).
pub const HEADER: &str = "#0f2c20";

/// The text colour for buttons filled with the brand colour `color`, when white (the
/// stylesheet's) would not stand out enough from it and the body's dark text does better: a
/// light green such as `#4c9e45` gives white text a contrast of 3.3, short of the 4.5 WCAG asks
/// for. Only for hexadecimal colours; a named colour keeps white text.
pub fn text_on(color: &str) -> Option<&'static str> {
    let brand = luminance(color)?;
    let (white, dark) = (contrast(brand, 1.0), contrast(brand, luminance(DARK_TEXT)?));
    (white < 4.5 && dark > white).then_some(DARK_TEXT)
}

/// The contrast ratio of two relative luminances, from 1 (none) to 21 (black on white).
pub fn contrast(a: f64, b: f64) -> f64 {
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// The relative luminance of a colour written `#rgb` or `#rrggbb` (with or without alpha, which
/// is left out).
pub fn luminance(color: &str) -> Option<f64> {
    let hex = color.strip_prefix('#').filter(|hex| hex.is_ascii())?;
    let channel = |digits: &str| u8::from_str_radix(digits, 16).ok();
    let [r, g, b] = match hex.len() {
        3 | 4 => [0, 1, 2].map(|i| channel(&hex[i..=i].repeat(2))),
        6 | 8 => [0, 2, 4].map(|i| channel(&hex[i..i + 2])),
        _ => return None,
    };
    Some(rgb_luminance([r?, g?, b?]))
}

/// The relative luminance of an sRGB colour.
pub fn rgb_luminance([r, g, b]: [u8; 3]) -> f64 {
    let linear = |value: u8| {
        let value = f64::from(value) / 255.0;
        if value <= 0.04045 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_light_brand_colour_gets_dark_button_text() {
        assert_eq!(luminance("#000"), Some(0.0));
        assert_eq!(luminance("#ffffffcc"), Some(1.0));
        assert_eq!(luminance("#fff"), luminance("#ffffff"));
        assert!((contrast(0.0, 1.0) - 21.0).abs() < 1e-9);
        // hp-herbarium-germany's green: white text has a contrast of 3.3 on it, the dark 4.8.
        assert_eq!(text_on("#4c9e45"), Some(DARK_TEXT));
        assert_eq!(text_on("#ffd700"), Some(DARK_TEXT));
        // Dark enough for white text: the stylesheet's own white stays.
        assert_eq!(text_on("#11588C"), None);
        assert_eq!(text_on("#2f6b3f"), None);
        // Named colours and anything else keep white text.
        assert_eq!(text_on("tomato"), None);
        assert_eq!(text_on("#ééé"), None);
        assert_eq!(text_on("#12"), None);
    }
}
