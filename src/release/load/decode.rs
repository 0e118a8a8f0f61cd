//! Bytes to a Rust string: BOM sniffing, UTF-8, UTF-16, Windows-1252, and a refusal for binary data.

use crate::release::model::Encoding;
use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Why bytes could not be read as a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes look like binary data (an image, an executable, random bytes).
    NotText(&'static str),
}

/// Decode bytes into text, telling which encoding was used.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok((String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8Bom));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        let (s, _) = UTF_16LE.decode_without_bom_handling(&bytes[2..]);
        return check_decoded(s.into_owned(), Encoding::Utf16Le);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let (s, _) = UTF_16BE.decode_without_bom_handling(&bytes[2..]);
        return check_decoded(s.into_owned(), Encoding::Utf16Be);
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(DecodeError::NotText(kind));
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let codec = if enc == Encoding::Utf16Le { UTF_16LE } else { UTF_16BE };
        let (s, _) = codec.decode_without_bom_handling(bytes);
        return check_decoded(s.into_owned(), enc);
    }
    if looks_binary(bytes) {
        return Err(DecodeError::NotText("binary data"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_owned(), Encoding::Utf8)),
        Err(_) => {
            if mostly_utf8(bytes) {
                Ok((String::from_utf8_lossy(bytes).into_owned(), Encoding::Utf8Lossy))
            } else {
                let (s, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
                Ok((s.into_owned(), Encoding::Windows1252))
            }
        }
    }
}

/// As [`decode`], taking the bytes: valid UTF-8 becomes the text without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> Result<(String, Encoding), DecodeError> {
    let plain_utf8 = !bytes.starts_with(&[0xEF, 0xBB, 0xBF])
        && !bytes.starts_with(&[0xFF, 0xFE])
        && !bytes.starts_with(&[0xFE, 0xFF])
        && binary_signature(&bytes).is_none()
        && utf16_without_bom(&bytes).is_none()
        && !looks_binary(&bytes);
    if plain_utf8 {
        return match String::from_utf8(bytes) {
            Ok(s) => Ok((s, Encoding::Utf8)),
            Err(e) => decode(e.as_bytes()),
        };
    }
    decode(&bytes)
}

fn check_decoded(s: String, enc: Encoding) -> Result<(String, Encoding), DecodeError> {
    let sample: Vec<char> = s.chars().take(65_536).collect();
    let bad = sample
        .iter()
        .filter(|c| (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c')) || **c == '\u{FFFD}')
        .count();
    if !sample.is_empty() && bad * 10 > sample.len() {
        return Err(DecodeError::NotText("binary data"));
    }
    Ok((s, enc))
}

/// Magic numbers of common binary formats.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGS: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-", "a PDF file"),
        (b"\x7FELF", "an executable"),
        (b"MZ", "an executable"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"BZh", "a bzip2 archive"),
        (b"\xFD7zXZ\x00", "an xz archive"),
        (b"\xCF\xFA\xED\xFE", "an executable"),
        (b"\xD0\xCF\x11\xE0", "an Office document"),
    ];
    SIGS.iter().find(|(sig, _)| bytes.starts_with(sig)).map(|(_, kind)| *kind)
}

/// UTF-16 text without a BOM has a NUL in every other byte.
fn utf16_without_bom(bytes: &[u8]) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nul = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if odd_nul * 10 >= pairs * 9 && even_nul * 10 < pairs {
        Some(Encoding::Utf16Le)
    } else if even_nul * 10 >= pairs * 9 && odd_nul * 10 < pairs {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// Binary rather than text, judged on the first 64 KiB: many NULs, many control bytes, or (when
/// not UTF-8) mostly high bytes with controls among them, as in random data. Escape sequences,
/// bells and backspaces are hostile text, not binary: they are stripped later.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(65_536)];
    if sample.is_empty() {
        return false;
    }
    let n = sample.len();
    let (nul, ctrl, high) = byte_counts(sample);
    let utf8 = std::str::from_utf8(sample).is_ok() || std::str::from_utf8(&sample[..n.saturating_sub(3)]).is_ok();
    nul * 20 > n || ctrl * 10 > n || (!utf8 && high * 4 > n && ctrl * 50 > n)
}

/// How many bytes are NUL, how many other controls that text does not hold (newline, tab, form
/// feed, escape, bell and backspace excepted), how many are high (0x80 and up): one pass, in
/// chunks of 255 bytes counted in bytes, which the compiler reads 32 bytes at a time.
fn byte_counts(sample: &[u8]) -> (usize, usize, usize) {
    let (mut nul, mut ctrl, mut high) = (0usize, 0usize, 0usize);
    for chunk in sample.chunks(255) {
        let (mut n, mut c, mut h) = (0u8, 0u8, 0u8);
        for &b in chunk {
            n += u8::from(b == 0);
            c += u8::from(b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b | 0x07 | 0x08));
            h += u8::from(b >= 0x80);
        }
        nul += usize::from(n);
        ctrl += usize::from(c);
        high += usize::from(h);
    }
    (nul, ctrl, high)
}

/// Invalid UTF-8 that nonetheless holds more well-formed multi-byte sequences than bad bytes.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut good_multi = 0usize;
    let mut bad = 0usize;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                good_multi += s.chars().filter(|c| c.len_utf8() > 1).count();
                break;
            }
            Err(e) => {
                let (ok, tail) = rest.split_at(e.valid_up_to());
                good_multi += std::str::from_utf8(ok)
                    .map(|s| s.chars().filter(|c| c.len_utf8() > 1).count())
                    .unwrap_or(0);
                bad += 1;
                let skip = e.error_len().unwrap_or(tail.len()).max(1);
                rest = &tail[skip.min(tail.len())..];
                if rest.is_empty() {
                    break;
                }
            }
        }
    }
    good_multi > 0 && good_multi >= bad
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decoding bytes it owns (the batch and the single file) reads them as decoding borrowed
    /// bytes does, whatever the encoding or failure.
    #[test]
    fn owned_bytes_decode_as_borrowed_ones() {
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("Revenue rose".encode_utf16().flat_map(u16::to_le_bytes));
        let cases: Vec<Vec<u8>> = vec![
            "caf\u{e9} \u{2014} ok".into(),
            b"\xEF\xBB\xBFHello".to_vec(),
            utf16,
            b"caf\xe9 na\xefve r\xe9sum\xe9".to_vec(),
            b"mostly text \xff with one bad byte, and more text after it".to_vec(),
            b"\x89PNG\r\n\x1a\n rest".to_vec(),
            vec![0u8; 100],
            Vec::new(),
        ];
        for bytes in cases {
            assert_eq!(decode_owned(bytes.clone()), decode(&bytes), "{bytes:?}");
        }
    }

    #[test]
    fn plain_utf8() {
        let (s, e) = decode("caf\u{e9} \u{2014} ok".as_bytes()).unwrap();
        assert_eq!(e, Encoding::Utf8);
        assert!(s.contains('\u{2014}'));
    }

    #[test]
    fn utf8_bom_is_removed() {
        let (s, e) = decode(b"\xEF\xBB\xBFHello").unwrap();
        assert_eq!((s.as_str(), e), ("Hello", Encoding::Utf8Bom));
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hi there".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap(), ("Hi there".into(), Encoding::Utf16Le));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Hi there".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap(), ("Hi there".into(), Encoding::Utf16Be));
        let bare: Vec<u8> = "Hello world, press release".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&bare).unwrap().1, Encoding::Utf16Le);
    }

    #[test]
    fn windows_1252_curly_quotes() {
        let (s, e) = decode(b"\x93Hello\x94 said Mr. Smith \x96 CEO").unwrap();
        assert_eq!(e, Encoding::Windows1252);
        assert_eq!(s, "\u{201c}Hello\u{201d} said Mr. Smith \u{2013} CEO");
    }

    #[test]
    fn mixed_utf8_is_repaired_lossily() {
        let mut b = "Caf\u{e9} \u{2019}s \u{201c}ok\u{201d} ".as_bytes().to_vec();
        b.push(0xFF);
        let (s, e) = decode(&b).unwrap();
        assert_eq!(e, Encoding::Utf8Lossy);
        assert!(s.contains('\u{201c}') && s.contains('\u{FFFD}'));
    }

    #[test]
    fn byte_counts_match_a_count_per_class() {
        let naive = |s: &[u8]| {
            (
                s.iter().filter(|b| **b == 0).count(),
                s.iter()
                    .filter(|b| **b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b | 0x07 | 0x08))
                    .count(),
                s.iter().filter(|b| **b >= 0x80).count(),
            )
        };
        let every: Vec<u8> = (0..=255u8).collect();
        assert_eq!(byte_counts(&every), (1, 25, 128));
        // longer than a chunk, with chunks of one byte class (the counts must not wrap)
        let long: Vec<u8> = every
            .iter()
            .cycle()
            .take(70_001)
            .copied()
            .chain([0u8; 600])
            .chain([0xffu8; 600])
            .collect();
        for sample in [
            &long[..],
            &every[..],
            b"",
            b"plain text\r\n\tand \x1b[1m bold\x07\x08",
            "caf\u{e9} \u{2014} \u{65e5}".as_bytes(),
            b"\0\0\x01\x7f\xff",
        ] {
            assert_eq!(byte_counts(sample), naive(sample), "{sample:?}");
        }
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0IHDR").is_err());
        assert!(decode(b"\x7FELF\x02\x01\x01\0\0\0").is_err());
        let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
        assert!(decode(&noise).is_err());
    }

    #[test]
    fn empty_is_text() {
        assert_eq!(decode(b"").unwrap(), (String::new(), Encoding::Utf8));
    }
}
