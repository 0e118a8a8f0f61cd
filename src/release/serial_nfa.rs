//! A Thompson NFA as a list of 32-bit words: the build script writes the NFA of each pattern with
//! groups this way. A process reads the words once into a [`Program`], which finds the groups of
//! the one match a DFA found by backtracking on the words themselves, as regex-automata's bounded
//! backtracker does on an NFA (see `pattern.rs`); only where a lazy DFA needs a real NFA is it
//! rebuilt, state for state, with regex-automata's NFA builder ([`decode`]).
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
use regex_automata::util::look::{Look, LookMatcher};
use regex_automata::util::primitives::StateID;
use std::borrow::Cow;

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

/// The NFA of `bytes`, the words [`encode`] wrote as little-endian bytes; `None` where they are
/// not such words.
pub fn decode(bytes: &[u8]) -> Option<NFA> {
    Program::read(bytes)?.nfa()
}

/// The words of an NFA, checked once: every state complete and of a known kind, every ID naming a
/// state, every range in order, every group opened and closed. Read from bytes in one pass, it
/// searches for groups itself ([`Program::captures`]) and rebuilds the NFA ([`decode`]) only
/// where another engine needs one.
pub struct Program<'w> {
    /// in place where the bytes are aligned words of this machine's order (the catalogue's are)
    words: Cow<'w, [u32]>,
    /// where each state's tag sits in `words`
    states: Box<[u32]>,
    anchored: u32,
    unanchored: u32,
    flags: u32,
    /// the number of groups (one more than the highest index), 0 where there are none
    groups: usize,
}

/// The scratch space of a search, kept between searches so that it is allocated once.
#[derive(Default)]
pub struct Scratch {
    visited: Vec<u64>,
    stack: Vec<Frame>,
}

#[derive(Clone, Copy)]
enum Frame {
    Step { sid: u32, at: usize },
    Restore { slot: u32, offset: Option<usize> },
}

/// The most a search may mark as visited (states × positions), in bits: 2 MiB, past which the
/// groups of a match come from another engine.
const VISITED_BITS: usize = 8 << 21;

impl<'w> Program<'w> {
    /// The program of `bytes`, the words [`encode`] wrote as little-endian bytes; `None` where they
    /// are not such words. The words are read in place where they can be.
    pub fn read(bytes: &'w [u8]) -> Option<Program<'w>> {
        // SAFETY: every bit pattern is a u32, and `align_to` gives only aligned words
        let (head, aligned, tail) = unsafe { bytes.align_to::<u32>() };
        let words: Cow<'w, [u32]> = if cfg!(target_endian = "little") && head.is_empty() && tail.is_empty() {
            Cow::Borrowed(aligned)
        } else {
            Cow::Owned(
                bytes
                    .chunks_exact(4)
                    .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
                    .collect(),
            )
        };
        let [count, anchored, unanchored, flags, ..] = words[..] else {
            return None;
        };
        // a state takes a word at least
        if anchored >= count || unanchored >= count || count as usize > words.len() - 4 {
            return None;
        }
        let sid = |v: u32| (v < count).then_some(());
        let mut states = Vec::with_capacity(count as usize);
        let (mut starts, mut ends) = (Vec::new(), Vec::new());
        let mut at = 4;
        for _ in 0..count {
            states.push(u32::try_from(at).ok()?);
            let tag = *words.get(at)?;
            // the state's words after its tag (and its count, for a list)
            let (fields, len) = match tag {
                RANGE => (words.get(at + 1..at + 4)?, 4),
                SPARSE | UNION => {
                    let n = *words.get(at + 1)? as usize;
                    let n = if tag == SPARSE { n.checked_mul(3)? } else { n };
                    (words.get(at + 2..(at + 2).checked_add(n)?)?, 2 + n)
                }
                LOOK => (words.get(at + 1..at + 3)?, 3),
                CAPTURE => (words.get(at + 1..at + 4)?, 4),
                FAIL | MATCH => (&[][..], 1),
                _ => return None,
            };
            match tag {
                RANGE | SPARSE => {
                    let mut last: Option<u32> = None;
                    for t in fields.chunks_exact(3) {
                        // bytes, in order, apart
                        if t[0] > t[1] || t[1] > 255 || last.is_some_and(|l| l >= t[0]) {
                            return None;
                        }
                        sid(t[2])?;
                        last = Some(t[1]);
                    }
                }
                LOOK => {
                    Look::from_repr(fields[0])?;
                    sid(fields[1])?;
                }
                UNION => fields.iter().try_for_each(|&a| sid(a))?,
                CAPTURE => {
                    let (next, group, end) = (fields[0], fields[1], fields[2]);
                    sid(next)?;
                    if group > 255 || end > 1 {
                        return None;
                    }
                    if end == 1 { &mut ends } else { &mut starts }.push(group);
                }
                _ => {}
            }
            at += len;
        }
        // no groups, or every group opened and closed, group 0 among them
        starts.sort_unstable();
        starts.dedup();
        ends.sort_unstable();
        ends.dedup();
        if starts != ends || starts.first().is_some_and(|&g| g != 0) {
            return None;
        }
        let groups = starts.last().map_or(0, |&g| g as usize + 1);
        Some(Program {
            words,
            states: states.into(),
            anchored,
            unanchored,
            flags,
            groups,
        })
    }

    /// The number of groups, group 0 (the whole match) among them.
    pub fn group_len(&self) -> usize {
        self.groups
    }

    /// The NFA these words describe, rebuilt state for state.
    pub fn nfa(&self) -> Option<NFA> {
        // the IDs were checked to name states
        let sid = |v: u32| StateID::new(v as usize).ok();
        let transition = |t: &[u32]| -> Option<Transition> {
            Some(Transition {
                start: u8::try_from(t[0]).ok()?,
                end: u8::try_from(t[1]).ok()?,
                next: sid(t[2])?,
            })
        };
        let w = &self.words;
        let mut b = thompson::Builder::new();
        b.set_utf8(self.flags & 1 != 0);
        b.set_reverse(self.flags & 2 != 0);
        b.start_pattern().ok()?;
        let added = |r: Result<StateID, BuildError>| r.ok().map(|_| ());
        for &o in &self.states {
            let o = o as usize;
            match w[o] {
                RANGE => added(b.add_range(transition(&w[o + 1..o + 4])?))?,
                SPARSE => {
                    let ranges = w[o + 2..o + 2 + 3 * w[o + 1] as usize].chunks_exact(3);
                    added(b.add_sparse(ranges.map(transition).collect::<Option<Vec<_>>>()?))?;
                }
                LOOK => added(b.add_look(sid(w[o + 2])?, Look::from_repr(w[o + 1])?))?,
                UNION => {
                    let alts = w[o + 2..o + 2 + w[o + 1] as usize].iter().map(|&a| sid(a));
                    added(b.add_union(alts.collect::<Option<Vec<_>>>()?))?;
                }
                CAPTURE => {
                    let (next, group) = (sid(w[o + 1])?, w[o + 2]);
                    added(if w[o + 3] == 1 {
                        b.add_capture_end(next, group)
                    } else {
                        b.add_capture_start(next, group, None)
                    })?;
                }
                FAIL => added(b.add_fail())?,
                _ => added(b.add_match())?,
            }
        }
        b.finish_pattern(sid(self.anchored)?).ok()?;
        b.build(sid(self.anchored)?, sid(self.unanchored)?).ok()
    }

    /// The longest span [`Program::captures`] searches.
    pub fn max_len(&self) -> usize {
        (VISITED_BITS / self.states.len().max(1)).saturating_sub(1)
    }

    /// The leftmost-first match anchored at `start` within `hay[start..end]`, as regex-automata's
    /// bounded backtracker finds it on the NFA these words describe: its end, with the offsets of
    /// each group in `slots` (2 a group, start then end, `None` where the group took no part).
    /// `None` where nothing matches, the span is longer than [`Program::max_len`], or `slots`
    /// has room for fewer groups than the NFA has.
    pub fn captures(&self, scratch: &mut Scratch, hay: &[u8], start: usize, end: usize, slots: &mut [Option<usize>]) -> Option<usize> {
        if start > end || end > hay.len() || end - start > self.max_len() || slots.len() < 2 * self.groups {
            return None;
        }
        slots.fill(None);
        let stride = end - start + 1;
        let bits = self.states.len() * stride;
        scratch.visited.clear();
        scratch.visited.resize(bits.div_ceil(64), 0);
        scratch.stack.clear();
        scratch.stack.push(Frame::Step {
            sid: self.anchored,
            at: start,
        });
        let look = LookMatcher::new();
        while let Some(frame) = scratch.stack.pop() {
            match frame {
                Frame::Step { sid, at } => {
                    if let Some(found) = self.step(scratch, &look, hay, (start, end, stride), sid, at, slots) {
                        return Some(found);
                    }
                }
                Frame::Restore { slot, offset } => slots[slot as usize] = offset,
            }
        }
        None
    }

    /// Follows one thread from `sid` at `at` as far as it goes, leaving its other branches on the
    /// stack: the end of a match, or `None` where the thread dies or was here before.
    #[allow(clippy::too_many_arguments)]
    fn step(
        &self,
        scratch: &mut Scratch,
        look: &LookMatcher,
        hay: &[u8],
        (start, end, stride): (usize, usize, usize),
        mut sid: u32,
        mut at: usize,
        slots: &mut [Option<usize>],
    ) -> Option<usize> {
        let w = &self.words;
        loop {
            let bit = sid as usize * stride + (at - start);
            let (word, mask) = (bit / 64, 1u64 << (bit % 64));
            if scratch.visited[word] & mask != 0 {
                return None;
            }
            scratch.visited[word] |= mask;
            let o = self.states[sid as usize] as usize;
            match w[o] {
                RANGE => {
                    let b = u32::from(*hay[..end].get(at)?);
                    if b < w[o + 1] || b > w[o + 2] {
                        return None;
                    }
                    sid = w[o + 3];
                    at += 1;
                }
                SPARSE => {
                    let b = u32::from(*hay[..end].get(at)?);
                    let ranges = w[o + 2..o + 2 + 3 * w[o + 1] as usize].chunks_exact(3);
                    sid = ranges.take_while(|t| t[0] <= b).find(|t| b <= t[1])?[2];
                    at += 1;
                }
                LOOK => {
                    if !look.matches(Look::from_repr(w[o + 1])?, hay, at) {
                        return None;
                    }
                    sid = w[o + 2];
                }
                UNION => {
                    let alts = &w[o + 2..o + 2 + w[o + 1] as usize];
                    let (&first, rest) = alts.split_first()?;
                    scratch.stack.extend(rest.iter().rev().map(|&sid| Frame::Step { sid, at }));
                    sid = first;
                }
                CAPTURE => {
                    let slot = 2 * w[o + 2] + w[o + 3];
                    scratch.stack.push(Frame::Restore {
                        slot,
                        offset: slots[slot as usize],
                    });
                    slots[slot as usize] = Some(at);
                    sid = w[o + 1];
                }
                MATCH => return Some(at),
                _ => return None,
            }
        }
    }
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

    /// The groups a program finds, anchored at `start` within `start..end`, and those
    /// regex-automata's bounded backtracker finds on the NFA the program was written from.
    fn both(nfa: &NFA, hay: &str, start: usize, end: usize) -> [Option<Vec<Option<usize>>>; 2] {
        let bytes = to_bytes(&encode(nfa).expect("encodes"));
        let program = Program::read(&bytes).expect("reads");
        let mut slots = vec![None; 2 * program.group_len()];
        let got = program
            .captures(&mut Scratch::default(), hay.as_bytes(), start, end, &mut slots)
            .map(|_| slots);
        let re = BoundedBacktracker::new_from_nfa(nfa.clone()).unwrap();
        let (mut cache, mut caps) = (re.create_cache(), re.create_captures());
        let input = Input::new(hay).range(start..end).anchored(regex_automata::Anchored::Yes);
        re.try_search(&mut cache, &input, &mut caps).unwrap();
        let want = caps.is_match().then(|| {
            let group = |i| caps.get_group(i).map(|s| [Some(s.start), Some(s.end)]).unwrap_or([None, None]);
            (0..caps.group_len()).flat_map(group).collect()
        });
        [got, want]
    }

    /// A program finds the groups the bounded backtracker finds on the NFA, from every start to
    /// every end between characters: Unicode classes, look-arounds (which see past the span),
    /// alternations in priority order, lazy and repeated groups, groups that take no part.
    #[test]
    fn programs_find_the_groups_the_backtracker_finds() {
        let cases = [
            (r"(?P<w>\w+)\s+(\d+)?(x|y|xy)", "héllo 12xy and w x"),
            (r"(?m)^(\S+)\s*$|\b(é+)\b", "a\nbb \n ééé z"),
            (r"([a-z]){2,3}?-(.*?)-", "abc-d-e-"),
            (r"(?i)(ß|ss)(?-u:\b)", "STRASSE straß"),
            (r"(a*)*(b|)\B", "aab ab b"),
            (r"(?:(\d{1,3})(?:,(\d{3}))*|(\d+))(?:\.(\d+))?\b", "1,234.5 12 9,99"),
            (r"\$?(?P<n>[0-9]+)\s*(?:million|billion)?", "$5 million, 7billion"),
        ];
        for (source, hay) in cases {
            let nfa = NFA::new(source).unwrap();
            let bounds: Vec<usize> = hay.char_indices().map(|(i, _)| i).chain([hay.len()]).collect();
            for &start in &bounds {
                for &end in bounds.iter().filter(|&&e| e >= start) {
                    let [got, want] = both(&nfa, hay, start, end);
                    assert_eq!(got, want, "{source} on {start}..{end}");
                }
            }
        }
    }

    proptest::proptest! {
        /// On any text, a program and the backtracker agree.
        #[test]
        fn programs_agree_with_the_backtracker(hay in "[a-c0-9 ,.$é\n-]{0,24}") {
            for source in [r"(?P<a>[a-c]+)\s*(\d{2,3}|c)?\b", r"(?m)^(\$?\d+(?:[.,]\d+)*)(é|$)", r"((a|ab)(c|bcd))(d*)"] {
                let nfa = NFA::new(source).unwrap();
                let [got, want] = both(&nfa, &hay, 0, hay.len());
                proptest::prop_assert_eq!(got, want, "{}", source);
            }
        }
    }

    /// Words on an aligned buffer are read in place; the same bytes one byte off are copied, and
    /// the two programs find the same groups.
    #[test]
    fn words_read_in_place_or_copied_alike() {
        let nfa = NFA::new(r"(\d+)-(\w+)?").unwrap();
        let bytes = to_bytes(&encode(&nfa).unwrap());
        // the same bytes at a word boundary of a buffer and one byte past it
        let place = |skip: usize| {
            let mut buf = vec![0u8; bytes.len() + 8];
            let at = buf.as_ptr().align_offset(4) + skip;
            buf[at..at + bytes.len()].copy_from_slice(&bytes);
            (buf, at)
        };
        let ((aligned, a), (shifted, s)) = (place(0), place(1));
        let in_place = Program::read(&aligned[a..a + bytes.len()]).unwrap();
        let copied = Program::read(&shifted[s..s + bytes.len()]).unwrap();
        assert!(matches!(copied.words, Cow::Owned(_)));
        if cfg!(target_endian = "little") {
            assert!(matches!(in_place.words, Cow::Borrowed(_)));
        }
        assert_eq!(in_place.words[..], copied.words[..]);
        let hay = b"12-ab 3-";
        for (start, end) in [(0, 5), (6, 8)] {
            let (mut a, mut b) = (vec![None; 6], vec![None; 6]);
            let ends = [
                in_place.captures(&mut Scratch::default(), hay, start, end, &mut a),
                copied.captures(&mut Scratch::default(), hay, start, end, &mut b),
            ];
            assert_eq!(ends[0], Some(end));
            assert_eq!((ends[0], a), (ends[1], b));
        }
    }

    /// A span longer than the program can mark as visited is refused, not searched.
    #[test]
    fn long_spans_are_refused() {
        let nfa = NFA::new(r"(a+)").unwrap();
        let bytes = to_bytes(&encode(&nfa).unwrap());
        let program = Program::read(&bytes).unwrap();
        let hay = "a".repeat(program.max_len() + 1);
        let mut slots = vec![None; 2 * program.group_len()];
        let mut scratch = Scratch::default();
        assert_eq!(program.captures(&mut scratch, hay.as_bytes(), 0, hay.len(), &mut slots), None);
        let end = program.max_len();
        assert_eq!(program.captures(&mut scratch, hay.as_bytes(), 0, end, &mut slots), Some(end));
        assert_eq!(slots, [Some(0), Some(end), Some(0), Some(end)]);
        assert_eq!(
            program.captures(&mut scratch, hay.as_bytes(), 0, 1, &mut []),
            None,
            "no room for the groups"
        );
        assert_eq!(
            program.captures(&mut scratch, hay.as_bytes(), 2, 1, &mut slots),
            None,
            "a span backwards"
        );
    }

    /// Words changed one at a time, to any of a few telling values, never make reading,
    /// searching or decoding panic: each gives an answer or `None`.
    #[test]
    fn changed_words_never_panic() {
        let nfa = NFA::new(r"(?P<a>[a-z]+)\s*(\d{2,3}|x)?\b").unwrap();
        let words = encode(&nfa).unwrap();
        for i in 0..words.len() {
            for v in [0, 1, 2, 3, 4, 5, 6, 7, 255, 256, words.len() as u32, u32::MAX] {
                let mut changed = words.clone();
                changed[i] = v;
                for words in [&changed[..], &changed[..i]] {
                    let _ = decode(&to_bytes(words));
                    if let Some(program) = Program::read(&to_bytes(words)) {
                        let mut slots = vec![None; 2 * program.group_len()];
                        let hay = "ab 123 x é";
                        for start in 0..=hay.len() {
                            let _ = program.captures(&mut Scratch::default(), hay.as_bytes(), start, hay.len(), &mut slots);
                        }
                    }
                }
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
