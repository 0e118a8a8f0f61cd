//! Shared helpers for the integration tests.

#![allow(dead_code)]

use std::path::PathBuf;

/// The shared corpus: `$IRVIEW_CORPUS`, else `../shared/corpus` beside the project.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("IRVIEW_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    if dir.is_dir() {
        Some(dir)
    } else {
        // written to stderr directly, past the test harness's capture, so it is seen
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "NOTE: corpus not found at {} (set IRVIEW_CORPUS): corpus checks skipped",
            dir.display()
        );
        None
    }
}

/// Every release file of the shared corpus.
pub fn corpus_files() -> Vec<PathBuf> {
    corpus_dir().map(|d| releases_in(&d)).unwrap_or_default()
}

/// The project's own corpus (`tests/corpus`): real releases from sources the shared corpus does not
/// use, labelled blind. Always present.
pub fn bundled_corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// Release files of one corpus folder (labels, the manifest and the README are not releases).
pub fn releases_in(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            p.is_file() && !name.ends_with(".expect.json") && name != "MANIFEST.tsv" && name != "README.md"
        })
        .collect();
    files.sort();
    files
}

/// Every release of both corpora: the shared one when present, and the project's own.
pub fn all_corpus_files() -> Vec<PathBuf> {
    let mut files = corpus_files();
    files.extend(releases_in(&bundled_corpus_dir()));
    files
}

pub mod screen;
