//! Regular expressions behind a keyword gate. A pattern that can only match where one of a few
//! words stands (any ASCII case) is compiled the first time a text holds one of them: a release
//! that never names the words never pays for the pattern, and a sentence without them is not
//! searched at all.

use regex::Regex;
use std::sync::OnceLock;

pub struct Gated {
    /// Lower-case words, one of which every match contains.
    words: &'static [&'static str],
    pattern: &'static str,
    re: OnceLock<Regex>,
}

impl Gated {
    pub const fn new(words: &'static [&'static str], pattern: &'static str) -> Gated {
        Gated {
            words,
            pattern,
            re: OnceLock::new(),
        }
    }

    /// Whether a text, given in ASCII lower case, holds one of the words (and so may match).
    pub fn may_match(&self, lower: &str) -> bool {
        self.words.iter().any(|w| lower.contains(w))
    }

    /// The pattern, compiled on first use.
    pub fn regex(&self) -> &Regex {
        self.re.get_or_init(|| Regex::new(self.pattern).expect("gated regex"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static MARGIN: Gated = Gated::new(&["margin"], r"(?i-u)(?-u:\b)gross\s+margins?(?-u:\b)");

    #[test]
    fn compiled_only_past_the_gate() {
        let g = Gated::new(&["margin"], r"(?i-u)margin");
        assert!(!g.may_match("revenue rose 6%"));
        assert!(g.re.get().is_none());
        assert!(g.may_match("gross margin was 41%"));
        assert!(g.regex().is_match("Gross MARGIN was 41%"));
    }

    #[test]
    fn the_gate_reads_lower_case() {
        // the caller lowers the text; a capitalised word passes once lowered
        assert!(MARGIN.may_match(&"Gross Margins Widened".to_ascii_lowercase()));
        assert!(!MARGIN.may_match("gross profit widened"));
    }
}
