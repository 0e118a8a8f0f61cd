//! Batch mode: parse the whole shared corpus on all cores, as `irview --json DIR` does.
//! Reports releases per second and MB/s. Run: `cargo bench --bench batch`.

use divan::Bencher;
use std::path::PathBuf;

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn whole_corpus(b: Bencher) {
    let dir = std::env::var_os("IRVIEW_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    if !dir.is_dir() {
        eprintln!("corpus not found: batch bench skipped");
        return;
    }
    let paths: Vec<PathBuf> = irview::library::files::expand(&[&dir]).files;
    let bytes: usize = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len() as usize)
        .sum();
    b.counter(divan::counter::BytesCount::new(bytes))
        .counter(divan::counter::ItemsCount::new(paths.len()))
        .bench(|| {
            let mut n = 0;
            irview::library::parallel::in_order_with(paths.clone(), 64, irview::library::parallel::Hashes::Skip, |p| {
                if p.result.is_ok() {
                    n += 1;
                }
            });
            n
        });
}
