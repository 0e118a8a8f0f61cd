//! A Thompson NFA as a list of 32-bit words: the build script writes the NFA of each pattern with
//! groups this way, and a process rebuilds it state for state with regex-automata's NFA builder,
//! which costs a fraction of parsing and compiling the pattern. Its groups then come from a
//! bounded backtracker run on the one match a DFA found (see `pattern.rs`).
//!
//! The words: the number of states, the anchored and unanchored start states, flags (1: the NFA
//! matches only UTF-8, 2: it matches in reverse), then each state in order, a tag and its fields:
//! - `RANGE start end next`, one byte range;
//! - `SPARSE n (start end next)*n`, ranges of equal priority;
//! - `LOOK look next`, a look-around assertion by its `Look::as_repr`;
//! - `UNION n alt*n`, alternatives in order of priority;
//! - `CAPTURE next group end`, the start (`end` 0) or end (1) of a group;
//! - `FAIL`, `MATCH`.
//!
//! The final NFA holds no empty states, so the builder gives every state the ID it had.

use regex_automata::nfa::thompson::{self, BuildError, NFA, State, Transition};
use regex_automata::util::look::Look;
use regex_automata::util::primitives::StateID;

const RANGE: u32 = 0;
const SPARSE: u32 = 1;
const LOOK: u32 = 2;
const UNION: u32 = 3;
const CAPTURE: u32 = 4;
const FAIL: u32 = 5;
const MATCH: u32 = 6;

fn id(s: StateID) -> u32 {
    s.as_u32()
}

/// The words of `nfa`, a one-pattern NFA whose look-arounds use the default line terminator;
/// `None` for any other.
#[allow(dead_code)]
pub fn encode(nfa: &NFA) -> Option<Vec<u32>> {
    if nfa.pattern_len() != 1 || nfa.look_matcher().get_line_terminator() != b'\n' {
        return None;
    }
    let mut w = vec![
        u32::try_from(nfa.states().len()).ok()?,
        id(nfa.start_anchored()),
        id(nfa.start_unanchored()),
        u32::from(nfa.is_utf8()) | u32::from(nfa.is_reverse()) << 1,
    ];
    let range = |w: &mut Vec<u32>, t: &Transition| w.extend([u32::from(t.start), u32::from(t.end), id(t.next)]);
    for state in nfa.states() {
        match state {
            State::ByteRange { trans } => {
                w.push(RANGE);
                range(&mut w, trans);
            }
            State::Sparse(s) => {
                w.extend([SPARSE, u32::try_from(s.transitions.len()).ok()?]);
                for t in s.transitions.iter() {
                    range(&mut w, t);
                }
            }
            State::Dense(d) => {
                // as ranges of bytes that go to one state
                let mut ranges: Vec<Transition> = Vec::new();
                for (b, &next) in d.transitions.iter().enumerate() {
                    let b = u8::try_from(b).ok()?;
                    if next == StateID::ZERO {
                        continue;
                    }
                    match ranges.last_mut() {
                        Some(t) if t.next == next && t.end.checked_add(1) == Some(b) => t.end = b,
                        _ => ranges.push(Transition { start: b, end: b, next }),
                    }
                }
                w.extend([SPARSE, u32::try_from(ranges.len()).ok()?]);
                for t in &ranges {
                    range(&mut w, t);
                }
            }
            State::Look { look, next } => w.extend([LOOK, look.as_repr(), id(*next)]),
            State::Union { alternates } => {
                w.extend([UNION, u32::try_from(alternates.len()).ok()?]);
                w.extend(alternates.iter().map(|&s| id(s)));
            }
            State::BinaryUnion { alt1, alt2 } => w.extend([UNION, 2, id(*alt1), id(*alt2)]),
            State::Capture {
                next, group_index, slot, ..
            } => {
                w.extend([CAPTURE, id(*next), group_index.as_u32(), u32::from(slot.as_usize() % 2 == 1)]);
            }
            State::Fail => w.push(FAIL),
            State::Match { .. } => w.push(MATCH),
        }
    }
    Some(w)
}

/// Reads the words, little-endian, one after another.
struct Words<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Words<'_> {
    fn next(&mut self) -> Option<u32> {
        let word = self.bytes.get(self.at..self.at + 4)?;
        self.at += 4;
        Some(u32::from_le_bytes([word[0], word[1], word[2], word[3]]))
    }
}

/// The NFA of `bytes`, the words [`encode`] wrote as little-endian bytes; `None` where they are
/// not such words.
#[allow(dead_code)]
pub fn decode(bytes: &[u8]) -> Option<NFA> {
    let mut w = Words { bytes, at: 0 };
    let (count, anchored, unanchored, flags) = (w.next()?, w.next()?, w.next()?, w.next()?);
    // the builder trusts the IDs it is given: each must name a state
    let sid = |v: u32| {
        if v < count {
            StateID::new(usize::try_from(v).ok()?).ok()
        } else {
            None
        }
    };
    let transition = |w: &mut Words| -> Option<Transition> {
        let t = Transition {
            start: u8::try_from(w.next()?).ok()?,
            end: u8::try_from(w.next()?).ok()?,
            next: sid(w.next()?)?,
        };
        (t.start <= t.end).then_some(t)
    };
    let (mut starts, mut ends) = (Vec::new(), Vec::new());
    let mut b = thompson::Builder::new();
    b.set_utf8(flags & 1 != 0);
    b.set_reverse(flags & 2 != 0);
    b.start_pattern().ok()?;
    let added = |r: Result<StateID, BuildError>| r.ok().map(|_| ());
    for _ in 0..count {
        match w.next()? {
            RANGE => added(b.add_range(transition(&mut w)?))?,
            SPARSE => {
                let n = w.next()?;
                let mut ts = Vec::with_capacity(usize::try_from(n.min(256)).ok()?);
                for _ in 0..n {
                    let t = transition(&mut w)?;
                    // in order, apart
                    if ts.last().is_some_and(|p: &Transition| p.end >= t.start) {
                        return None;
                    }
                    ts.push(t);
                }
                added(b.add_sparse(ts))?;
            }
            LOOK => {
                let look = Look::from_repr(w.next()?)?;
                added(b.add_look(sid(w.next()?)?, look))?;
            }
            UNION => {
                let n = w.next()?;
                let mut alts = Vec::with_capacity(usize::try_from(n.min(256)).ok()?);
                for _ in 0..n {
                    alts.push(sid(w.next()?)?);
                }
                added(b.add_union(alts))?;
            }
            CAPTURE => {
                let (to, group, end) = (sid(w.next()?)?, w.next()?, w.next()?);
                if group > 255 {
                    return None;
                }
                if end == 1 { &mut ends } else { &mut starts }.push(group);
                added(if end == 1 {
                    b.add_capture_end(to, group)
                } else {
                    b.add_capture_start(to, group, None)
                })?;
            }
            FAIL => added(b.add_fail())?,
            MATCH => added(b.add_match())?,
            _ => return None,
        }
    }
    // no groups, or every group opened and closed, group 0 among them
    starts.sort_unstable();
    starts.dedup();
    ends.sort_unstable();
    ends.dedup();
    if starts != ends || starts.first().is_some_and(|&g| g != 0) {
        return None;
    }
    b.finish_pattern(sid(anchored)?).ok()?;
    b.build(sid(anchored)?, sid(unanchored)?).ok()
}

/// `words` as the little-endian bytes [`decode`] reads.
#[allow(dead_code)]
pub fn to_bytes(words: &[u32]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::Input;
    use regex_automata::nfa::thompson::backtrack::BoundedBacktracker;

    /// A rebuilt NFA gives the groups the compiled one gives, for Unicode classes, look-arounds,
    /// alternations in priority order and repeated groups.
    #[test]
    fn rebuilt_nfas_match_as_compiled() {
        let cases = [
            (r"(?P<w>\w+)\s+(\d+)?(x|y|xy)", "héllo 12xy and w x"),
            (r"(?m)^(\S+)\s*$|\b(é+)\b", "a\nbb \n ééé z"),
            (r"([a-z]){2,3}?-(.*?)-", "abc-d-e-"),
            (r"(?i)(ß|ss)(?-u:\b)", "STRASSE straß"),
        ];
        for (source, hay) in cases {
            let reverse = NFA::compiler()
                .configure(NFA::config().reverse(true).which_captures(thompson::WhichCaptures::None))
                .build(source)
                .unwrap();
            let back = decode(&to_bytes(&encode(&reverse).expect("encodes"))).expect("decodes");
            assert!(back.is_reverse());
            assert_eq!(back.states(), reverse.states(), "{source}: the same states in reverse");
            let nfa = NFA::new(source).unwrap();
            let words = encode(&nfa).expect("encodes");
            let back = decode(&to_bytes(&words)).expect("decodes");
            assert!(!back.is_reverse());
            assert_eq!(back.states(), nfa.states(), "{source}: the same states");
            let want = BoundedBacktracker::new_from_nfa(nfa).unwrap();
            let got = BoundedBacktracker::new_from_nfa(back).unwrap();
            let (mut wc, mut gc) = (want.create_cache(), got.create_cache());
            let (mut wcap, mut gcap) = (want.create_captures(), got.create_captures());
            for at in 0..=hay.len() {
                let input = Input::new(hay).range(at..);
                want.try_search(&mut wc, &input, &mut wcap).unwrap();
                got.try_search(&mut gc, &input, &mut gcap).unwrap();
                let spans = |c: &regex_automata::util::captures::Captures| (0..c.group_len()).map(|i| c.get_group(i)).collect::<Vec<_>>();
                assert_eq!(spans(&gcap), spans(&wcap), "{source} from {at}");
            }
        }
    }

    /// Words changed one at a time, to any of a few telling values, never make decoding panic:
    /// it gives an NFA or `None`.
    #[test]
    fn changed_words_never_panic() {
        let nfa = NFA::new(r"(?P<a>[a-z]+)\s*(\d{2,3}|x)?\b").unwrap();
        let words = encode(&nfa).unwrap();
        for i in 0..words.len() {
            for v in [0, 1, 2, 3, 4, 5, 6, 7, 255, 256, words.len() as u32, u32::MAX] {
                let mut changed = words.clone();
                changed[i] = v;
                let _ = decode(&to_bytes(&changed));
                let _ = decode(&to_bytes(&changed[..i]));
            }
        }
    }

    #[test]
    fn other_words_are_refused() {
        let decode = |words: &[u32]| decode(&to_bytes(words));
        assert!(decode(&[]).is_none());
        assert!(decode(&[1, 0, 0, 1, 99]).is_none());
        assert!(decode(&[2, 5, 5, 1, 6, 6]).is_none(), "a start past the states");
        assert!(decode(&[1, 0, 0, 1, 0, 65, 65, 7]).is_none(), "a transition past the states");
        assert!(decode(&[2, 0, 0, 1, 4, 1, 0, 1, 6]).is_none(), "a group closed, never opened");
        assert!(super::decode(&[1, 0, 0]).is_none(), "a word cut short");
        assert!(decode(&[2, 0, 0, 1, 4, 1, 1, 0, 6]).is_none(), "group 1 without group 0");
        assert!(decode(&[1, 0, 0, 1, 6]).is_some(), "an NFA without groups");
    }
}
