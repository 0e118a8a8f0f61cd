//! Determinise the catalogue of regular expressions (`assets/patterns.json`) into DFAs the binary
//! carries, so that a process never compiles them (`src/release/pattern.rs` reads them in place).
//!
//! Each pattern gets a forward and a reverse DFA, dense where both together stay under
//! `DENSE_MAX` bytes (fastest to search), else sparse under `SPARSE_MAX`. A pattern whose DFAs
//! would be larger (counted gaps, which an unanchored search runs many copies of at once) gets a
//! DFA anchored at a start, far smaller, with the set of bytes a match can start with; one too
//! large even so is marked to be compiled at run time. The syntax is the `regex` crate's default,
//! so a DFA matches exactly what `regex::Regex::new(source)` matches.
//!
//! Every DFA is minimised: the catalogue is a fifth smaller (40 MB, not 50), more patterns fit
//! dense, and a search reads fewer distinct states (the corpus 1.4% fewer instructions and some
//! 5% less time, a start 120 fewer page faults). It costs this script about 40 s more.

#[path = "src/release/ascii_cut.rs"]
mod ascii_cut;
// the build script writes the words; what reads and runs them serves the binary only
#[allow(dead_code)]
#[path = "src/release/serial_nfa.rs"]
mod serial_nfa;

use regex_automata::dfa::{Automaton, StartKind, dense};
use regex_automata::nfa::thompson::{self, NFA};
use regex_automata::util::prefilter::Prefilter;
use regex_automata::util::start;
use regex_automata::util::syntax;
use regex_automata::{Anchored, MatchKind};
use regex_syntax::hir::Hir;
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use std::fmt::Write as _;
use std::path::PathBuf;

const DENSE_MAX: usize = 1 << 20;
const SPARSE_MAX: usize = 1 << 20;
/// An anchored DFA is tried at each place a match can start, a few bytes each time: a dense one
/// reads a byte several times faster than a sparse one, and only the states near its start are
/// touched, so a larger one still pays.
const ANCHORED_DENSE_MAX: usize = 4 << 20;
/// An anchored DFA is searched from few places, so a larger (sparse) one still pays.
const ANCHORED_SPARSE_MAX: usize = 2 << 20;
/// A pattern whose unanchored DFA is sparse is searched anchored instead, at the bytes its matches
/// can start with, where there are at most this many such bytes (and the anchored DFA is dense).
const FEW_FIRST_BYTES: u32 = 40;
/// Determinisation stops past this size (the pattern is then compiled at run time).
const BUILD_LIMIT: usize = 24 << 20;

enum Built {
    Dense(Vec<u8>, Vec<u8>),
    Sparse(Vec<u8>, Vec<u8>),
    /// Too large for unanchored search: the anchored DFA and the bytes a match starts with.
    AnchoredDense(Vec<u8>, Vec<u8>),
    AnchoredSparse(Vec<u8>, Vec<u8>),
    Runtime,
}

/// The Thompson NFA of a parsed pattern, as the `regex` crate's syntax reads it: with its groups
/// or none, forward or in reverse, shrunk (a reverse NFA only) or not.
fn compile(hir: &Hir, captures: bool, reverse: bool, shrink: bool) -> Option<NFA> {
    let which = if captures {
        thompson::WhichCaptures::All
    } else {
        thompson::WhichCaptures::None
    };
    thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .utf8(true)
                .nfa_size_limit(Some(10 << 20))
                .which_captures(which)
                .reverse(reverse)
                .shrink(shrink),
        )
        .build_from_hir(hir)
        .ok()
}

/// The forward and reverse DFAs of a parsed pattern, as `regex_automata::dfa::regex::Builder`
/// builds them from a source.
fn build(hir: &Hir) -> Built {
    let dense = |overlay: dense::Config| {
        let mut builder = dense::Builder::new();
        builder.configure(
            dense::Config::new()
                .minimize(true)
                .unicode_word_boundary(true)
                .determinize_size_limit(Some(BUILD_LIMIT))
                .dfa_size_limit(Some(BUILD_LIMIT)),
        );
        // a second configuration sets only what it names, over the first
        builder.configure(overlay);
        builder
    };
    let (Some(fwd_nfa), Some(rev_nfa)) = (compile(hir, false, false, false), compile(hir, false, true, false)) else {
        return Built::Runtime;
    };
    let Ok(fwd) = dense(dense::Config::new()).build_from_nfa(&fwd_nfa) else {
        return Built::Runtime;
    };
    let reverse = dense::Config::new()
        .prefilter(None)
        .specialize_start_states(false)
        .start_kind(StartKind::Anchored)
        .match_kind(MatchKind::All);
    let Ok(rev) = dense(reverse).build_from_nfa(&rev_nfa) else {
        return Built::Runtime;
    };
    if fwd.memory_usage() + rev.memory_usage() <= DENSE_MAX {
        let (f, fp) = fwd.to_bytes_little_endian();
        let (r, rp) = rev.to_bytes_little_endian();
        return Built::Dense(f[fp..].to_vec(), r[rp..].to_vec());
    }
    match (fwd.to_sparse(), rev.to_sparse()) {
        (Ok(f), Ok(r)) if f.memory_usage() + r.memory_usage() <= SPARSE_MAX => {
            Built::Sparse(f.to_bytes_little_endian(), r.to_bytes_little_endian())
        }
        _ => Built::Runtime,
    }
}

/// For a pattern too large to determinise for unanchored search: its DFA for searches anchored at
/// a start (dense, else sparse), and the bytes a match can start with (two 256-bit sets: after a
/// byte that is no word byte, and after a word byte), so that a search tries only the places where
/// one of them stands.
fn build_anchored(hir: &Hir) -> Option<(bool, Vec<u8>, Vec<u8>)> {
    if hir.properties().minimum_len().is_none_or(|n| n == 0) {
        return None;
    }
    let nfa = compile(hir, false, false, false)?;
    let dfa = dense::Builder::new()
        .configure(
            dense::Config::new()
                .minimize(true)
                .unicode_word_boundary(true)
                .start_kind(StartKind::Anchored)
                .determinize_size_limit(Some(BUILD_LIMIT))
                .dfa_size_limit(Some(BUILD_LIMIT)),
        )
        .build_from_nfa(&nfa)
        .ok()?;
    // two sets: after a byte that is not a word byte (or at the start), and after a word byte,
    // where a pattern that starts with a word boundary starts no match with a letter
    let mut first = [0u8; 64];
    for behind in std::iter::once(None).chain((0..=255u8).map(Some)) {
        let config = start::Config::new().anchored(Anchored::Yes).look_behind(behind);
        let Ok(at) = dfa.start_state(&config) else {
            continue;
        };
        let half = if behind.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_') {
            32
        } else {
            0
        };
        for b in 0..=255u8 {
            if !dfa.is_dead_state(dfa.next_state(at, b)) {
                first[half + usize::from(b / 8)] |= 1 << (b % 8);
            }
        }
    }
    if dfa.memory_usage() <= ANCHORED_DENSE_MAX {
        let (bytes, pad) = dfa.to_bytes_little_endian();
        return Some((true, bytes[pad..].to_vec(), first.to_vec()));
    }
    let sparse = dfa.to_sparse().ok().filter(|d| d.memory_usage() <= ANCHORED_SPARSE_MAX)?;
    Some((false, sparse.to_bytes_little_endian(), first.to_vec()))
}

/// The NFAs a process rebuilds (`serial_nfa.rs` words) instead of compiling the pattern:
/// - for a pattern with groups, the NFAs with its groups of its ASCII cut and of itself, to read
///   the groups of a match: the cut's, smaller, where the match and the bytes beside it are ASCII
///   (there the cut reads as the pattern does), the pattern's elsewhere;
/// - for a pattern searched by no unanchored DFA (`searched`), its NFA and its reverse NFA, for
///   a lazy DFA that searches long texts with no pattern compiled, and the same of its ASCII cut
///   (far smaller where the pattern has Unicode classes or case-insensitive letters) for ASCII
///   texts.
///
/// Also the names of its groups, as Rust code: group 0 alone for a pattern without groups, none
/// where its NFA could not be built.
struct Nfas {
    cut: Option<Vec<u32>>,
    full: Option<Vec<u32>>,
    reverse: Option<Vec<u32>>,
    cut_reverse: Option<Vec<u32>>,
    names: String,
}

fn nfas(hir: &Hir, searched: bool) -> Nfas {
    let compile = |hir: &Hir, captures: bool, reverse: bool| compile(hir, captures, reverse, reverse);
    let groups = hir.properties().explicit_captures_len() > 0;
    let full = (groups || searched).then(|| compile(hir, groups, false)).flatten();
    let names: Vec<String> = match (&full, groups) {
        (Some(full), true) => full
            .group_info()
            .pattern_names(regex_automata::PatternID::ZERO)
            .map(|n| n.map_or("None".to_string(), |n| format!("Some({})", literal(n))))
            .collect(),
        // group 0 alone
        (_, false) => vec!["None".to_string()],
        _ => Vec::new(),
    };
    let cut = ascii_cut::to_ascii(hir);
    let encode = |nfa: Option<NFA>| nfa.and_then(|n| serial_nfa::encode(&n));
    Nfas {
        cut: encode((groups || searched).then(|| compile(&cut, groups, false)).flatten()),
        full: encode(full),
        reverse: encode(searched.then(|| compile(hir, false, true)).flatten()),
        cut_reverse: encode(searched.then(|| compile(&cut, false, true)).flatten()),
        names: format!("&[{}]", names.join(", ")),
    }
}

/// A keyword gate's words (the catalogue keys them as `\0word\0word...`): one forward DFA of
/// them all, ASCII case-insensitive, reporting every word that ends at each place (overlapping
/// search), as an Aho-Corasick automaton would.
fn build_gate(words: &str) -> Option<Vec<u8>> {
    let words: Vec<String> = words.split('\0').map(regex_syntax::escape).collect();
    let dfa = dense::Builder::new()
        .configure(
            dense::Config::new()
                .match_kind(MatchKind::All)
                .minimize(true)
                .determinize_size_limit(Some(BUILD_LIMIT))
                .dfa_size_limit(Some(BUILD_LIMIT)),
        )
        .syntax(syntax::Config::new().case_insensitive(true).unicode(false).utf8(false))
        .thompson(thompson::Config::new().utf8(false))
        .build_many(&words)
        .ok()?;
    if dfa.memory_usage() > DENSE_MAX {
        return None;
    }
    let (bytes, pad) = dfa.to_bytes_little_endian();
    Some(bytes[pad..].to_vec())
}

/// The literals every match of a pattern starts with, where a prefilter of them is fast (a few
/// rare bytes, substrings, or a Teddy set), as `regex_automata::meta` would extract them: a
/// search of a long text then jumps between their places and tries the DFA only there.
fn prefixes(hir: &Hir) -> Vec<Vec<u8>> {
    let mut seq = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
    seq.optimize_for_prefix_by_preference();
    let Some(literals) = seq.literals() else {
        return Vec::new();
    };
    let literals: Vec<Vec<u8>> = literals.iter().map(|l| l.as_bytes().to_vec()).collect();
    let fast = !literals.is_empty()
        && literals.iter().all(|l| !l.is_empty())
        && Prefilter::new(MatchKind::LeftmostFirst, &literals).is_some_and(|p| p.is_fast());
    if fast { literals } else { Vec::new() }
}

/// `text` as a Rust string literal (NUL as `\u{0}`, so no escape reads as octal).
fn literal(text: &str) -> String {
    let inner: String = text
        .chars()
        .map(|c| {
            if c == '\0' {
                "\\u{0}".to_string()
            } else {
                c.escape_debug().to_string()
            }
        })
        .collect();
    format!("\"{inner}\"")
}

/// The binary's relative relocations packed (DT_RELR), where the C library reads them (glibc 2.36
/// and later): the dynamic loader then reads 11 KB of them instead of 700 KB and a process starts
/// about a millisecond sooner. The binary then names the glibc version it needs, so that an older
/// glibc refuses it at once, with a message, rather than run it unrelocated. Only for a build on
/// Linux with glibc for the machine it runs on.
///
/// The binaries are also linked at a fixed address (not PIE): the loader then has nothing of its
/// own image to relocate, where a PIE has 29,000 pointers in 186 pages of read-only tables (HTML
/// entities, Unicode classes, phone metadata) that each start writes, so each page is copied.
/// The cost is that the executable's own code and tables are not placed at a random address (the
/// C library, the heap and the stack still are). `IRVIEW_PIE=1` at build time keeps a PIE.
fn pack_relative_relocations() {
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") != "linux" || var("CARGO_CFG_TARGET_ENV") != "gnu" || var("HOST") != var("TARGET") {
        return;
    }
    // "glibc 2.36"
    let Ok(out) = std::process::Command::new("getconf").arg("GNU_LIBC_VERSION").output() else {
        return;
    };
    let version = String::from_utf8_lossy(&out.stdout);
    let mut parts = version
        .trim()
        .strip_prefix("glibc ")
        .unwrap_or("")
        .split('.')
        .map(|p| p.parse::<u32>().ok());
    if let (Some(Some(major)), Some(Some(minor))) = (parts.next(), parts.next())
        && (major, minor) >= (2, 36)
    {
        println!("cargo::rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
    println!("cargo::rerun-if-env-changed=IRVIEW_PIE");
    if var("IRVIEW_PIE") != "1" {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}

/// When a process reads a piece of the catalogue's bytes: as a pattern is first searched (its
/// forward DFA, the first bytes of an anchored one, a gate), at its first match (its reverse DFA),
/// for the groups of an ASCII match (the NFA words of its ASCII cut), or rarely (the others).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Use {
    Start,
    Match,
    Groups,
    Rarely,
}

struct Piece {
    use_: Use,
    bytes: Vec<u8>,
}

/// A row of the table as Rust code, with the pieces it names (forward DFA or gate, reverse DFA or
/// first bytes, the four NFAs' words: see `Entry`), placed once all are built.
struct Row {
    source: String,
    form: &'static str,
    pieces: [Option<usize>; 6],
    names: String,
    prefixes: String,
}

/// The blob of all pieces, each at an offset aligned to 8, and where each sits (offset, length).
/// Ordered by when a process reads them, then by size: a process maps the binary's pages as it
/// first touches them, a window of 64 KB of the page cache at a time, so the small DFAs nearly
/// every release searches sit side by side in a few windows, not one window each (the bundled
/// release's start: fewer page faults), and those read rarely sit apart at the end.
fn place(pieces: &[Piece]) -> (Vec<u8>, Vec<(usize, usize)>) {
    let mut order: Vec<usize> = (0..pieces.len()).collect();
    order.sort_by_key(|&i| (pieces[i].use_, pieces[i].bytes.len(), i));
    let mut blob = Vec::new();
    let mut placed = vec![(0, 0); pieces.len()];
    for i in order {
        while blob.len() % 8 != 0 {
            blob.push(0);
        }
        placed[i] = (blob.len(), pieces[i].bytes.len());
        blob.extend_from_slice(&pieces[i].bytes);
    }
    (blob, placed)
}

fn main() {
    pack_relative_relocations();
    println!("cargo::rerun-if-changed=assets/patterns.json");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/release/ascii_cut.rs");
    println!("cargo::rerun-if-changed=src/release/serial_nfa.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let list = std::fs::read_to_string("assets/patterns.json").expect("assets/patterns.json");
    let mut sources: Vec<String> = serde_json::from_str(&list).expect("assets/patterns.json: a list of strings");
    sources.sort();
    sources.dedup();

    // every piece of bytes an entry names, placed in the blob after all are built (see `place`)
    let mut pieces: Vec<Piece> = Vec::new();
    let mut piece = |use_: Use, bytes: Vec<u8>| -> usize {
        pieces.push(Piece { use_, bytes });
        pieces.len() - 1
    };
    let mut rows: Vec<Row> = Vec::new();
    for source in &sources {
        if let Some(words) = source.strip_prefix('\0') {
            let (form, gate) = match build_gate(words) {
                Some(dfa) => ("Gate", Some(piece(Use::Start, dfa))),
                None => ("Runtime", None),
            };
            rows.push(Row {
                source: literal(source),
                form,
                pieces: [gate, None, None, None, None, None],
                names: "&[]".into(),
                prefixes: String::new(),
            });
            continue;
        }
        let syntax = syntax::Config::new().utf8(true).nest_limit(250);
        let hir = syntax::parse_with(source, &syntax).unwrap_or_else(|e| panic!("catalogue pattern {source:?}: {e}"));
        let built = match build(&hir) {
            Built::Runtime => match build_anchored(&hir) {
                Some((true, dfa, first)) => Built::AnchoredDense(dfa, first),
                Some((false, dfa, first)) => Built::AnchoredSparse(dfa, first),
                None => Built::Runtime,
            },
            // A sparse DFA reads a byte slowly; where matches can start only at few bytes (a capital
            // letter), a dense DFA anchored there, tried only at those, reads far fewer.
            Built::Sparse(f, r) => match build_anchored(&hir) {
                Some((true, dfa, first)) if first[..32].iter().map(|b| b.count_ones()).sum::<u32>() <= FEW_FIRST_BYTES => {
                    Built::AnchoredDense(dfa, first)
                }
                _ => Built::Sparse(f, r),
            },
            built => built,
        };
        // the reverse DFA is read at a pattern's first match; the first bytes of an anchored one
        // with its DFA
        let (form, forward, second) = match built {
            Built::Dense(f, r) => ("Dense", Some(piece(Use::Start, f)), Some(piece(Use::Match, r))),
            Built::Sparse(f, r) => ("Sparse", Some(piece(Use::Start, f)), Some(piece(Use::Match, r))),
            Built::AnchoredDense(f, first) => ("AnchoredDense", Some(piece(Use::Start, f)), Some(piece(Use::Start, first))),
            Built::AnchoredSparse(f, first) => ("AnchoredSparse", Some(piece(Use::Start, f)), Some(piece(Use::Start, first))),
            Built::Runtime => ("Runtime", None, None),
        };
        let searched = matches!(form, "AnchoredDense" | "AnchoredSparse" | "Runtime");
        let nfas = nfas(&hir, searched);
        let mut words = |use_: Use, words: Option<Vec<u32>>| words.map(|w| piece(use_, serial_nfa::to_bytes(&w)));
        let nfa_pieces = [
            words(Use::Groups, nfas.cut),
            words(Use::Rarely, nfas.full),
            words(Use::Rarely, nfas.reverse),
            words(Use::Rarely, nfas.cut_reverse),
        ];
        let prefixes: Vec<String> = prefixes(&hir).iter().map(|l| format!("b\"{}\"", l.escape_ascii())).collect();
        let [c, n, v, x] = nfa_pieces;
        rows.push(Row {
            source: literal(source),
            form,
            pieces: [forward, second, c, n, v, x],
            names: nfas.names,
            prefixes: prefixes.join(", "),
        });
    }
    let (blob, placed) = place(&pieces);
    let mut table = String::new();
    for Row {
        source,
        form,
        pieces: named,
        names,
        prefixes,
    } in &rows
    {
        let at: Vec<String> = named
            .iter()
            .map(|p| {
                let (at, len) = p.map_or((0, 0), |p| placed[p]);
                format!("{at}, {len}")
            })
            .collect();
        writeln!(table, "    ({source}, Form::{form}, {}, {names}, &[{prefixes}]),", at.join(", ")).unwrap();
    }
    std::fs::write(out.join("patterns.bin"), &blob).expect("write patterns.bin");
    let code = format!(
        "/// A pattern's source, form, its forward and reverse DFAs, its NFAs (of its ASCII cut with\n\
         /// groups, of itself, of itself in reverse, of its ASCII cut in reverse; offset and length\n\
         /// in `BYTES` each), the names of its groups, and the literals every match starts with (none\n\
         /// where a prefilter of them would not be fast).\n\
         pub type Entry = (&'static str, Form, u32, u32, u32, u32, u32, u32, u32, u32, u32, u32, u32, u32, &'static [Option<&'static str>], &'static [&'static [u8]]);\n\
         pub static TABLE: [Entry; {n}] = [\n{table}];\n\
         pub static BYTES: &Aligned<[u8]> = &Aligned {{ bytes: *include_bytes!(concat!(env!(\"OUT_DIR\"), \"/patterns.bin\")) }};\n",
        n = sources.len()
    );
    std::fs::write(out.join("patterns.rs"), code).expect("write patterns.rs");
}
