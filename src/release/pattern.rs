//! Regular expressions that cost next to nothing to start: every pattern of the catalogue
//! (`assets/patterns.json`) is determinised by the build script into a forward and a reverse DFA,
//! which the binary carries and reads in place on first use. Finding a match runs those DFAs.
//! The groups of a match, where a caller wants them, come from a backtracker run on that one
//! match over the words of the pattern's NFA, which the catalogue also carries (`serial_nfa.rs`).
//! For a pattern the catalogue holds no such words for, from `regex-lite` (which compiles in
//! microseconds); past its first 64 matches, from the `regex` crate's engine, which then costs
//! less than regex-lite reading on.
//!
//! A pattern too large to determinise within the build's limits is compiled at run time: for an
//! ASCII text, from its ASCII cut (`ascii_cut.rs`, half the compile time); on text of at most
//! 1 KiB, regex-lite reads it without compiling the `regex` crate's engine at all.
//!
//! Nothing here changes what a pattern matches: a `Pattern` gives the matches and groups the
//! `regex` crate gives for the same source (a test checks every DFA of the catalogue against it).
//! Where a DFA cannot answer (a pattern missing from the catalogue, a Unicode word boundary beside
//! non-ASCII text, a non-ASCII match whose groups regex-lite might read differently), the `regex`
//! crate's engine, compiled then, answers instead.

use crate::release::ascii_cut::to_ascii;
use crate::release::serial_nfa::{Program, Scratch};
use crate::release::text::floor_boundary;
use regex_automata::dfa::{Automaton, dense, sparse};
use regex_automata::hybrid;
use regex_automata::nfa::thompson::NFA;
use regex_automata::util::iter::Searcher;
use regex_automata::util::prefilter::Prefilter;
use regex_automata::util::primitives::StateID;
use regex_automata::{Anchored, Input, MatchError, Span, meta};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::ops::{Index, Range};
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

mod catalogue {
    //! The build script's output: `TABLE` (sorted by source) and `BYTES` (the DFAs).
    #[repr(C, align(8))]
    pub struct Aligned<B: ?Sized> {
        pub bytes: B,
    }
    /// How a pattern of the catalogue was compiled.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Form {
        Dense,
        Sparse,
        /// Too large to determinise for unanchored search: a DFA anchored at a start (dense or
        /// sparse), tried at each place where a byte a match can start with stands.
        AnchoredDense,
        AnchoredSparse,
        /// Too large to determinise within the build's limits: searched by a lazy DFA on the NFAs
        /// the catalogue holds (compiled at run time only where the lazy DFA gives up).
        Runtime,
        /// A keyword gate's words: one forward DFA reporting every word (see `gate.rs`).
        Gate,
    }
    include!(concat!(env!("OUT_DIR"), "/patterns.rs"));
}
pub use catalogue::Form;

/// A regular expression of the catalogue, compiled (or read from the binary) on first use.
pub struct Pattern {
    source: Cow<'static, str>,
    /// The catalogue's entry for the source, looked up once.
    entry: OnceLock<Option<&'static catalogue::Entry>>,
    /// Boxed, as are the other engines: a pattern is a static, and a static's bytes are the
    /// binary's, mapped and copied page by page as a process starts to write them.
    finder: OnceLock<Box<Finder>>,
    /// The engine for groups: regex-lite on ASCII matches, when it can read the pattern.
    lite: OnceLock<Option<regex_lite::Regex>>,
    /// The `regex` crate's engine: the fallback for anything the others cannot answer.
    full: OnceLock<meta::Regex>,
    /// The `regex` crate's engine for ASCII haystacks: the pattern with every class cut to its
    /// ASCII part, which compiles in about half the time.
    ascii: OnceLock<meta::Regex>,
    names: OnceLock<Vec<Option<String>>>,
    /// The engines for groups: backtrackers on the words of the NFAs the catalogue holds, read
    /// without compiling (see `serial_nfa.rs`): of the ASCII cut for ASCII matches, of the
    /// pattern itself for others.
    programs: [OnceLock<Option<Program<'static>>>; 2],
    /// The NFAs the catalogue holds (see [`Nfa`]), rebuilt on first use.
    nfas: [OnceLock<Option<NFA>>; 4],
    /// For a pattern no unanchored DFA searches: lazy DFAs on those NFAs (of the ASCII cut for
    /// ASCII text, of the pattern for other text), and caches for each.
    lazy: [OnceLock<Option<Box<hybrid::regex::Regex>>>; 2],
    lazy_cache: [Mutex<Vec<hybrid::regex::Cache>>; 2],
    /// How many matches regex-lite has read the groups of (see [`Pattern::groups`]).
    lite_groups: AtomicU32,
    /// A prefilter of the literals every match starts with, built for the first long search (see
    /// [`Pattern::prefilter`]).
    prefilter: OnceLock<Option<Prefilter>>,
    /// How many bytes the pattern's searches went over before it had a prefilter.
    searched: AtomicUsize,
}

/// The NFAs of a catalogue entry: of its ASCII cut (with its groups, if any), of the pattern
/// (the same), of the pattern in reverse, of the ASCII cut in reverse.
#[derive(Clone, Copy)]
enum Nfa {
    Cut,
    Full,
    Reverse,
    CutReverse,
}

enum Finder {
    Dense(Dfas<dense::DFA<&'static [u32]>>),
    Sparse(Dfas<sparse::DFA<&'static [u8]>>),
    Anchored(AnchoredDfa),
    Runtime,
}

/// A pattern's forward DFA, and its reverse DFA read from the catalogue only once a match is found
/// (the reverse DFA finds where the match starts): a pattern that finds nothing in a text, or is
/// only asked whether it matches, never touches it.
struct Dfas<D> {
    forward: D,
    reverse: OnceLock<Option<D>>,
    reverse_bytes: &'static [u8],
    read: fn(&'static [u8]) -> Option<D>,
}

impl<D: Automaton> Dfas<D> {
    /// The leftmost-first match, as `regex_automata::dfa::regex::Regex::try_search` finds it:
    /// the forward DFA finds its end, the reverse DFA, anchored there, its start.
    fn search(&self, input: &Input) -> Result<Option<regex_automata::Match>, regex_automata::MatchError> {
        let Some(end) = self.forward.try_search_fwd(input)? else {
            return Ok(None);
        };
        let anchored = match input.get_anchored() {
            regex_automata::Anchored::No => self.forward.is_always_start_anchored(),
            _ => true,
        };
        if input.start() == end.offset() || anchored {
            return Ok(Some(regex_automata::Match::must(0, input.start()..end.offset())));
        }
        let reverse = self
            .reverse
            .get_or_init(|| (self.read)(self.reverse_bytes))
            .as_ref()
            .ok_or_else(|| regex_automata::MatchError::gave_up(end.offset()))?;
        let back = input
            .clone()
            .span(input.start()..end.offset())
            .anchored(regex_automata::Anchored::Yes)
            .earliest(false);
        let start = reverse
            .try_search_rev(&back)?
            .ok_or_else(|| regex_automata::MatchError::gave_up(end.offset()))?;
        Ok(Some(regex_automata::Match::must(0, start.offset()..end.offset())))
    }

    fn is_match(&self, input: &Input) -> Result<bool, regex_automata::MatchError> {
        Ok(self.forward.try_search_fwd(&input.clone().earliest(true))?.is_some())
    }

    /// The leftmost-first match, found by trying the forward DFA, anchored, at each place the
    /// prefilter finds (every match starts at one of them, so the first place it matches from is
    /// the leftmost match, and no reverse search is needed). A try that fails has read bytes an
    /// unanchored search would have read once: when those add up to more than `WASTE` times the
    /// text gone over (and a little), the search is left to go on unanchored from where it is,
    /// so that no text makes it slower than linear.
    fn search_from_prefixes(&self, pre: &Prefilter, input: &Input) -> Prefixed {
        let (hay, start, end) = (input.haystack(), input.start(), input.end());
        let (mut at, mut wasted) = (start, 0);
        while at <= end {
            let Some(candidate) = pre.find(hay, Span::from(at..end)).map(|s| s.start) else {
                break;
            };
            let limit = (WASTE * (candidate - start) + SLACK).saturating_sub(wasted);
            let tried = try_at(&self.forward, &input.clone().span(candidate..end), limit, |input| {
                self.forward.start_state_forward(input)
            });
            match tried {
                Try::Match(found) => return Prefixed::Done(Ok(Some(regex_automata::Match::must(0, candidate..found)))),
                Try::Fail(read) => (at, wasted) = (candidate + 1, wasted + read),
                Try::Over => return Prefixed::From(candidate),
                Try::Quit(e) => return Prefixed::Done(Err(e)),
            }
        }
        Prefixed::Done(Ok(None))
    }
}

/// Tries of a DFA anchored at a place may read, in all, this many times the text gone over (and
/// `SLACK` bytes) before a search leaves the rest to an unanchored engine.
const WASTE: usize = 8;
const SLACK: usize = 512;

/// What a search from a prefilter's places came to: an answer, or where an unanchored search
/// is to go on from (no match starts before it).
enum Prefixed {
    Done(Result<Option<regex_automata::Match>, MatchError>),
    From(usize),
}

/// How a try of a DFA anchored at a place ended.
enum Try {
    /// The leftmost-first match from there ends here.
    Match(usize),
    /// No match starts there; the try read this many bytes.
    Fail(usize),
    /// The try would read more than it was allowed.
    Over,
    /// The DFA gave up (a Unicode word boundary beside a non-ASCII byte).
    Quit(MatchError),
}

/// The end of the leftmost-first match of `dfa` that starts where `input` starts (the search
/// anchored there), as `try_search_fwd` finds it, reading at most `limit` bytes of it. `start`
/// gives the DFA's start state for a search anchored there.
fn try_at<A: Automaton>(dfa: &A, input: &Input, limit: usize, start: impl FnOnce(&Input) -> Result<StateID, MatchError>) -> Try {
    let input = input.clone().anchored(Anchored::Yes);
    let mut sid = match start(&input) {
        Ok(sid) => sid,
        Err(e) => return Try::Quit(e),
    };
    let (hay, start, end) = (input.haystack(), input.start(), input.end());
    // a DFA reports a match one byte late: in a match state after reading the byte at `at`,
    // a match ends at `at`
    let mut found = None;
    for (read, &byte) in hay[start..end].iter().enumerate() {
        if read >= limit {
            return Try::Over;
        }
        let at = start + read;
        sid = dfa.next_state(sid, byte);
        if dfa.is_special_state(sid) {
            if dfa.is_match_state(sid) {
                found = Some(at);
            } else if dfa.is_dead_state(sid) {
                return found.map_or(Try::Fail(read + 1), Try::Match);
            } else if dfa.is_quit_state(sid) {
                return Try::Quit(MatchError::quit(byte, at));
            }
        }
    }
    // past the input's end: the byte after it, or the end of the text, settles a last match
    sid = match hay.get(end) {
        Some(&b) => dfa.next_state(sid, b),
        None => dfa.next_eoi_state(sid),
    };
    if dfa.is_quit_state(sid) {
        return Try::Quit(MatchError::quit(hay[end], end));
    }
    if dfa.is_match_state(sid) {
        found = Some(end);
    }
    found.map_or(Try::Fail(end - start), Try::Match)
}

/// A DFA that matches only from where a search starts, and the bytes a match can start with:
/// a search tries it at each place one of those bytes stands, from left to right, so the first
/// place it matches from is the leftmost match, and the DFA's own leftmost-first end is its end.
struct AnchoredDfa {
    dfa: AnchoredForm,
    /// After a byte that is no word byte (or at the text's start), and after a word byte: a
    /// pattern that starts with a word boundary and a letter is not tried inside a word.
    first: [[bool; 256]; 2],
    /// The start state of a search anchored after each byte (256: at the text's start), plus
    /// one; 0 where it is not known yet. A start state depends on nothing else, and working one
    /// out costs as much as reading a few bytes.
    starts: Box<[AtomicU32]>,
}

enum AnchoredForm {
    Dense(dense::DFA<&'static [u32]>),
    Sparse(sparse::DFA<&'static [u8]>),
}

impl AnchoredDfa {
    fn new(dfa: AnchoredForm, first: [[bool; 256]; 2]) -> AnchoredDfa {
        AnchoredDfa {
            dfa,
            first,
            starts: (0..257).map(|_| AtomicU32::new(0)).collect(),
        }
    }

    /// `dfa.start_state_forward(input)` for an anchored `input`, remembered by the byte before it.
    fn start<A: Automaton>(&self, dfa: &A, input: &Input) -> Result<StateID, MatchError> {
        let behind = input.start().checked_sub(1).map_or(256, |i| usize::from(input.haystack()[i]));
        let known = self.starts[behind].load(Ordering::Relaxed);
        if known != 0 {
            return Ok(StateID::new_unchecked(known as usize - 1));
        }
        let sid = dfa.start_state_forward(input)?;
        self.starts[behind].store(sid.as_u32() + 1, Ordering::Relaxed);
        Ok(sid)
    }

    /// The leftmost-first match in `input`; or, once
    /// tries that failed have read more than [`WASTE`] times the text gone over (a text where
    /// each place starts a long run that never ends in a match), where another engine is to go
    /// on from, so that no text makes the search quadratic. With a prefilter, it finds the places
    /// to try (fewer, and faster than reading each byte).
    fn search(&self, input: &Input, pre: Option<&Prefilter>) -> Prefixed {
        let hay = input.haystack();
        let (start, end) = (input.start(), input.end());
        if input.is_done() {
            return Prefixed::Done(Ok(None));
        }
        let (mut at, mut wasted) = (start, 0);
        let next = |at: usize| match pre {
            Some(pre) => pre.find(hay, Span::from(at..end)).map(|s| s.start),
            None => {
                let mut word = at > 0 && is_word_byte(hay[at - 1]);
                hay[at..end]
                    .iter()
                    .position(|&b| {
                        let start = self.first[usize::from(word)][usize::from(b)];
                        word = is_word_byte(b);
                        start
                    })
                    .map(|o| at + o)
            }
        };
        while let Some(candidate) = next(at) {
            let limit = (WASTE * (candidate - start) + SLACK).saturating_sub(wasted);
            let from = input.clone().span(candidate..end);
            let tried = match &self.dfa {
                AnchoredForm::Dense(dfa) => try_at(dfa, &from, limit, |input| self.start(dfa, input)),
                AnchoredForm::Sparse(dfa) => try_at(dfa, &from, limit, |input| self.start(dfa, input)),
            };
            match tried {
                Try::Match(found) => return Prefixed::Done(Ok(Some(regex_automata::Match::must(0, candidate..found)))),
                Try::Fail(read) => (at, wasted) = (candidate + 1, wasted + read),
                Try::Over => return Prefixed::From(candidate),
                Try::Quit(e) => return Prefixed::Done(Err(e)),
            }
        }
        Prefixed::Done(Ok(None))
    }
}

/// A word byte for an ASCII word boundary (`(?-u:\b)`).
fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// [`is_word_byte`] as a table: the anchored search asks it of every byte it passes.
static WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    t
};

/// A match: where it is in the haystack, and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    /// The match an engine found in `hay`.
    fn of(hay: &'h str, m: regex_automata::Match) -> Match<'h> {
        Match {
            hay,
            start: m.start(),
            end: m.end(),
        }
    }
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }
}

/// The groups of one match (group 0 is the whole match).
#[derive(Debug, Clone)]
pub struct Captures<'h> {
    hay: &'h str,
    slots: Vec<Option<(usize, usize)>>,
    names: &'h [Option<String>],
}

impl<'h> Captures<'h> {
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        let (start, end) = (*self.slots.get(i)?)?;
        Some(Match { hay: self.hay, start, end })
    }
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        let i = self.names.iter().position(|n| n.as_deref() == Some(name))?;
        self.get(i)
    }
    pub fn len(&self) -> usize {
        self.slots.len()
    }
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = Option<Match<'h>>> + '_ {
        (0..self.slots.len()).map(|i| self.get(i))
    }
}

impl Index<usize> for Captures<'_> {
    type Output = str;
    fn index(&self, i: usize) -> &str {
        self.get(i).map(|m| m.as_str()).unwrap_or_else(|| panic!("no group {i}"))
    }
}

impl Index<&str> for Captures<'_> {
    type Output = str;
    fn index(&self, name: &str) -> &str {
        self.name(name)
            .map(|m| m.as_str())
            .unwrap_or_else(|| panic!("no group named {name}"))
    }
}

/// Which patterns this process has used, and how each was compiled (for the catalogue's test).
static USED: Mutex<Vec<(String, Form)>> = Mutex::new(Vec::new());

/// How many engines this process has compiled at run time (the `regex` crate's or regex-lite's):
/// what the catalogue's DFAs and NFAs could not spare it.
static COMPILED: AtomicUsize = AtomicUsize::new(0);

/// How many engines this process has compiled at run time, for any pattern.
pub fn engines_compiled() -> usize {
    COMPILED.load(Ordering::Relaxed)
}

/// The patterns used so far by this process, with the form each ran in.
pub fn used() -> Vec<(String, Form)> {
    USED.lock().map(|u| u.clone()).unwrap_or_default()
}

/// The form the catalogue holds a source in, or `None` when it is not in the catalogue.
pub fn catalogued(source: &str) -> Option<Form> {
    lookup(source).map(|e| e.1)
}

fn lookup(source: &str) -> Option<&'static catalogue::Entry> {
    catalogue::TABLE
        .binary_search_by(|e| e.0.cmp(source))
        .ok()
        .map(|i| &catalogue::TABLE[i])
}

fn bytes(offset: u32, len: u32) -> &'static [u8] {
    &catalogue::BYTES.bytes[offset as usize..(offset + len) as usize]
}

/// The DFAs of a catalogue entry, read in place.
/// A dense DFA the build script wrote, read in place.
fn read_dense(bytes: &'static [u8]) -> Option<dense::DFA<&'static [u32]>> {
    // SAFETY: the bytes were written by `to_bytes_little_endian` of this same version of
    // regex-automata (the build script and this crate share one locked version), so they are a
    // valid serialisation; only their endianness and alignment are checked, as the crate does.
    unsafe { dense::DFA::from_bytes_unchecked(bytes) }.ok().map(|(dfa, _)| dfa)
}

/// A sparse DFA the build script wrote, read in place.
fn read_sparse(bytes: &'static [u8]) -> Option<sparse::DFA<&'static [u8]>> {
    // SAFETY: as in `read_dense`.
    unsafe { sparse::DFA::from_bytes_unchecked(bytes) }.ok().map(|(dfa, _)| dfa)
}

impl<D: Automaton> Dfas<D> {
    fn new(forward: &'static [u8], reverse: &'static [u8], read: fn(&'static [u8]) -> Option<D>) -> Option<Dfas<D>> {
        Some(Dfas {
            forward: read(forward)?,
            reverse: OnceLock::new(),
            reverse_bytes: reverse,
            read,
        })
    }
}

/// The DFAs of a catalogue entry, read in place.
fn load(entry: &'static catalogue::Entry) -> Option<Finder> {
    let (_, form, fwd_at, fwd_len, rev_at, rev_len, ..) = *entry;
    let (fwd, rev) = (bytes(fwd_at, fwd_len), bytes(rev_at, rev_len));
    match form {
        Form::Dense => Dfas::new(fwd, rev, read_dense).map(Finder::Dense),
        Form::Sparse => Dfas::new(fwd, rev, read_sparse).map(Finder::Sparse),
        Form::AnchoredDense | Form::AnchoredSparse => {
            let dfa = if form == Form::AnchoredDense {
                AnchoredForm::Dense(read_dense(fwd)?)
            } else {
                AnchoredForm::Sparse(read_sparse(fwd)?)
            };
            let set = |half: usize| std::array::from_fn(|b| rev.get(half + b / 8).is_some_and(|bits| bits & (1 << (b % 8)) != 0));
            let first = [set(0), set(32)];
            Some(Finder::Anchored(AnchoredDfa::new(dfa, first)))
        }
        Form::Runtime | Form::Gate => None,
    }
}

/// The DFA of a keyword gate's words, keyed as the catalogue keys them (`\0word\0word...`),
/// where the catalogue holds it.
pub fn gate_dfa(key: &str) -> Option<dense::DFA<&'static [u32]>> {
    let entry = lookup(key).filter(|e| e.1 == Form::Gate);
    if let Ok(mut used) = USED.lock() {
        used.push((key.to_string(), if entry.is_some() { Form::Gate } else { Form::Runtime }));
    }
    let (_, _, at, len, ..) = *entry?;
    read_dense(bytes(at, len))
}

/// Runs `search` with a cache from `pool` (or a new one, from `create`, when every one is in use
/// by another thread), then puts the cache back: each thread that searches at once keeps its own,
/// warm (a lazy DFA's states stay built), and none is dropped for another's.
fn with_cache<C, R>(pool: &Mutex<Vec<C>>, create: impl FnOnce() -> C, search: impl FnOnce(&mut C) -> R) -> R {
    let mut cache = pool.lock().ok().and_then(|mut p| p.pop()).unwrap_or_else(create);
    let found = search(&mut cache);
    if let Ok(mut kept) = pool.lock() {
        kept.push(cache);
    }
    found
}

fn runtime_config() -> meta::Config {
    // no literal prefilter: extracting its literals costs more than a start can spare
    meta::Config::new()
        .nfa_size_limit(Some(10 << 20))
        .utf8_empty(true)
        .auto_prefilter(false)
}

thread_local! {
    /// The ASCII text being parsed on this thread (its address range), see [`AsciiText`].
    static ASCII_TEXT: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

/// While alive, tells the patterns that `text` is ASCII, so that a search of it or of any part of
/// it takes the ASCII engine without reading it again. The text is borrowed for that time, so it
/// cannot change under the claim.
pub struct AsciiText<'t> {
    previous: (usize, usize),
    _text: std::marker::PhantomData<&'t str>,
}

impl<'t> AsciiText<'t> {
    pub fn new(text: &'t str) -> AsciiText<'t> {
        let range = if text.is_ascii() {
            (text.as_ptr() as usize, text.as_ptr() as usize + text.len())
        } else {
            (0, 0)
        };
        AsciiText {
            previous: ASCII_TEXT.with(|t| t.replace(range)),
            _text: std::marker::PhantomData,
        }
    }
}

impl Drop for AsciiText<'_> {
    fn drop(&mut self) {
        ASCII_TEXT.with(|t| t.set(self.previous));
    }
}

/// Whether `hay` is ASCII: known where it lies in the text of an [`AsciiText`], else read (a
/// long haystack outside it is taken as not ASCII rather than read on every search).
fn is_ascii(hay: &[u8]) -> bool {
    let (start, end) = ASCII_TEXT.with(Cell::get);
    let at = hay.as_ptr() as usize;
    if start < end && at >= start && at + hay.len() <= end {
        return true;
    }
    hay.len() <= 64 << 10 && hay.is_ascii()
}

impl Pattern {
    /// A pattern of the catalogue; nothing is compiled until it is used.
    pub const fn new(source: &'static str) -> Pattern {
        Pattern::from_cow(Cow::Borrowed(source))
    }

    /// A pattern assembled at run time (from parts shared by several patterns).
    pub fn owned(source: impl Into<String>) -> Pattern {
        Pattern::from_cow(Cow::Owned(source.into()))
    }

    const fn from_cow(source: Cow<'static, str>) -> Pattern {
        Pattern {
            source,
            entry: OnceLock::new(),
            finder: OnceLock::new(),
            lite: OnceLock::new(),
            full: OnceLock::new(),
            ascii: OnceLock::new(),
            names: OnceLock::new(),
            programs: [OnceLock::new(), OnceLock::new()],
            nfas: [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()],
            lazy: [OnceLock::new(), OnceLock::new()],
            lazy_cache: [Mutex::new(Vec::new()), Mutex::new(Vec::new())],
            lite_groups: AtomicU32::new(0),
            prefilter: OnceLock::new(),
            searched: AtomicUsize::new(0),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The catalogue's entry for this pattern's source, if it has one.
    fn entry(&self) -> Option<&'static catalogue::Entry> {
        *self.entry.get_or_init(|| lookup(&self.source))
    }

    fn finder(&self) -> &Finder {
        self.finder.get_or_init(|| {
            let finder = self.entry().and_then(load).unwrap_or(Finder::Runtime);
            let form = match &finder {
                Finder::Dense(_) => Form::Dense,
                Finder::Sparse(_) => Form::Sparse,
                Finder::Anchored(a) => match a.dfa {
                    AnchoredForm::Dense(_) => Form::AnchoredDense,
                    AnchoredForm::Sparse(_) => Form::AnchoredSparse,
                },
                Finder::Runtime => Form::Runtime,
            };
            if let Ok(mut used) = USED.lock() {
                used.push((self.source.to_string(), form));
            }
            Box::new(finder)
        })
    }

    fn full(&self) -> &meta::Regex {
        self.full.get_or_init(|| {
            COMPILED.fetch_add(1, Ordering::Relaxed);
            meta::Builder::new()
                .configure(runtime_config())
                .build(&self.source)
                .unwrap_or_else(|e| panic!("pattern of the catalogue {:?}: {e}", self.source))
        })
    }

    fn ascii(&self) -> &meta::Regex {
        self.ascii.get_or_init(|| {
            COMPILED.fetch_add(1, Ordering::Relaxed);
            let hir = regex_syntax::Parser::new()
                .parse(&self.source)
                .unwrap_or_else(|e| panic!("pattern of the catalogue {:?}: {e}", self.source));
            meta::Builder::new()
                .configure(runtime_config())
                .build_from_hir(&to_ascii(&hir))
                .unwrap_or_else(|e| panic!("pattern of the catalogue {:?}: {e}", self.source))
        })
    }

    /// The engine compiled at run time for this haystack: the ASCII one where the haystack is
    /// known to be ASCII.
    fn engine(&self, hay: &[u8]) -> &meta::Regex {
        if is_ascii(hay) { self.ascii() } else { self.full() }
    }

    fn lite(&self) -> Option<&regex_lite::Regex> {
        self.lite
            .get_or_init(|| {
                COMPILED.fetch_add(1, Ordering::Relaxed);
                regex_lite::Regex::new(&self.source).ok()
            })
            .as_ref()
    }

    /// For a pattern the catalogue cannot hold, on a short ASCII haystack: regex-lite and the
    /// haystack. Compiling the full engine costs as much as regex-lite reading `SMALL` bytes, and on
    /// ASCII text both engines read every class alike, so they find the same matches. Once the
    /// full engine is compiled (for a longer or non-ASCII text), it answers everything.
    fn lite_for<'h>(&self, input: &Input<'h>) -> Option<(&regex_lite::Regex, &'h str)> {
        const SMALL: usize = 1 << 10;
        let hay = input.haystack();
        if self.compiled() || hay.len() > SMALL || input.end() != hay.len() || !is_ascii(hay) {
            return None;
        }
        Some((self.lite()?, std::str::from_utf8(hay).ok()?))
    }

    /// Whether an engine was compiled at run time for this pattern (it then answers searches).
    fn compiled(&self) -> bool {
        self.full.get().is_some() || self.ascii.get().is_some()
    }

    /// The anchored DFA, unless an engine was compiled at run time for this pattern. It reads from
    /// each place a match can start, on a text of any length: [`AnchoredDfa::search`] hands the
    /// rest of a text to the lazy DFA only once failed tries have read [`WASTE`] times the text
    /// gone over, so no text makes it quadratic.
    fn anchored(&self) -> Option<&AnchoredDfa> {
        match self.finder() {
            Finder::Anchored(a) if !self.compiled() => Some(a),
            _ => None,
        }
    }

    /// The leftmost-first match in `input`, whichever engine answers.
    fn search(&self, input: &Input) -> Option<regex_automata::Match> {
        let found = if let Some(a) = self.anchored() {
            match a.search(input, self.prefilter(input)) {
                Prefixed::Done(found) => found,
                // no match starts before `at`: the search goes on there without the anchored DFA
                Prefixed::From(at) => return self.search_without_dfa(&input.clone().span(at..input.end())),
            }
        } else {
            match self.finder() {
                Finder::Dense(re) => self.search_dfas(re, input),
                Finder::Sparse(re) => self.search_dfas(re, input),
                Finder::Anchored(_) | Finder::Runtime => return self.search_without_dfa(input),
            }
        };
        // A DFA gives up (a Unicode word boundary beside a non-ASCII byte): the full engine answers.
        found.unwrap_or_else(|_| self.full().search(input))
    }

    /// A search by the lazy DFA on the catalogue's NFAs, else by an engine compiled now.
    fn search_without_dfa(&self, input: &Input) -> Option<regex_automata::Match> {
        if !self.compiled()
            && let Some(found) = self.lazy_search(input)
        {
            return found;
        }
        if let Some((lite, hay)) = self.lite_for(input) {
            return lite
                .find_at(hay, input.start())
                .map(|m| regex_automata::Match::must(0, m.start()..m.end()));
        }
        self.engine(input.haystack()).search(input)
    }

    /// A search of a DFA pair: from the prefilter's places where the pattern has one for a text
    /// this long (see [`Dfas::search_from_prefixes`]), else unanchored.
    fn search_dfas<D: Automaton>(&self, re: &Dfas<D>, input: &Input) -> Result<Option<regex_automata::Match>, MatchError> {
        if input.get_anchored() == Anchored::No
            && let Some(pre) = self.prefilter(input)
        {
            return match re.search_from_prefixes(pre, input) {
                Prefixed::Done(found) => found,
                Prefixed::From(at) => re.search(&input.clone().span(at..input.end())),
            };
        }
        re.search(input)
    }

    /// The prefilter of the literals every match starts with (the catalogue's), built for a
    /// search of `LONG` bytes or more, or once the pattern's searches have gone over `MANY`:
    /// building one (Teddy's tables) costs what a DFA reading some 100 KB does, so that a
    /// process that reads one short text never builds it, and one that reads many soon does.
    fn prefilter(&self, input: &Input) -> Option<&Prefilter> {
        const LONG: usize = 32 << 10;
        const MANY: usize = 128 << 10;
        if let Some(pre) = self.prefilter.get() {
            return pre.as_ref();
        }
        let span = input.end().saturating_sub(input.start());
        if span < LONG && self.searched.fetch_add(span, Ordering::Relaxed) + span < MANY {
            return None;
        }
        self.prefixes()
    }

    /// The prefilter of the literals every match starts with, built now if it is not yet.
    fn prefixes(&self) -> Option<&Prefilter> {
        self.prefilter
            .get_or_init(|| {
                let prefixes = self.entry()?.15;
                (!prefixes.is_empty())
                    .then(|| Prefilter::new(regex_automata::MatchKind::LeftmostFirst, prefixes))
                    .flatten()
            })
            .as_ref()
    }

    pub fn is_match(&self, hay: &str) -> bool {
        let input = Input::new(hay).earliest(true);
        // a DFA pair answers from its forward DFA alone; any other engine as for a search
        let found = match self.finder() {
            Finder::Dense(re) => re.is_match(&input),
            Finder::Sparse(re) => re.is_match(&input),
            Finder::Anchored(_) | Finder::Runtime => return self.search(&input).is_some(),
        };
        found.unwrap_or_else(|_| self.full().is_match(input))
    }

    pub fn find<'h>(&self, hay: &'h str) -> Option<Match<'h>> {
        self.find_at(hay, 0)
    }

    /// The first match that starts at or after `at`, the text before `at` still seen by `\b` and `^`.
    pub fn find_at<'h>(&self, hay: &'h str, at: usize) -> Option<Match<'h>> {
        let m = self.search(&Input::new(hay).range(at..))?;
        Some(Match::of(hay, m))
    }

    /// Every match, in order, not overlapping (an empty match never splits a character).
    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
        let mut searcher = Searcher::new(Input::new(hay));
        std::iter::from_fn(move || {
            let m = searcher
                .try_advance(|input| Ok(self.search(input)))
                .unwrap_or_else(|e: regex_automata::MatchError| panic!("search of {:?}: {e}", self.source))?;
            Some(Match::of(hay, m))
        })
    }

    /// The matches of `find_iter`, for a pattern each of whose matches holds one `anchor` byte,
    /// only bytes for which `lead` holds before it and at most `tail` bytes after it ("NYSE: IBM"
    /// around its colon): the pattern runs only in the window of each anchor, so a text without
    /// the byte costs one `memchr` pass. The windows do not overlap, so no text makes it quadratic;
    /// `lead` must not hold for `anchor`.
    pub fn find_iter_around<'r, 'h>(
        &'r self,
        hay: &'h str,
        anchor: u8,
        lead: fn(u8) -> bool,
        tail: usize,
    ) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
        debug_assert!(!lead(anchor));
        let bytes = hay.as_bytes();
        let mut from = 0;
        memchr::memchr_iter(anchor, bytes).filter_map(move |at| {
            if at < from {
                return None;
            }
            let start = at - bytes[from..at].iter().rev().take_while(|&&b| lead(b)).count();
            let end = floor_boundary(hay, at.saturating_add(tail + 1).min(hay.len()));
            // the look-around of `\b` and `^` still sees the bytes beside the window
            let m = self.search(&Input::new(hay).range(start..end))?;
            // a match after the anchor is the next anchor's, found in its own window
            if m.start() > at {
                return None;
            }
            from = m.end();
            Some(Match::of(hay, m))
        })
    }

    /// The pieces of `hay` between the matches.
    pub fn split<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = &'h str> + use<'r, 'h> {
        let mut matches = self.find_iter(hay);
        let mut last = Some(0);
        std::iter::from_fn(move || {
            let from = last?;
            match matches.next() {
                Some(m) => {
                    last = Some(m.end());
                    Some(&hay[from..m.start()])
                }
                None => {
                    last = None;
                    Some(&hay[from..])
                }
            }
        })
    }

    /// `hay` with every match replaced by `with`, taken literally (no group references).
    pub fn replace_all<'h>(&self, hay: &'h str, with: &str) -> Cow<'h, str> {
        let mut out = String::new();
        let mut last = 0;
        for m in self.find_iter(hay) {
            out.push_str(&hay[last..m.start()]);
            out.push_str(with);
            last = m.end();
        }
        if last == 0 && out.is_empty() {
            return Cow::Borrowed(hay);
        }
        out.push_str(&hay[last..]);
        Cow::Owned(out)
    }

    pub fn captures<'h>(&'h self, hay: &'h str) -> Option<Captures<'h>> {
        self.captures_at(hay, 0)
    }

    /// The groups of the first match at or after `at`.
    pub fn captures_at<'h>(&'h self, hay: &'h str, at: usize) -> Option<Captures<'h>> {
        let m = self.find_at(hay, at)?;
        Some(self.groups(hay, m))
    }

    /// The groups of a match this pattern found in `hay` (by `find_iter`, say): a caller that
    /// can reject most matches from their text alone reads the groups of the others only.
    pub fn captures_of<'h>(&'h self, hay: &'h str, m: Match<'h>) -> Captures<'h> {
        self.groups(hay, m)
    }

    /// The groups of every match, in order.
    pub fn captures_iter<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = Captures<'h>> + 'h {
        self.find_iter(hay).map(move |m| self.groups(hay, m))
    }

    /// The names of the groups, by index (`None` for group 0 and unnamed groups).
    fn names(&self) -> &[Option<String>] {
        self.names.get_or_init(|| {
            if let Some(entry) = self.entry()
                && !entry.14.is_empty()
            {
                return entry.14.iter().map(|n| n.map(str::to_string)).collect();
            }
            // from an engine already compiled, else from the one that compiles fastest
            let meta_names = |re: &meta::Regex| -> Vec<Option<String>> {
                let names = re.group_info().pattern_names(regex_automata::PatternID::ZERO);
                names.map(|n| n.map(str::to_string)).collect()
            };
            if let Some(re) = self.ascii.get().or(self.full.get()) {
                return meta_names(re);
            }
            match self.lite() {
                Some(lite) => lite.capture_names().map(|n| n.map(str::to_string)).collect(),
                None => meta_names(self.full()),
            }
        })
    }

    /// The groups of `m`, a match of this pattern: the match alone for a pattern without groups;
    /// from the catalogue's NFA (see [`Pattern::backtracked`]); failing that, from regex-lite
    /// where the match and the characters beside it are ASCII (where its ASCII classes read as
    /// the full engine's do) and it finds the same match; from the full engine otherwise.
    fn groups<'h>(&'h self, hay: &'h str, m: Match<'h>) -> Captures<'h> {
        // a pattern without groups: its one group is the match
        if self.entry().is_some_and(|e| e.14.len() == 1) {
            return Captures {
                hay,
                slots: vec![Some((m.start, m.end))],
                names: self.names(),
            };
        }
        let around = &hay.as_bytes()[m.start.saturating_sub(1)..(m.end + 1).min(hay.len())];
        let ascii = around.is_ascii();
        if let Some(c) = self.backtracked(hay, m, ascii) {
            return c;
        }
        // regex-lite compiles at once but reads slowly: past `LITE_MATCHES` matches, compiling the
        // regex crate's engine costs less than regex-lite reading on
        const LITE_MATCHES: u32 = 64;
        if (matches!(self.finder(), Finder::Anchored(_) | Finder::Runtime) && self.compiled())
            || self.lite_groups.fetch_add(1, Ordering::Relaxed) >= LITE_MATCHES
        {
            return self.groups_from(self.engine(hay.as_bytes()), hay, m);
        }
        if ascii
            && let Some(lite) = self.lite()
            && let Some(c) = lite.captures_at(hay, m.start)
            && c.get(0).is_some_and(|g| g.start() == m.start && g.end() == m.end)
        {
            let slots = c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect();
            return Captures {
                hay,
                slots,
                names: self.names(),
            };
        }
        self.groups_from(self.full(), hay, m)
    }

    /// The groups of `m` from the catalogue's NFA with groups, searched anchored at the match's
    /// start and within it: of the pattern's ASCII cut where `ascii` (the match and the bytes
    /// beside it are ASCII, where the cut reads as the pattern does), of the pattern otherwise.
    /// `None` where the catalogue holds no NFA, or the backtracker cannot read a match so long.
    fn backtracked<'h>(&'h self, hay: &'h str, m: Match<'h>, ascii: bool) -> Option<Captures<'h>> {
        let program = self.program(if ascii { Nfa::Cut } else { Nfa::Full })?;
        let mut slots = vec![None; 2 * program.group_len()];
        let mut search = |scratch: &mut Scratch| program.captures(scratch, hay.as_bytes(), m.start, m.end, &mut slots);
        // one scratch space a thread, for every pattern (a search never starts another)
        thread_local!(static SCRATCH: RefCell<Scratch> = RefCell::default());
        let end = SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut scratch) => search(&mut scratch),
            Err(_) => search(&mut Scratch::default()),
        })?;
        if end != m.end || slots.first().copied().flatten() != Some(m.start) {
            return None;
        }
        let slots = slots.chunks_exact(2).map(|g| g[0].zip(g[1])).collect();
        Some(Captures {
            hay,
            slots,
            names: self.names(),
        })
    }

    /// Where the words of one of the NFAs the catalogue holds for this pattern sit in its bytes.
    fn nfa_words(&self, which: Nfa) -> Option<(u32, u32)> {
        let entry = self.entry()?;
        let (at, len) = match which {
            Nfa::Cut => (entry.6, entry.7),
            Nfa::Full => (entry.8, entry.9),
            Nfa::Reverse => (entry.10, entry.11),
            Nfa::CutReverse => (entry.12, entry.13),
        };
        (len > 0).then_some((at, len))
    }

    /// The program of the catalogue's NFA with groups (`Cut` or `Full`), read on first use.
    fn program(&self, which: Nfa) -> Option<&Program<'static>> {
        let slot = self.programs.get(which as usize)?;
        slot.get_or_init(|| {
            let (at, len) = self.nfa_words(which)?;
            Program::read(bytes(at, len))
        })
        .as_ref()
    }

    /// One of the NFAs the catalogue holds for this pattern, rebuilt on first use (from the
    /// program the backtracker already read, for those with groups).
    fn nfa(&self, which: Nfa) -> Option<&NFA> {
        self.nfas[which as usize]
            .get_or_init(|| match which {
                Nfa::Cut | Nfa::Full => self.program(which)?.nfa(),
                Nfa::Reverse | Nfa::CutReverse => {
                    let (at, len) = self.nfa_words(which)?;
                    crate::release::serial_nfa::decode(bytes(at, len))
                }
            })
            .as_ref()
    }

    /// For a pattern no unanchored DFA searches: the leftmost-first match in `input` from a lazy
    /// DFA on the catalogue's NFAs (forward and reverse) of the pattern, or of its ASCII cut where
    /// the haystack is ASCII (where the cut reads as the pattern does), so that no engine is
    /// compiled. `None` where the catalogue holds no such NFAs or the lazy DFA gives up (a
    /// Unicode word boundary beside a non-ASCII byte).
    fn lazy_search(&self, input: &Input) -> Option<Option<regex_automata::Match>> {
        let ascii = is_ascii(input.haystack());
        let which = usize::from(!ascii);
        let re = self.lazy[which]
            .get_or_init(|| {
                let (fwd, rev) = if ascii {
                    (self.nfa(Nfa::Cut)?, self.nfa(Nfa::CutReverse)?)
                } else {
                    (self.nfa(Nfa::Full)?, self.nfa(Nfa::Reverse)?)
                };
                let config = || hybrid::dfa::DFA::config().unicode_word_boundary(true);
                // the prefilter keeps the lazy DFA to the places a match can start, where it
                // builds far fewer states than across the whole text
                let forward = hybrid::dfa::DFA::builder()
                    .configure(config().prefilter(self.prefilter(input).cloned()))
                    .build_from_nfa(fwd.clone())
                    .ok()?;
                let reverse = hybrid::dfa::DFA::builder()
                    .configure(
                        config()
                            .prefilter(None)
                            .specialize_start_states(false)
                            .match_kind(regex_automata::MatchKind::All),
                    )
                    .build_from_nfa(rev.clone())
                    .ok()?;
                Some(Box::new(hybrid::regex::Regex::builder().build_from_dfas(forward, reverse)))
            })
            .as_ref()?;
        with_cache(&self.lazy_cache[which], || re.create_cache(), |cache| re.try_search(cache, input)).ok()
    }

    fn groups_from<'h>(&'h self, engine: &meta::Regex, hay: &'h str, m: Match<'h>) -> Captures<'h> {
        let mut caps = engine.create_captures();
        engine.search_captures(&Input::new(hay).range(m.start..), &mut caps);
        let slots = (0..caps.group_len()).map(|i| caps.get_group(i).map(|s| (s.start, s.end))).collect();
        Captures {
            hay,
            slots,
            names: self.names(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts that exercise the engines' edges: the bundled release, non-ASCII words beside word
    /// boundaries, empty matches between multi-byte characters, line anchors.
    fn texts() -> Vec<String> {
        vec![
            crate::BUNDLED.to_string(),
            "Zürich, Switzerland — March 3, 2024 — Nestlé’s CEO Ulf Schneider said: “Müller.” 1 000 €5 m".to_string(),
            "é\u{301}x 12:30 p.m. ET\n\nINVESTOR CONTACT:\nJane Doe, 555-123-4567\n".to_string(),
            "NEW YORK, N.Y., Jan. 5, 2023 /PRNewswire/ -- Acme Corp. (NASDAQ: ACME) reported".to_string(),
            String::new(),
        ]
    }

    /// The pattern finds in `hay`, match for match, what the `regex` crate's `re` (of the same
    /// source) finds.
    fn finds_as(pattern: &Pattern, re: &regex::Regex, hay: &str) {
        let found: Vec<(usize, usize)> = pattern.find_iter(hay).map(|m| (m.start(), m.end())).collect();
        let want: Vec<(usize, usize)> = re.find_iter(hay).map(|m| (m.start(), m.end())).collect();
        assert_eq!(found, want, "{}", pattern.as_str());
    }

    fn spans(re: &regex::Regex, hay: &str) -> Vec<Vec<Option<(usize, usize)>>> {
        re.captures_iter(hay)
            .map(|c| c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect())
            .collect()
    }

    /// Every pattern of the catalogue, whatever its form, finds what the `regex` crate finds, with
    /// the same groups (read from the catalogue's NFA where the match is ASCII).
    #[test]
    fn catalogue_matches_as_the_regex_crate() {
        let texts = texts();
        let mut checked = 0;
        for entry in catalogue::TABLE.iter().filter(|e| e.1 != Form::Gate) {
            let source = entry.0;
            let pattern = Pattern::new(source);
            let re = regex::Regex::new(source).expect("catalogue pattern compiles");
            for hay in &texts {
                let want = spans(&re, hay);
                let got: Vec<Vec<Option<(usize, usize)>>> = pattern
                    .captures_iter(hay)
                    .map(|c| c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect())
                    .collect();
                assert_eq!(got, want, "{source} on {:?}", hay.chars().take(40).collect::<String>());
                assert_eq!(pattern.is_match(hay), re.is_match(hay), "{source}");
                finds_as(&pattern, &re, hay);
            }
            checked += 1;
        }
        assert!(checked > 100, "the catalogue holds the patterns ({checked} checked)");
    }

    /// Every NFA with groups the catalogue holds reads as a program, and its backtracker gives
    /// every match the groups the `regex` crate gives: the full pattern's on any match, the ASCII
    /// cut's on a match with ASCII beside it.
    #[test]
    fn catalogue_programs_find_the_groups_of_the_regex_crate() {
        let texts = texts();
        let mut checked = 0;
        // patterns with groups (group 0 and more)
        for entry in catalogue::TABLE.iter().filter(|e| e.14.len() > 1) {
            let source = entry.0;
            let pattern = Pattern::new(source);
            let re = regex::Regex::new(source).expect("catalogue pattern compiles");
            for which in [Nfa::Cut, Nfa::Full] {
                if let Some((at, len)) = pattern.nfa_words(which) {
                    assert!(Program::read(bytes(at, len)).is_some(), "{source}: its words read");
                }
            }
            for hay in &texts {
                for c in re.captures_iter(hay) {
                    let whole = c.get(0).expect("group 0");
                    let m = Match {
                        hay,
                        start: whole.start(),
                        end: whole.end(),
                    };
                    let want: Vec<_> = c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect();
                    let around = &hay.as_bytes()[m.start.saturating_sub(1)..(m.end + 1).min(hay.len())];
                    for ascii in [false, true] {
                        if (ascii && !around.is_ascii()) || pattern.nfa_words(if ascii { Nfa::Cut } else { Nfa::Full }).is_none() {
                            continue;
                        }
                        let got = pattern.backtracked(hay, m, ascii).map(|c| c.slots);
                        assert_eq!(got.as_ref(), Some(&want), "{source} at {}..{} (ASCII cut: {ascii})", m.start, m.end);
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 150, "the backtrackers read the catalogue's matches ({checked} checked)");
    }

    /// An anchored DFA finds, match for match, what the `regex` crate finds, also on a long text
    /// (one past the length where a prefilter is built), with no engine compiled at run time.
    #[test]
    fn anchored_dfas_match_as_the_regex_crate_on_long_texts() {
        let long = format!("{}\nZürich — “Müller” said.\n", crate::BUNDLED).repeat(24);
        let mut checked = 0;
        for entry in catalogue::TABLE
            .iter()
            .filter(|e| matches!(e.1, Form::AnchoredDense | Form::AnchoredSparse))
        {
            let pattern = Pattern::new(entry.0);
            assert!(matches!(pattern.finder(), Finder::Anchored(_)), "{} loads as anchored", entry.0);
            let re = regex::Regex::new(entry.0).expect("catalogue pattern compiles");
            finds_as(&pattern, &re, &long);
            assert!(!pattern.compiled(), "no engine compiled: {}", entry.0);
            checked += 1;
        }
        assert!(checked >= 3, "the catalogue holds anchored DFAs ({checked})");
    }

    /// On a long text, a pattern with a prefilter of its prefixes finds, match for match, what
    /// the `regex` crate finds.
    #[test]
    fn prefiltered_dfas_match_as_the_regex_crate() {
        let long = format!("{}\nZürich — “Müller” said.\n", crate::BUNDLED).repeat(8);
        let mut checked = 0;
        for entry in catalogue::TABLE
            .iter()
            .filter(|e| matches!(e.1, Form::Dense | Form::Sparse) && !e.15.is_empty())
        {
            let pattern = Pattern::new(entry.0);
            let re = regex::Regex::new(entry.0).expect("catalogue pattern compiles");
            finds_as(&pattern, &re, &long);
            assert!(
                matches!(pattern.prefilter.get(), Some(Some(_))),
                "a prefilter searched: {}",
                entry.0
            );
            checked += 1;
        }
        assert!(checked >= 20, "the catalogue holds prefixes for many DFA pairs ({checked})");
    }

    /// A DFA pair built here (both DFAs of `source`), and a prefilter of `prefixes`.
    fn prefixed(source: &str, prefixes: &[&str]) -> (Dfas<dense::DFA<Vec<u32>>>, Prefilter) {
        let forward = dense::DFA::new(source).unwrap();
        let reverse = dense::Builder::new()
            .configure(
                dense::Config::new()
                    .start_kind(regex_automata::dfa::StartKind::Anchored)
                    .match_kind(regex_automata::MatchKind::All),
            )
            .thompson(regex_automata::nfa::thompson::Config::new().reverse(true))
            .build(source)
            .unwrap();
        let dfas = Dfas {
            forward,
            reverse: OnceLock::from(Some(reverse)),
            reverse_bytes: &[],
            read: |_| None,
        };
        let pre = Prefilter::new(regex_automata::MatchKind::LeftmostFirst, prefixes).unwrap();
        (dfas, pre)
    }

    /// Every match from a search as `Pattern::search_dfas` runs it: from the prefilter's places,
    /// unanchored from where that search leaves off.
    fn prefixed_matches(dfas: &Dfas<dense::DFA<Vec<u32>>>, pre: &Prefilter, hay: &str) -> Vec<(usize, usize)> {
        let mut searcher = Searcher::new(Input::new(hay));
        std::iter::from_fn(|| {
            searcher
                .try_advance(|input| match dfas.search_from_prefixes(pre, input) {
                    Prefixed::Done(found) => found,
                    Prefixed::From(at) => dfas.search(&input.clone().span(at..input.end())),
                })
                .unwrap()
        })
        .map(|m| (m.start(), m.end()))
        .collect()
    }

    /// Tried from the prefilter's places, a DFA finds what the `regex` crate finds: the longest
    /// alternative, a word boundary seen from the byte before, a match that runs to the end or
    /// is settled by the byte after a search's end, overlapping places.
    #[test]
    fn prefixed_search_finds_the_leftmost_first_match() {
        let cases: [(&str, &[&str], &str); 5] = [
            (
                r"(?-u:\b)(?:said|says)\s+[A-Z][a-z]+",
                &["said", "says"],
                "unsaid said Ann, says Bob; said x",
            ),
            (r"ab|abcd|b+", &["a", "b"], "xxabcdbbb ab"),
            (r"foo[a-z]*", &["foo"], "xfoofoo foobar foo"),
            (r"(?m)^item [0-9]$", &["item"], "item 1\nan item 2\nitem 3"),
            (r"aa[a-z]*z", &["aa"], "aaaaaaaaaz aaab aaz"),
        ];
        for (source, prefixes, hay) in cases {
            let (dfas, pre) = prefixed(source, prefixes);
            let want: Vec<(usize, usize)> = regex::Regex::new(source)
                .unwrap()
                .find_iter(hay)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(prefixed_matches(&dfas, &pre, hay), want, "{source} in {hay:?}");
        }
    }

    /// Tries that read far and fail (each place starts a long run that never ends in a match) do
    /// not make a search quadratic: past its allowance it leaves the rest to one unanchored
    /// search, and still finds what the `regex` crate finds.
    #[test]
    fn prefixed_search_stays_linear() {
        let hay = format!("{}!", "foo".repeat(40_000));
        let (dfas, pre) = prefixed(r"foo[a-z]*bar", &["foo"]);
        match dfas.search_from_prefixes(&pre, &Input::new(&hay)) {
            Prefixed::From(at) => assert!(at < 1024, "left off early, at {at}"),
            Prefixed::Done(found) => panic!("a try read the whole text: {found:?}"),
        }
        assert_eq!(prefixed_matches(&dfas, &pre, &hay), Vec::<(usize, usize)>::new());
        let hay = format!("{}foobar", "foo1 ".repeat(20_000));
        assert_eq!(prefixed_matches(&dfas, &pre, &hay), vec![(100_000, 100_006)]);
    }

    /// An anchored DFA is tried from each place a match can start: overlapping candidates, a
    /// word boundary and a line start seen from the text before.
    #[test]
    fn anchored_search_takes_the_leftmost_start() {
        let first = |bytes: &[u8]| {
            let set = std::array::from_fn(|b| bytes.contains(&(b as u8)));
            [set, set]
        };
        let build = |source: &str| {
            let dfa = dense::Builder::new()
                .configure(dense::Config::new().start_kind(regex_automata::dfa::StartKind::Anchored))
                .build(source)
                .unwrap();
            let dfa: &'static dense::DFA<Vec<u32>> = Box::leak(Box::new(dfa));
            dfa.as_ref()
        };
        // start states are remembered by the byte before a try: asked twice (the second time
        // remembered), each is the DFA's own, after word bytes, others, a line end and at the start
        let a = AnchoredDfa::new(AnchoredForm::Dense(build(r"(?m)(?-u:\b)cat|^dog")), first(b"cd"));
        let AnchoredForm::Dense(dfa) = &a.dfa else { unreachable!() };
        let hay = "xcat cat\ndog é";
        for at in 0..=hay.len() {
            let input = Input::new(hay).range(at..).anchored(Anchored::Yes);
            let want = dfa.start_state_forward(&input).unwrap();
            assert_eq!(a.start(dfa, &input).unwrap(), want, "after {at}");
            assert_eq!(a.start(dfa, &input).unwrap(), want, "after {at}, remembered");
        }
        // a pattern, the bytes its matches start with, a haystack, the match
        type Case<'a> = (&'a str, &'a [u8], &'a str, Option<(usize, usize)>);
        let cases: [Case; 4] = [
            (r"ab+c|b+d", b"ab", "xabbd abbc", Some((2, 5))),
            (r"(?-u:\b)cat", b"c", "concat cat", Some((7, 10))),
            (r"(?m)^Tel", b"T", "xTel\nTel", Some((5, 8))),
            (r"a{2,}?", b"a", "baaa", Some((1, 3))),
        ];
        for (source, starts, hay, want) in cases {
            let a = AnchoredDfa::new(AnchoredForm::Dense(build(source)), first(starts));
            let found = a.search(&Input::new(hay), None);
            let Prefixed::Done(found) = found else {
                panic!("{source} on {hay:?}: no try left off")
            };
            assert_eq!(found.unwrap().map(|m| (m.start(), m.end())), want, "{source} on {hay:?}");
            let re = regex::Regex::new(source).unwrap();
            assert_eq!(re.find(hay).map(|m| (m.start(), m.end())), want, "{source}: the regex crate agrees");
        }
        // A pattern that starts with a word boundary: after a word byte no letter starts a match,
        // so "concat" is not tried at its "c"s, and a match after punctuation is still found.
        let a = AnchoredDfa::new(AnchoredForm::Dense(build(r"(?-u:\b)cat")), [first(b"c")[0], [false; 256]]);
        let Prefixed::Done(found) = a.search(&Input::new("concat (cat) cat"), None) else {
            panic!("no try left off")
        };
        assert_eq!(found.unwrap().map(|m| (m.start(), m.end())), Some((8, 11)));
        // Each "A" after a "." starts a try that reads to the end and fails: the search leaves
        // off early instead of reading the text once for each (the catalogue's pattern of company
        // names, searched so, then answers as the regex crate does, at once).
        let hay = format!("Hello. {} end", "A.".repeat(40_000));
        let a = AnchoredDfa::new(
            AnchoredForm::Dense(build(r"(?-u:\b)[A-Z][A-Za-z.]*[ ]Inc")),
            first(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        );
        match a.search(&Input::new(&hay), None) {
            Prefixed::From(at) => assert!(at < 1024, "left off early, at {at}"),
            Prefixed::Done(found) => panic!("the tries read the whole text: {found:?}"),
        }
        let orgs = catalogue::TABLE
            .iter()
            .find(|e| e.1 == Form::AnchoredDense && e.0.starts_with(r"(?-u)(?-u:\b)[A-Z]"))
            .expect("company names are searched anchored");
        let pattern = Pattern::new(orgs.0);
        let re = regex::Regex::new(orgs.0).unwrap();
        finds_as(&pattern, &re, &hay);
    }

    /// Every keyword gate's DFA reports the words an Aho-Corasick automaton of them reports.
    #[test]
    fn gate_dfas_find_what_aho_corasick_finds() {
        use aho_corasick::AhoCorasick;
        use regex_automata::dfa::{Automaton, OverlappingState};
        let mut texts = texts();
        texts.push("RESTATEMENT of non-reliance; Delisting NOTICE, late filing, Nasdaq; declared dividends".into());
        let mut checked = 0;
        for entry in catalogue::TABLE.iter().filter(|e| e.1 == Form::Gate) {
            let words: Vec<&str> = entry.0[1..].split('\0').collect();
            let dfa = gate_dfa(entry.0).expect("the gate's DFA loads");
            let ac = AhoCorasick::builder().ascii_case_insensitive(true).build(&words).unwrap();
            for hay in &texts {
                let want: std::collections::BTreeSet<usize> =
                    ac.find_overlapping_iter(hay.as_str()).map(|m| m.pattern().as_usize()).collect();
                let mut got = std::collections::BTreeSet::new();
                let input = Input::new(hay.as_str());
                let mut state = OverlappingState::start();
                while dfa.try_search_overlapping_fwd(&input, &mut state).is_ok()
                    && let Some(m) = state.get_match()
                {
                    got.insert(m.pattern().as_usize());
                }
                assert_eq!(
                    got,
                    want,
                    "gate of {} words on {:?}",
                    words.len(),
                    hay.chars().take(40).collect::<String>()
                );
            }
            checked += 1;
        }
        assert!(checked >= 3, "the catalogue holds the gates ({checked})");
    }

    #[test]
    fn groups_by_name_and_index() {
        static P: Pattern = Pattern::new(r"(?P<word>[a-z]+)-(\d+)");
        let c = P.captures("x abc-12 y").expect("a match");
        assert_eq!((&c[0], &c["word"], &c[2]), ("abc-12", "abc", "12"));
        assert_eq!(c.name("nothing"), None);
        // a non-ASCII match takes its groups from the full engine
        let c = P.captures("é abc-12").expect("a match");
        assert_eq!(&c["word"], "abc");
    }

    #[test]
    fn split_and_replace_as_the_regex_crate() {
        static P: Pattern = Pattern::new(r"\s*,\s*");
        let re = regex::Regex::new(r"\s*,\s*").unwrap();
        for hay in ["a, b ,c", "", ",", "a,,b", "é , ü"] {
            assert_eq!(P.split(hay).collect::<Vec<_>>(), re.split(hay).collect::<Vec<_>>(), "{hay:?}");
            assert_eq!(P.replace_all(hay, ";"), re.replace_all(hay, ";"), "{hay:?}");
        }
    }

    /// The ASCII cut of a pattern finds, on ASCII text, what the pattern finds, with the same groups.
    #[test]
    fn ascii_cut_matches_as_the_pattern_on_ascii_text() {
        let sources = [
            r"(?u:[\w&.-])+(?:'|’)s\s+(\w+)",
            r"(\p{Lu}\p{L}+)(?:\s+(\p{Lu}\p{L}+))?",
            r"(?i)\b(?:straße|strasse|caf[eé])\b",
            r"\bK(\w*)\b|(?i:k)elvin",
            r"(?m)^\s*(\S+)\s*$",
            r"“([^”]+)”|\x22([^\x22]+)\x22",
        ];
        let hays = [
            "Apple's Board said Acme's CEO.\n  Word  \nKelvin kelvin Kx Strasse cafe \"quoted\" text",
            "",
            "Nestles Chairman Paul Bulcke and CEO Ulf Mark Schneider",
        ];
        for source in sources {
            let re = regex::Regex::new(source).unwrap();
            let hir = regex_syntax::Parser::new().parse(source).unwrap();
            let cut = meta::Regex::builder().build_from_hir(&to_ascii(&hir)).unwrap();
            for hay in hays {
                let want = spans(&re, hay);
                let got: Vec<Vec<Option<(usize, usize)>>> = cut
                    .captures_iter(hay)
                    .map(|c| (0..c.group_len()).map(|i| c.get_group(i).map(|s| (s.start, s.end))).collect())
                    .collect();
                assert_eq!(got, want, "{source} on {hay:?}");
            }
        }
    }

    /// Inside an ASCII text's scope every part of it is known ASCII; a text with other characters
    /// claims nothing, and the claim ends with the scope.
    #[test]
    fn ascii_text_scopes() {
        let text = String::from("plain ascii text");
        {
            let _scope = AsciiText::new(&text);
            assert!(is_ascii(&text.as_bytes()[6..11]));
            assert!(!is_ascii("é".as_bytes()));
        }
        let other = String::from("naïve");
        let _scope = AsciiText::new(&other);
        assert!(!is_ascii(other.as_bytes()));
        assert!(is_ascii(&other.as_bytes()[..2]), "a short haystack is read");
    }

    /// A pattern outside the catalogue still works, compiled at run time.
    #[test]
    fn uncatalogued_patterns_compile_at_run_time() {
        let p = Pattern::owned(format!("(?:{})+", "ab"));
        assert_eq!(catalogued(p.as_str()), None);
        assert_eq!(p.find("xxababy").map(|m| m.as_str()), Some("abab"));
        assert!(used().iter().any(|(s, f)| s == "(?:ab)+" && *f == Form::Runtime));
    }

    /// A Unicode word boundary beside non-ASCII text: the DFA gives up, the full engine answers.
    #[test]
    fn unicode_word_boundaries_fall_back() {
        let p = Pattern::new(r"\bcafé\b");
        assert_eq!(p.find("un café noir").map(|m| m.range()), Some(3..8));
        assert_eq!(p.find("un cafés"), None);
    }
}
