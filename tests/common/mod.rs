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

/// Every release file of the corpus (labels, the manifest and the README are not releases).
pub fn corpus_files() -> Vec<PathBuf> {
    let Some(dir) = corpus_dir() else { return Vec::new() };
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

pub mod screen;
