//! The ASCII cut of a pattern: what a pattern compiled at run time becomes for ASCII text.

use regex_syntax::hir::{Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition};

/// The pattern as it reads ASCII text: each class cut to its ASCII part, a literal with a
/// non-ASCII character never matching, Unicode word boundaries as ASCII ones. On an ASCII
/// haystack it matches exactly where the pattern does, with the same groups: every character it
/// reads is ASCII, where the two agree, and the structure (order of alternatives, greed) is kept.
pub fn to_ascii(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(l) if l.0.is_ascii() => Hir::literal(l.0.clone()),
        HirKind::Literal(_) => Hir::fail(),
        HirKind::Class(Class::Unicode(c)) => {
            let mut c = c.clone();
            c.intersect(&ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7F')]));
            Hir::class(Class::Unicode(c))
        }
        HirKind::Class(Class::Bytes(c)) => {
            let mut c = c.clone();
            c.intersect(&ClassBytes::new([ClassBytesRange::new(0, 0x7F)]));
            Hir::class(Class::Bytes(c))
        }
        HirKind::Look(look) => Hir::look(match *look {
            Look::WordUnicode => Look::WordAscii,
            Look::WordUnicodeNegate => Look::WordAsciiNegate,
            Look::WordStartUnicode => Look::WordStartAscii,
            Look::WordEndUnicode => Look::WordEndAscii,
            Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
            Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
            other => other,
        }),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: Box::new(to_ascii(&r.sub)),
            ..r.clone()
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            sub: Box::new(to_ascii(&c.sub)),
            ..c.clone()
        }),
        HirKind::Concat(v) => Hir::concat(v.iter().map(to_ascii).collect()),
        HirKind::Alternation(v) => Hir::alternation(v.iter().map(to_ascii).collect()),
    }
}
