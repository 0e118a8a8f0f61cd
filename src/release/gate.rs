//! Keyword gates: a family of patterns (a flag's cues, a kind's cues) runs, and is compiled, only
//! where the text holds one of the words every match of the family must contain. One
//! Aho-Corasick automaton over all the families' words answers, in one pass over a text, which
//! families can match in it; building it costs far less than compiling the patterns it spares.
//!
//! A family's words must be necessary: each match of its patterns contains one of them (ASCII
//! case-insensitively). The gate then changes no result, only what is compiled and run.

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use std::sync::OnceLock;

/// Which families a text can hold, by index (at most 128 families).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Present(u128);

impl Present {
    pub fn has(self, family: usize) -> bool {
        family < 128 && self.0 & (1 << family) != 0
    }

    pub fn any(self) -> bool {
        self.0 != 0
    }
}

/// The words of each family, looked for all at once.
pub struct Gate {
    automaton: AhoCorasick,
    /// For each word of the automaton, its family.
    family_of: Vec<u8>,
    /// Families with no word: always present.
    always: u128,
    all: u128,
}

impl Gate {
    /// `families[i]` lists the words of family `i`, lower-case ASCII (an empty list: always run).
    pub fn new(families: &[&[&str]]) -> Gate {
        assert!(families.len() <= 128, "a gate holds at most 128 families");
        let mut words = Vec::new();
        let mut family_of = Vec::new();
        let mut always = 0u128;
        for (i, ws) in families.iter().enumerate() {
            if ws.is_empty() || ws.iter().any(|w| w.is_empty()) {
                always |= 1 << i;
                continue;
            }
            for w in ws.iter() {
                words.push(*w);
                family_of.push(i as u8);
            }
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&words)
            .expect("keyword gate");
        let all = if families.len() == 128 {
            u128::MAX
        } else {
            (1u128 << families.len()) - 1
        };
        Gate {
            automaton,
            family_of,
            always,
            all,
        }
    }

    /// The families whose words `text` holds.
    pub fn present(&self, text: &str) -> Present {
        let mut seen = self.always;
        for m in self.automaton.find_overlapping_iter(text) {
            seen |= 1 << self.family_of[m.pattern().as_usize()];
            if seen == self.all {
                break;
            }
        }
        Present(seen)
    }
}

/// A regular expression compiled the first time it is needed.
pub struct LazyRegex {
    pattern: &'static str,
    compiled: OnceLock<Regex>,
}

impl LazyRegex {
    pub const fn new(pattern: &'static str) -> LazyRegex {
        LazyRegex {
            pattern,
            compiled: OnceLock::new(),
        }
    }

    pub fn get(&self) -> &Regex {
        self.compiled
            .get_or_init(|| Regex::new(self.pattern).expect("pattern of the catalogue"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_found_by_their_words_in_any_case() {
        let g = Gate::new(&[&["restat"], &["going concern", "doubt"], &[]]);
        let p = g.present("The Company RESTATED its results.");
        assert!(p.has(0));
        assert!(!p.has(1));
        // a family without words is always present
        assert!(p.has(2));
        let p = g.present("substantial Doubt about");
        assert!(p.has(1) && !p.has(0));
    }

    #[test]
    fn no_word_no_family() {
        let g = Gate::new(&[&["delist"], &["subpoena"]]);
        assert!(!g.present("listing on the exchange").any());
        assert!(!g.present("").any());
    }

    #[test]
    fn overlapping_words_of_two_families_are_both_seen() {
        let g = Gate::new(&[&["newswire"], &["wire"]]);
        let p = g.present("PR NEWSWIRE");
        assert!(p.has(0) && p.has(1));
    }

    #[test]
    fn a_lazy_regex_compiles_once() {
        static R: LazyRegex = LazyRegex::new(r"[0-9]+");
        assert!(R.get().is_match("a 12"));
        assert!(std::ptr::eq(R.get(), R.get()));
    }
}
