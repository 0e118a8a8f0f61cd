//! Peak memory of parsing and printing, against the size of the input. A counting allocator
//! (this test binary only) records the heap's high-water mark; the figures are printed with
//! `cargo test --release --test memory -- --nocapture`.
//!
//! What is measured is the heap a release adds, over the input's size. The fixed cost of a
//! process (the compiled patterns and the bounded caches of their matchers, a few tens of MB
//! whatever the input) is paid first, by reading one release of each shape, and not counted.
//! A `realloc` counts as the change of size: the system allocator grows large blocks in place
//! (by remapping pages), so a growing list never holds two copies of itself.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Peak;

static NOW: AtomicUsize = AtomicUsize::new(0);
static HIGH: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = NOW.fetch_add(by, Ordering::Relaxed) + by;
    HIGH.fetch_max(now, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Peak {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                NOW.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Peak = Peak;

/// Heap high-water mark of parsing `bytes` and writing the JSON (as `--json` does), over the input size.
fn json_ratio(bytes: Vec<u8>) -> f64 {
    let size = bytes.len();
    let base = NOW.load(Ordering::Relaxed);
    HIGH.store(base, Ordering::Relaxed);
    let r = irview::release::parse_owned(bytes, Some("generated.txt")).expect("parse");
    serde_json::to_writer(std::io::sink(), &r).expect("json");
    drop(r);
    (HIGH.load(Ordering::Relaxed) - base) as f64 / size as f64
}

/// The same for opening the release in the viewer: the release, its panels and the first
/// panel's screen rows.
fn viewer_ratio(bytes: Vec<u8>) -> f64 {
    let size = bytes.len();
    let base = NOW.load(Ordering::Relaxed);
    HIGH.store(base, Ordering::Relaxed);
    let r = irview::release::parse_owned(bytes, Some("generated.txt")).expect("parse");
    let panels = irview::tui::view::panels::build(&r);
    let rows = irview::tui::view::wrap::wrap(&panels[0].lines, 100);
    drop(rows);
    drop(panels);
    drop(r);
    (HIGH.load(Ordering::Relaxed) - base) as f64 / size as f64
}

/// Input shapes, each `n` units long: a real release repeated, and the pathological shapes of
/// text that is all records (one line, paragraph or fact every few bytes).
fn shapes(n: usize) -> Vec<(&'static str, String)> {
    let seed =
        String::from_utf8(std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sonus-networks-2004-03-29.txt")).expect("seed"))
            .expect("utf-8");
    vec![
        ("short lines", (0..n * 4).map(|i| format!("ab {}\n", i % 10)).collect()),
        ("tiny paragraphs", (0..n * 2).map(|i| format!("Word {}.\n\n", i % 10)).collect()),
        (
            "dense facts",
            (0..n / 2)
                .map(|i| {
                    format!(
                        "On May 5, 2024 pay ${}.00 call 555-555-{:04}. {}",
                        i % 1000,
                        i % 10_000,
                        if i % 5 == 0 { "\n\n" } else { "" }
                    )
                })
                .collect(),
        ),
        ("real prose", seed.repeat((n / 1500).max(1))),
    ]
}

// One test: the allocator's figures are for the whole process, so nothing may run beside it.
#[test]
fn peak_memory_stays_within_10x_of_the_input() {
    // the fixed cost: patterns compiled, matchers' caches filled
    for (_, text) in shapes(2_000) {
        json_ratio(text.clone().into_bytes());
        viewer_ratio(text.into_bytes());
    }
    let mut report = Vec::new();
    // The promise is 10x for any input; the bounds hold each shape to what it measures, with a
    // little room, so that no shape can grow unnoticed.
    let bounds = [
        ("short lines", 4.5, 4.5),
        ("tiny paragraphs", 8.0, 7.0),
        ("dense facts", 9.5, 9.0),
        ("real prose", 2.5, 4.0),
    ];
    for ((name, text), (_, json_bound, viewer_bound)) in shapes(120_000).into_iter().zip(bounds) {
        let mib = text.len() as f64 / (1024.0 * 1024.0);
        let json = json_ratio(text.clone().into_bytes());
        let viewer = viewer_ratio(text.into_bytes());
        eprintln!("{name}: {mib:.1} MiB in, heap peak {json:.1}x the input for --json, {viewer:.1}x in the viewer");
        report.push((name, "--json", json, json_bound));
        report.push((name, "viewer", viewer, viewer_bound));
    }
    for (name, mode, r, bound) in report {
        assert!(bound <= 10.0, "{name}: a bound above the promise");
        assert!(r <= bound, "{name} ({mode}): peak heap {r:.1}x the input (bound {bound}x)");
    }
}
