//! The ASCII cut of a pattern: what a pattern compiled at run time becomes for ASCII text.

use regex_syntax::hir::{Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition};

/// The pattern as it reads ASCII text: each class cut to its ASCII part, a literal with a
/// non-ASCII character never matching, Unicode word boundaries as ASCII ones. On an ASCII
/// haystack it matches exactly where the pattern does, with the same groups: every character it
/// reads is ASCII, where the two agree, and the structure (order of alternatives, greed) is kept.
pub fn to_ascii(hir: &Hir) -> Hir {
    cut(hir).unwrap_or_else(|| hir.clone())
}

/// The cut of `hir`, or `None` where it reads ASCII text as it is (its parts are then reused,
/// not rebuilt).
fn cut(hir: &Hir) -> Option<Hir> {
    match hir.kind() {
        HirKind::Empty => None,
        HirKind::Literal(l) => (!l.0.is_ascii()).then(Hir::fail),
        HirKind::Class(Class::Unicode(c)) => c.ranges().last().filter(|r| r.end() > '\x7F').map(|_| {
            let mut c = c.clone();
            c.intersect(&ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7F')]));
            Hir::class(Class::Unicode(c))
        }),
        HirKind::Class(Class::Bytes(c)) => c.ranges().last().filter(|r| r.end() > 0x7F).map(|_| {
            let mut c = c.clone();
            c.intersect(&ClassBytes::new([ClassBytesRange::new(0, 0x7F)]));
            Hir::class(Class::Bytes(c))
        }),
        HirKind::Look(look) => {
            let ascii = match *look {
                Look::WordUnicode => Look::WordAscii,
                Look::WordUnicodeNegate => Look::WordAsciiNegate,
                Look::WordStartUnicode => Look::WordStartAscii,
                Look::WordEndUnicode => Look::WordEndAscii,
                Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
                Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
                _ => return None,
            };
            Some(Hir::look(ascii))
        }
        HirKind::Repetition(r) => cut(&r.sub).map(|sub| {
            Hir::repetition(Repetition {
                min: r.min,
                max: r.max,
                greedy: r.greedy,
                sub: Box::new(sub),
            })
        }),
        HirKind::Capture(c) => cut(&c.sub).map(|sub| {
            Hir::capture(Capture {
                index: c.index,
                name: c.name.clone(),
                sub: Box::new(sub),
            })
        }),
        HirKind::Concat(v) => cut_all(v).map(Hir::concat),
        HirKind::Alternation(v) => cut_all(v).map(Hir::alternation),
    }
}

/// The cuts of a sequence of parts, or `None` where none changes.
fn cut_all(parts: &[Hir]) -> Option<Vec<Hir>> {
    let cuts: Vec<Option<Hir>> = parts.iter().map(cut).collect();
    if cuts.iter().all(Option::is_none) {
        return None;
    }
    Some(parts.iter().zip(cuts).map(|(part, c)| c.unwrap_or_else(|| part.clone())).collect())
}
