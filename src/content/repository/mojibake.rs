//! Detection of mojibake: UTF-8 text that was once decoded as Windows-1252 and saved again,
//! so that `’` became `â€™`. Copying pages out of old sites and editors does this often.

/// One run of mojibake in a line: where it starts (in characters), what it says, what it meant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mojibake {
    pub column: usize,
    pub garbled: String,
    pub intended: String,
}

/// Every mojibake sequence in `line`, left to right.
pub fn find(line: &str) -> Vec<Mojibake> {
    let chars: Vec<char> = line.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match decode_at(&chars[i..]) {
            Some((len, intended)) => {
                found.push(Mojibake {
                    column: i + 1,
                    garbled: chars[i..i + len].iter().collect(),
                    intended: intended.to_string(),
                });
                i += len;
            }
            None => i += 1,
        }
    }
    found
}

/// If `chars` starts with the Windows-1252 spelling of one multi-byte UTF-8 character, returns
/// how many characters that spelling takes and the character it stands for.
fn decode_at(chars: &[char]) -> Option<(usize, char)> {
    let lead = windows_1252_byte(*chars.first()?)?;
    let len = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let bytes: Vec<u8> = chars
        .get(..len)?
        .iter()
        .map(|&c| windows_1252_byte(c))
        .collect::<Option<_>>()?;
    if !bytes[1..].iter().all(|b| (0x80..=0xBF).contains(b)) {
        return None;
    }
    let decoded = std::str::from_utf8(&bytes).ok()?.chars().next()?;
    Some((len, decoded))
}

/// The Windows-1252 byte that decodes to `c`, if there is one.
fn windows_1252_byte(c: char) -> Option<u8> {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    let code = u32::from(c);
    match code {
        0x00..=0x7F | 0xA0..=0xFF => Some(code as u8),
        _ => HIGH.iter().position(|&h| h == c).map(|i| 0x80 + i as u8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_right_single_quote_read_as_windows_1252() {
        let found = find("the Consortiumâ€™s open-source software");
        assert_eq!(
            found,
            vec![Mojibake {
                column: 15,
                garbled: "â€™".into(),
                intended: "’".into()
            }]
        );
    }

    #[test]
    fn finds_accented_letters_and_several_runs_in_one_line() {
        let found = find("CafÃ© and â€œquotesâ€\u{9d}");
        let intended: Vec<&str> = found.iter().map(|m| m.intended.as_str()).collect();
        assert_eq!(intended, ["é", "“", "”"]);
        assert_eq!(found[0].column, 4);
    }

    #[test]
    fn leaves_real_text_in_many_languages_alone() {
        for text in [
            "Consortium’s “open” software — naïve café, año, São Paulo, Zürich, Ørsted",
            "Colecciones de historia natural: ¿Qué es Specify? ¡Únase!",
            "100 °C, 5 µm, © 2024, « guillemets »",
        ] {
            assert_eq!(find(text), vec![], "{text}");
        }
    }
}
