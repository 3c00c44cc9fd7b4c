//! Bytes → text: encoding detection, decoding, line-end normalisation, and the refusal of
//! anything that is not text.
//!
//! Order of evidence: a byte-order mark (UTF-8, UTF-16 LE/BE) wins; then UTF-16 without a
//! BOM recognised by its zero bytes; then valid UTF-8; then `chardetng` (Mozilla's detector,
//! the one Firefox uses) picks a legacy encoding such as GBK/GB18030 or Big5. Decoding never
//! substitutes U+FFFD: bytes that do not decode are an error, not silently lost text. The
//! one exception is a UTF-8 file cut inside its last character (a truncated copy): the
//! incomplete character is dropped and counted in [`Decoded::truncated`], which ingest
//! reports as a warning, instead of the whole file being misread as a legacy encoding.
//!
//! Cost: two passes over the bytes (detect, decode) plus one over the text.

use std::fmt;

/// Decoded text and the name of the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// Bytes of an incomplete UTF-8 character at the very end, dropped (0 for whole files).
    pub truncated: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    Blank,
    Malformed { encoding: &'static str },
    Binary { control_chars: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "the file is empty"),
            DecodeError::Blank => write!(f, "the file contains only whitespace"),
            DecodeError::Malformed { encoding } => write!(
                f,
                "the bytes are not valid text in any supported encoding (best guess {encoding} fails to decode them)"
            ),
            DecodeError::Binary { control_chars } => write!(
                f,
                "the file looks binary, not text ({control_chars} control characters such as NUL)"
            ),
        }
    }
}

/// Decodes a text file's bytes. Line ends (CRLF, CR) become `\n`; nothing else changes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (encoding, body) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => (enc, &bytes[bom_len..]),
        None => (sniff(bytes), bytes),
    };
    let truncated = if encoding == encoding_rs::UTF_8 {
        incomplete_tail(body)
    } else {
        0
    };
    let body = &body[..body.len() - truncated];
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(body)
        .ok_or(DecodeError::Malformed {
            encoding: encoding.name(),
        })?;
    let text = normalise_line_ends(&text);
    let control_chars = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\t' | '\u{c}'))
        .count();
    // Real documents carry no NULs; a few stray controls (e.g. \u{b}) are tolerated.
    if text.contains('\0') || control_chars * 1000 > text.len() {
        return Err(DecodeError::Binary { control_chars });
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Blank);
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        truncated,
    })
}

/// Length of an incomplete UTF-8 character at the very end (a lead byte followed by fewer
/// continuation bytes than it announces), else 0. Looks at the last four bytes only: any
/// invalid byte before them fails the decoding itself.
fn incomplete_tail(bytes: &[u8]) -> usize {
    let from = bytes.len().saturating_sub(4);
    let Some(start) = (from..bytes.len()).rev().find(|&i| bytes[i] & 0xC0 != 0x80) else {
        return 0;
    };
    match std::str::from_utf8(&bytes[start..]) {
        Err(e) if e.error_len().is_none() => bytes.len() - start,
        _ => 0,
    }
}

fn sniff(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    // Zero bytes are valid UTF-8 but never occur in UTF-8 text; in UTF-16 they abound.
    if bytes.contains(&0) {
        if let Some(utf16) = sniff_utf16_without_bom(bytes) {
            return utf16;
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => return encoding_rs::UTF_8,
        // Valid up to an incomplete character at the very end: a truncated UTF-8 file.
        Err(e) if e.error_len().is_none() && e.valid_up_to() > 0 => return encoding_rs::UTF_8,
        Err(_) => {}
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, true);
    // GB18030 is a strict superset of GBK: decode with it so that rare characters survive.
    if guess == encoding_rs::GBK {
        encoding_rs::GB18030
    } else {
        guess
    }
}

/// UTF-16 text of any script has far more zero bytes on one side of each pair than the
/// other (ASCII has a zero high byte; CJK rarely has a zero byte at all, but its line
/// breaks and digits do). Requires a clear majority on one side; failing that (Chinese
/// text, where ASCII is a small share), line breaks and spaces as whole code units
/// (`0A 00`, `20 00` …) that occur in one byte order only.
fn sniff_utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    // Text never holds U+0000, binary files hold it everywhere.
    if bytes.len() < 4 || bytes.len() % 2 != 0 || bytes.chunks_exact(2).any(|p| p == [0, 0]) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let zero_even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if zero_odd * 5 > pairs && zero_even * 20 < zero_odd {
        return Some(encoding_rs::UTF_16LE);
    } else if zero_even * 5 > pairs && zero_odd * 20 < zero_even {
        return Some(encoding_rs::UTF_16BE);
    }
    let spaces = |zero: usize| {
        bytes
            .chunks_exact(2)
            .filter(|p| p[zero] == 0 && matches!(p[1 - zero], b'\n' | b'\r' | b' ' | b'\t'))
            .count()
    };
    let (le, be) = (spaces(1), spaces(0));
    if le >= 2 && be * 20 < le {
        Some(encoding_rs::UTF_16LE)
    } else if be >= 2 && le * 20 < be {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

fn normalise_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = if bom { Some(0xFEFF) } else { None }
            .into_iter()
            .chain(text.encode_utf16());
        for unit in units {
            let bytes = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend_from_slice(&bytes);
        }
        out
    }

    const ZH: &str = "湖北自贸试验区深化改革创新若干措施。\n1.聚焦重点产业。";

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(ZH.as_bytes()).unwrap();
        assert_eq!((plain.text.as_str(), plain.encoding), (ZH, "UTF-8"));
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice(ZH.as_bytes());
        assert_eq!(decode(&with_bom).unwrap().text, ZH);
    }

    #[test]
    fn utf16_both_byte_orders_with_bom() {
        for be in [false, true] {
            let decoded = decode(&utf16(ZH, be, true)).unwrap();
            assert_eq!(decoded.text, ZH);
            assert_eq!(decoded.encoding, if be { "UTF-16BE" } else { "UTF-16LE" });
        }
    }

    #[test]
    fn utf16_without_bom_when_mostly_latin() {
        let text = "Hubei Free Trade Zone: 68 measures.\nCustoms 海关.";
        for be in [false, true] {
            assert_eq!(decode(&utf16(text, be, false)).unwrap().text, text);
        }
    }

    #[test]
    fn utf16_without_bom_when_mostly_chinese() {
        // Under a fifth ASCII, and 一 / U+3000 put zero bytes on the other side too.
        let text = "一、总体要求\n（一）深化投资领域改革。\u{3000}全面落实外商投资准入前国民待遇。\n二、保障措施\n";
        for be in [false, true] {
            let decoded = decode(&utf16(text, be, false)).unwrap();
            assert_eq!(decoded.text, text);
            assert_eq!(decoded.encoding, if be { "UTF-16BE" } else { "UTF-16LE" });
        }
    }

    #[test]
    fn a_utf8_file_cut_inside_its_last_character_keeps_the_rest() {
        for keep in 1..3 {
            let cut = &ZH.as_bytes()[..ZH.len() - 3 + keep];
            let decoded = decode(cut).unwrap();
            assert_eq!(decoded.text, &ZH[..ZH.len() - 3]);
            assert_eq!((decoded.encoding, decoded.truncated), ("UTF-8", keep));
            let mut with_bom = vec![0xEF, 0xBB, 0xBF];
            with_bom.extend_from_slice(cut);
            assert_eq!(decode(&with_bom).unwrap().truncated, keep);
        }
        assert_eq!(decode(ZH.as_bytes()).unwrap().truncated, 0);
        // An invalid byte in the middle is not a truncation.
        let mut broken = ZH.as_bytes().to_vec();
        broken[4] = b'x';
        assert!(!matches!(decode(&broken), Ok(d) if d.encoding == "UTF-8"));
    }

    #[test]
    fn gb18030_is_detected() {
        let long = ZH.repeat(4);
        let (bytes, _, _) = encoding_rs::GB18030.encode(&long);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, long);
        assert_eq!(decoded.encoding, "gb18030");
    }

    #[test]
    fn line_ends_are_normalised() {
        assert_eq!(decode(b"a\r\nb\rc\n").unwrap().text, "a\nb\nc\n");
    }

    #[test]
    fn refuses_what_is_not_text() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t\r\n"), Err(DecodeError::Blank));
        let binary: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert!(matches!(
            decode(&binary),
            Err(DecodeError::Binary { .. } | DecodeError::Malformed { .. })
        ));
        let mut with_nul = b"text".to_vec();
        with_nul.push(0);
        with_nul.extend_from_slice(b"more text");
        assert!(matches!(decode(&with_nul), Err(DecodeError::Binary { .. })));
        // A UTF-16 BOM followed by an unpaired surrogate cannot be decoded.
        assert!(matches!(
            decode(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]),
            Err(DecodeError::Malformed { .. })
        ));
    }
}
