//! Small text helpers shared by the segmenter and the extractors.

/// How far a sentence may reach on either side of what it is asked about: bounds the work on a
/// text that is one endless line.
const SENTENCE_REACH: usize = 800;

/// The sentence around a byte range: from the previous sentence end (or line start) to the next,
/// at most [`SENTENCE_REACH`] bytes either way.
pub fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut s = start.min(text.len());
    let low = s.saturating_sub(SENTENCE_REACH);
    let high = end.saturating_add(SENTENCE_REACH).min(bytes.len());
    while s > low {
        let c = bytes[s - 1];
        if c == b'\n' {
            break;
        }
        if (c == b' ') && s >= 2 && matches!(bytes[s - 2], b'.' | b'!' | b'?' | b';') && !is_abbrev_end(text, s - 2) {
            break;
        }
        if c == b' ' && s >= 3 && matches!(bytes[s - 2], b'"' | b'\'') && bytes[s - 3] == b'.' {
            break;
        }
        s -= 1;
    }
    let mut e = end.min(text.len());
    while e < high {
        let c = bytes[e];
        if c == b'\n' {
            break;
        }
        if matches!(c, b'.' | b'!' | b'?' | b';')
            && (e + 1 == bytes.len() || bytes[e + 1] == b' ' || bytes[e + 1] == b'\n')
            && !is_abbrev_end(text, e)
        {
            e += 1;
            break;
        }
        e += 1;
    }
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    while !text.is_char_boundary(e) {
        e += 1;
    }
    (s, e)
}

/// A period that ends an abbreviation or initial, not a sentence ("Inc.", "Mr.", "J.", "a.m.").
fn is_abbrev_end(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word: &str = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    const ABBR: &[&str] = &[
        "Inc", "Corp", "Co", "Ltd", "Mr", "Mrs", "Ms", "Dr", "Jr", "Sr", "St", "No", "Nos", "vs", "U.S", "a.m", "p.m", "A.M", "P.M", "Jan",
        "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mass", "Calif", "Ill", "Va", "Del", "Ga", "Conn",
        "Fla", "Md", "Mich", "Minn", "Tex", "Wash", "Ariz", "Colo", "N.Y", "N.J", "D.C", "L.P", "N.V", "S.A", "e.g", "i.e", "approx",
        "Ph.D", "etc",
    ];
    word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()) || ABBR.contains(&word)
}

/// Start of the line holding byte `i`, looking back at most `reach` bytes.
pub fn line_start(text: &str, i: usize, reach: usize) -> usize {
    let i = floor_boundary(text, i);
    let low = floor_boundary(text, i.saturating_sub(reach));
    text[low..i].rfind('\n').map_or(low, |p| low + p + 1)
}

/// Clamp `i` down to a char boundary of `s`.
pub fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Clamp `i` up to a char boundary of `s`.
pub fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The character before byte offset `i`, if any.
pub fn char_before(s: &str, i: usize) -> Option<char> {
    s[..floor_boundary(s, i)].chars().next_back()
}

/// The character at byte offset `i`, if any.
pub fn char_at(s: &str, i: usize) -> Option<char> {
    s[ceil_boundary(s, i)..].chars().next()
}

/// Where `needle` (not empty) last stands in a short `hay`, compared byte for byte in place: for a few dozen
/// bytes this is quicker than `str::rfind`, whose searcher costs more to set up than the search.
pub fn rfind_short(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes().windows(needle.len().max(1)).rposition(|w| w == needle.as_bytes())
}

#[cfg(test)]
mod tests {
    #[test]
    fn rfind_short_is_rfind() {
        for (hay, needle) in [
            ("up to $5 to $6", " to "),
            ("to", " to "),
            ("", "x"),
            ("ab ab", "ab"),
            ("€ to €", " to "),
            ("million", "mm"),
        ] {
            assert_eq!(super::rfind_short(hay, needle), hay.rfind(needle), "{hay:?} {needle:?}");
        }
    }

    use super::*;

    #[test]
    fn sentence_skips_abbreviations() {
        let t = "First one. Sonus Networks, Inc. said on Dec. 3 it would. Next.";
        let p = t.find("said").unwrap();
        let (s, e) = sentence_around(t, p, p + 4);
        assert_eq!(&t[s..e], "Sonus Networks, Inc. said on Dec. 3 it would.");
    }

    #[test]
    fn boundaries() {
        let t = "a—b";
        assert_eq!(floor_boundary(t, 2), 1);
        assert_eq!(ceil_boundary(t, 2), 4);
        assert_eq!(char_before(t, 4), Some('—'));
        assert_eq!(char_at(t, 1), Some('—'));
    }
}
