//! No module of `src/` imports one that imports it back. A module here is a folder's child
//! (`tui::app`, `tui::ui`, `library::store`, `release::extract`): every file below a folder counts
//! as that child, so `tui::ui::list` importing `tui::app` while `tui::app` imports
//! `tui::ui::layout` is a cycle between `tui::ui` and `tui::app`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src readable").flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The unit a path of `crate::` segments belongs to: its first two segments.
fn unit(segments: &[&str]) -> String {
    segments.iter().take(2).copied().collect::<Vec<_>>().join("::")
}

/// The unit of a file: `src/tui/ui/list.rs` is `tui::ui`, `src/tui/app.rs` is `tui::app`.
fn unit_of_file(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src").with_extension("");
    let parts: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).filter(|p| *p != "mod").collect();
    unit(&parts)
}

/// Every `crate::a::b` path in a file (in `use` lines and inline paths alike), grouped
/// `use crate::x::{a, b}` included.
fn imports(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(p) = rest.find("crate::") {
            let after = &rest[p + "crate::".len()..];
            let path: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            if !segs.is_empty() {
                // `crate::tui::{app, ui}`: the group names children of `tui`
                let brace = after[path.len()..].starts_with('{');
                if brace && segs.len() == 1 {
                    let inner: String = after[path.len() + 1..].chars().take_while(|c| *c != '}').collect();
                    for name in inner.split(',').map(|s| s.trim().split("::").next().unwrap_or("").trim()) {
                        if !name.is_empty() && name != "self" {
                            out.insert(unit(&[segs[0], name]));
                        }
                    }
                } else {
                    out.insert(unit(&segs));
                }
            }
            rest = &after[path.len()..];
        }
    }
    out
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &all {
        if f.file_name().is_some_and(|n| n == "main.rs" || n == "cli.rs") {
            continue; // the binary, not the library crate
        }
        let from = unit_of_file(&src, f);
        let text = std::fs::read_to_string(f).expect("read");
        // imports inside `#[cfg(test)]` modules do not shape the crate
        let text = text.split("#[cfg(test)]").next().unwrap_or("");
        for to in imports(text) {
            // a unit importing inside itself, or the crate root (`crate::display_safe`)
            let top = |u: &str| u.split("::").next().unwrap_or("").to_string();
            if to != from && !(to.split("::").count() == 1 && top(&to) == top(&from)) {
                graph.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    // a unit reaching itself again through its imports is a cycle
    let mut cycles = Vec::new();
    for start in graph.keys() {
        let mut stack: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((node, path)) = stack.pop() {
            for next in graph.get(&node).into_iter().flatten() {
                if next == start {
                    cycles.push(format!("{} -> {start}", path.join(" -> ")));
                } else if seen.insert(next.clone()) {
                    let mut p = path.clone();
                    p.push(next.clone());
                    stack.push((next.clone(), p));
                }
            }
        }
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
    // the check sees the imports it must see
    assert!(graph["tui::ui"].contains("tui::app"));
    assert!(graph["tui::shell"].contains("library::store"));
}

#[test]
fn the_reader_of_imports_sees_groups_and_inline_paths() {
    let got = imports("use crate::tui::{app::App, ui};\nlet x = crate::library::state::content_hash(b);\n// crate::no::comment");
    let want: BTreeSet<String> = ["tui::app", "tui::ui", "library::state"].iter().map(|s| s.to_string()).collect();
    assert_eq!(got, want);
}
