//! Load + extract: the bundled release, the largest corpus release, and pathological input
//! (time per MB must stay within a small factor of a normal release).
//! Run: `cargo bench --bench load_extract`.

use divan::Bencher;
use std::path::PathBuf;

fn main() {
    divan::main();
}

fn corpus(name: &str) -> Option<Vec<u8>> {
    let dir = std::env::var_os("IRVIEW_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    std::fs::read(dir.join(name)).ok()
}

#[divan::bench]
fn seed(b: Bencher) {
    let bytes = irview::BUNDLED.as_bytes();
    b.counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| irview::release::parse(divan::black_box(bytes), Some("seed.txt")));
}

#[divan::bench]
fn largest_corpus_release(b: Bencher) {
    let Some(bytes) = corpus("2022-oracle-q4-fy22-earnings-ex99-1.htm") else {
        eprintln!("corpus not found: largest_corpus_release skipped");
        return;
    };
    b.counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| irview::release::parse(divan::black_box(&bytes), Some("large.htm")));
}

/// A normal release repeated to 2 MB: the baseline for time per MB.
#[divan::bench(sample_count = 20)]
fn normal_2mb(b: Bencher) {
    let text = irview::BUNDLED.repeat(2_000_000 / irview::BUNDLED.len());
    b.counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| irview::release::parse(divan::black_box(text.as_bytes()), Some("n.txt")));
}

/// 2 MB of the patterns that trouble regex-based extractors.
#[divan::bench(sample_count = 20)]
fn pathological_2mb(b: Bencher) {
    let text = irview_bench_support::pathological(2_000_000);
    b.counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| irview::release::parse(divan::black_box(text.as_bytes()), Some("p.txt")));
}

mod irview_bench_support {
    pub fn pathological(size: usize) -> String {
        irview::release::stress::pathological(size)
    }
}
