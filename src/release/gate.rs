//! Keyword gates: a family of patterns (a flag's cues, a kind's cues) runs, and is compiled, only
//! where the text holds one of the words every match of the family must contain. One automaton
//! over all the families' words answers, in one pass over a text, which families can match in it:
//! the catalogue's DFA of the words, built with the binary (see `pattern.rs`), else an
//! Aho-Corasick automaton, which costs far less to build than the patterns it spares.
//!
//! A family's words must be necessary: each match of its patterns contains one of them (ASCII
//! case-insensitively). The gate then changes no result, only what is compiled and run.

use crate::release::pattern;
pub use crate::release::pattern::Pattern;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex_automata::Input;
use regex_automata::dfa::{Automaton, OverlappingState, dense};

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
    words: Words,
    /// For each word of the automaton, its family.
    family_of: Vec<u8>,
    /// Families with no word: always present.
    always: u128,
    all: u128,
}

/// How a gate looks for its words: the catalogue's DFA of them (built with the binary), else an
/// Aho-Corasick automaton built now. Both report every word at every place it ends.
enum Words {
    Dfa(Box<dense::DFA<&'static [u32]>>),
    Automaton(AhoCorasick),
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
        let key: String = words.iter().flat_map(|w| ['\0'].into_iter().chain(w.chars())).collect();
        let words = match pattern::gate_dfa(&key) {
            Some(dfa) => Words::Dfa(Box::new(dfa)),
            None => Words::Automaton(
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    // an NFA is built in a fraction of a DFA's time, and a gate runs once a text
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(&words)
                    .expect("keyword gate"),
            ),
        };
        let all = if families.len() == 128 {
            u128::MAX
        } else {
            (1u128 << families.len()) - 1
        };
        Gate {
            words,
            family_of,
            always,
            all,
        }
    }

    /// The families whose words `text` holds.
    pub fn present(&self, text: &str) -> Present {
        let mut seen = self.always;
        match &self.words {
            Words::Automaton(automaton) => {
                for m in automaton.find_overlapping_iter(text) {
                    seen |= 1 << self.family_of[m.pattern().as_usize()];
                    if seen == self.all {
                        break;
                    }
                }
            }
            Words::Dfa(dfa) => {
                let input = Input::new(text);
                let mut state = OverlappingState::start();
                while dfa.try_search_overlapping_fwd(&input, &mut state).is_ok()
                    && let Some(m) = state.get_match()
                {
                    seen |= 1 << self.family_of[m.pattern().as_usize()];
                    if seen == self.all {
                        break;
                    }
                }
            }
        }
        Present(seen)
    }
}

/// The text a pattern allows between two of its parts, as `[^.\n]{0,120}` would: at most `max`
/// characters, none of them a stop. With `initials`, a one-letter word and its full stop count
/// as one character ("Robert J. Smith"), as `(?:[^.\n]|\b[A-Z]\.){0,100}` would. Counting in
/// code keeps the compiled automaton small: a bounded repetition holds one copy of its class per
/// count.
#[derive(Debug, Clone, Copy)]
pub struct Gap {
    pub max: usize,
    /// The characters a gap cannot hold.
    pub stop: fn(char) -> bool,
    pub initials: bool,
}

fn ends_line(c: char) -> bool {
    c == '\n'
}

fn ends_sentence(c: char) -> bool {
    c == '.' || c == '\n'
}

impl Gap {
    /// A gap of at most `max` characters on one line (`.{0,max}`).
    pub const fn line(max: usize) -> Gap {
        Gap {
            max,
            stop: ends_line,
            initials: false,
        }
    }

    /// A gap of at most `max` characters within a sentence (`[^.\n]{0,max}`).
    pub const fn sentence(max: usize) -> Gap {
        Gap {
            max,
            stop: ends_sentence,
            initials: false,
        }
    }

    /// A gap within a sentence where a one-letter word and its full stop count as one character
    /// (`(?:[^.\n]|\b[A-Z]\.){0,max}`).
    pub const fn sentence_with_initials(max: usize) -> Gap {
        Gap {
            max,
            stop: ends_sentence,
            initials: true,
        }
    }

    /// A gap of at most `max` characters, none of them one `stop` takes (`[^...]{0,max}`).
    pub const fn of(max: usize, stop: fn(char) -> bool) -> Gap {
        Gap {
            max,
            stop,
            initials: false,
        }
    }

    /// Where a gap that starts at `from` can end at the latest (a byte offset into `hay`).
    pub fn limit(&self, hay: &str, from: usize) -> usize {
        let mut units = 0;
        let mut prev: [Option<char>; 2] = [None, hay[..from].chars().next_back()];
        for (i, c) in hay[from..].char_indices() {
            let initial = self.initials
                && c == '.'
                && prev[1].is_some_and(|p| p.is_ascii_alphabetic())
                && !prev[0].is_some_and(|p| p.is_ascii_alphanumeric() || p == '_')
                && units > 0;
            if !initial {
                if (self.stop)(c) || units == self.max {
                    return from + i;
                }
                units += 1;
            }
            prev = [prev[1], Some(c)];
        }
        hay.len()
    }
}

/// A pattern in parts with gaps between them: `head gap part gap part`, each gap counted in code
/// ([`Gap`]). `greedy` takes the longest gaps, as `[^.\n]{0,n}` does; otherwise the shortest,
/// as `.{0,n}?` does.
pub struct Spread {
    pub head: Pattern,
    pub parts: [Option<(Gap, Pattern)>; 2],
    pub greedy: bool,
}

impl Spread {
    pub const fn one(head: &'static str) -> Spread {
        Spread {
            head: Pattern::new(head),
            parts: [None, None],
            greedy: false,
        }
    }

    pub const fn lazy(head: &'static str, gap: Gap, tail: &'static str) -> Spread {
        Spread {
            head: Pattern::new(head),
            parts: [Some((gap, Pattern::new(tail))), None],
            greedy: false,
        }
    }

    pub const fn greedy(head: &'static str, gap: Gap, tail: &'static str) -> Spread {
        Spread {
            head: Pattern::new(head),
            parts: [Some((gap, Pattern::new(tail))), None],
            greedy: true,
        }
    }

    pub const fn greedy2(head: &'static str, gap: Gap, mid: &'static str, gap2: Gap, tail: &'static str) -> Spread {
        Spread {
            head: Pattern::new(head),
            parts: [Some((gap, Pattern::new(mid))), Some((gap2, Pattern::new(tail)))],
            greedy: true,
        }
    }

    /// The end of a match of the parts from `k` on, the previous part ending at `from`.
    fn rest(&self, hay: &str, from: usize, k: usize) -> Option<usize> {
        let Some((gap, part)) = self.parts.get(k).and_then(Option::as_ref) else {
            return Some(from);
        };
        let limit = gap.limit(hay, from);
        let mut starts = Vec::new();
        let mut at = from;
        while let Some(m) = part.find_at(hay, at).filter(|m| m.start() <= limit) {
            if !self.greedy {
                if let Some(end) = self.rest(hay, m.end(), k + 1) {
                    return Some(end);
                }
            } else {
                starts.push(m.end());
            }
            at = if m.end() > m.start() {
                m.end()
            } else {
                next_boundary(hay, m.end())
            };
            if at > hay.len() {
                break;
            }
        }
        starts.into_iter().rev().find_map(|end| self.rest(hay, end, k + 1))
    }

    /// The first match at or after `at`: its byte range.
    pub fn find_at(&self, hay: &str, mut at: usize) -> Option<(usize, usize)> {
        while at <= hay.len() {
            let m = self.head.find_at(hay, at)?;
            if let Some(end) = self.rest(hay, m.end(), 0) {
                return Some((m.start(), end));
            }
            at = next_boundary(hay, m.start());
        }
        None
    }

    pub fn is_match(&self, hay: &str) -> bool {
        self.find_at(hay, 0).is_some()
    }

    /// Every match, in order, not overlapping.
    pub fn find_iter<'a>(&'a self, hay: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            if at > hay.len() {
                return None;
            }
            let (s, e) = self.find_at(hay, at)?;
            at = if e > s { e } else { next_boundary(hay, e) };
            Some((s, e))
        })
    }
}

/// The char boundary after `i` (past the end: `len + 1`).
fn next_boundary(hay: &str, i: usize) -> usize {
    hay[i.min(hay.len())..].chars().next().map_or(hay.len() + 1, |c| i + c.len_utf8())
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

    /// Each spread against the one pattern it stands for.
    #[test]
    fn spreads_match_as_their_bounded_patterns() {
        static LAZY: Spread = Spread::lazy(r"(?i)\bfiling\s+of\s+its\b", Gap::line(20), r"(?i)\bwill\s+be\s+delayed\b");
        static GREEDY: Spread = Spread::greedy(r"(?i)\bexpects?\b", Gap::sentence(30), r"(?i)\b(?:revenue|sales)\b");
        static TWO: Spread = Spread::greedy2(
            r"\bwill\s+report\b",
            Gap::sentence(20),
            r"\bresults\b",
            Gap::sentence(10),
            r"\bon\s+[A-Z]",
        );
        static INITIALS: Spread = Spread::greedy(r"\bnamed\b", Gap::sentence_with_initials(30), r"\bCEO\b");
        let cases: [(&Spread, &str, &str); 4] = [
            (
                &LAZY,
                r"(?i)\bfiling\s+of\s+its\b.{0,20}?\bwill\s+be\s+delayed\b",
                "the filing of its report will be delayed; Filing of its 10-K which is long long long will be delayed",
            ),
            (
                &GREEDY,
                r"(?i)\bexpects?\b[^.\n]{0,30}\b(?:revenue|sales)\b",
                "It expects revenue and sales to grow. It expects that over a very long time revenue. Expect sales",
            ),
            (
                &TWO,
                r"\bwill\s+report\b[^.\n]{0,20}\bresults\b[^.\n]{0,10}\bon\s+[A-Z]",
                "Acme will report its results on Monday. It will report results of results on May. will report x",
            ),
            (
                &INITIALS,
                r"\bnamed\b(?:[^.\n]|\b[A-Z]\.){0,30}\bCEO\b",
                "Acme named Robert J. Smith CEO. Acme named Dr. Smith CEO. named a very very long list of people as CEO",
            ),
        ];
        for (spread, pattern, hay) in cases {
            let re = regex::Regex::new(pattern).unwrap();
            let want: Vec<(usize, usize)> = re.find_iter(hay).map(|m| (m.start(), m.end())).collect();
            let got: Vec<(usize, usize)> = spread.find_iter(hay).collect();
            assert_eq!(got, want, "{pattern} on {hay:?}");
            assert!(!want.is_empty(), "{pattern} finds something in {hay:?}");
        }
    }

    #[test]
    fn a_spread_finds_nothing_past_its_gap() {
        static S: Spread = Spread::lazy(r"\bdismissed\b", Gap::line(10), r"\bauditor\b");
        assert!(S.is_match("dismissed its auditor"));
        assert!(!S.is_match("dismissed the claims long ago and the auditor"));
        assert!(!S.is_match("dismissed\nauditor"));
        assert!(!S.is_match(""));
    }

    #[test]
    fn find_at_sees_the_text_before() {
        static R: Pattern = Pattern::new(r"(?-u:\b)[0-9]+");
        assert!(R.is_match("a 12"));
        assert_eq!(R.find_at("a 12 3", 3).map(|m| (m.start(), m.end())), Some((5, 6)));
    }
}
