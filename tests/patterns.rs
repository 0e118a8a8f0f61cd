//! The pattern catalogue (`assets/patterns.json`) holds every pattern that parsing uses, so the
//! build script determinises them all (or writes their NFAs) and no process compiles one at run
//! time; the bundled release, the cold-start budget's input, runs on the catalogue alone.
//!
//! When a change adds or edits a pattern, this test names it; `IRVIEW_UPDATE_PATTERNS=1 cargo test
//! --test patterns` adds the patterns in use to the catalogue (a rebuild then determinises them).

mod common;

use irview::release::pattern::{self, Form};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Patterns too large to determinise within the build's limits (a lazy DFA on their NFAs searches
/// them), which the bundled release uses. A ratchet: lower it as such patterns are split or rewritten.
const MAX_RUNTIME_FOR_SEED: usize = 1;

fn parse(path: &Path) {
    let bytes = std::fs::read(path).expect("read release");
    let _ = irview::release::parse(&bytes, path.to_str());
}

// One test, run alone in its binary: the list of patterns used is per process.
#[test]
fn catalogue_holds_every_pattern_parsing_uses() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    parse(&root.join("assets/sonus-networks-2004-03-29.txt"));
    let updating = std::env::var_os("IRVIEW_UPDATE_PATTERNS").is_some();
    // the cold-start budget's input compiles no engine: DFAs and NFAs of the catalogue answer all
    // (a pattern just edited is not in the catalogue yet while it is being updated)
    assert!(
        updating || pattern::engines_compiled() == 0,
        "the bundled release compiles no regular expression at run time"
    );
    let seed_runtime: Vec<String> = pattern::used()
        .into_iter()
        .filter(|(_, f)| *f == Form::Runtime)
        .map(|(s, _)| s)
        .collect();

    let mut inputs = common::releases_in(&common::bundled_corpus_dir());
    inputs.extend(common::corpus_files());
    for path in &inputs {
        parse(path);
    }
    for i in 0..50 {
        let text = irview::release::stress::small_release(i);
        let _ = irview::release::parse(text.as_bytes(), Some("small.txt"));
    }

    let used: BTreeSet<String> = pattern::used().into_iter().map(|(s, _)| s).collect();
    let missing: Vec<&String> = used.iter().filter(|s| pattern::catalogued(s).is_none()).collect();
    if updating {
        let file = root.join("assets/patterns.json");
        let old: Vec<String> = serde_json::from_str(&std::fs::read_to_string(&file).expect("catalogue")).expect("catalogue json");
        let all: BTreeSet<String> = old.into_iter().chain(used.iter().cloned()).collect();
        let mut json = serde_json::to_string_pretty(&all.into_iter().collect::<Vec<_>>()).expect("json");
        json.push('\n');
        std::fs::write(&file, json).expect("write catalogue");
        eprintln!("catalogue updated: {} patterns added", missing.len());
        return;
    }
    assert!(
        missing.is_empty(),
        "{} patterns in use are not in assets/patterns.json (run IRVIEW_UPDATE_PATTERNS=1 cargo test --test patterns):\n{}",
        missing.len(),
        missing.iter().map(|s| format!("  {s}")).collect::<Vec<_>>().join("\n")
    );
    eprintln!("bundled release: {} patterns compiled at run time", seed_runtime.len());
    assert!(
        seed_runtime.len() <= MAX_RUNTIME_FOR_SEED,
        "the bundled release compiles {} patterns at run time (at most {MAX_RUNTIME_FOR_SEED}):\n{}",
        seed_runtime.len(),
        seed_runtime.join("\n")
    );
}
