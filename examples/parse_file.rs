//! Parse a file N times (for profiling): `cargo run --release --example parse_file -- FILE [N]`.
//! With `--pathological MB` it parses generated adversarial text instead.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (bytes, n) = if args.first().map(String::as_str) == Some("--pathological") {
        let mb: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(2);
        (irview::release::stress::pathological(mb * 1_000_000).into_bytes(), 1)
    } else {
        let path = args.first().expect("usage: parse_file FILE [N]");
        (
            std::fs::read(path).expect("read"),
            args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1),
        )
    };
    let t = std::time::Instant::now();
    let mut facts = 0;
    for _ in 0..n {
        let r = irview::release::parse(&bytes, None).expect("parse");
        facts += r.facts.len();
    }
    eprintln!(
        "{n} parse(s) of {} bytes: {:?} per parse, {facts} facts",
        bytes.len(),
        t.elapsed() / n
    );
}
