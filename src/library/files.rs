//! Which files of a folder are releases.

use std::path::{Path, PathBuf};

/// Extensions that are never releases (labels, data, images, archives).
const NOT_RELEASES: &[&str] = &[
    "json", "tsv", "csv", "png", "jpg", "jpeg", "gif", "webp", "pdf", "zip", "gz", "xz", "bz2", "exe", "ics", "lock", "toml", "yaml", "yml",
];

fn is_release(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with('.') || name.eq_ignore_ascii_case("README.md") || name.eq_ignore_ascii_case("MANIFEST.tsv") {
        return false;
    }
    let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    !NOT_RELEASES.contains(&ext.as_str())
}

/// Expand the command line's paths: a folder gives its release files (recursively, sorted); a
/// file is taken as it is. Errors reading a folder are returned per path.
pub fn expand(paths: &[String]) -> Vec<Result<PathBuf, (String, String)>> {
    let mut out = Vec::new();
    for p in paths {
        let path = PathBuf::from(p);
        if path.is_dir() {
            let mut found = Vec::new();
            walk(&path, &mut found, 0);
            found.sort();
            out.extend(found.into_iter().map(Ok));
        } else {
            out.push(Ok(path));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    if depth > 8 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() {
            if !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')) {
                walk(&p, out, depth + 1);
            }
        } else if ft.is_file() && is_release(&p) {
            out.push(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releases_only() {
        assert!(is_release(Path::new("a/2004-sonus.txt")));
        assert!(is_release(Path::new("a/x.htm")));
        assert!(is_release(Path::new("a/x.md")));
        assert!(!is_release(Path::new("a/x.expect.json")));
        assert!(!is_release(Path::new("a/MANIFEST.tsv")));
        assert!(!is_release(Path::new("a/README.md")));
        assert!(!is_release(Path::new("a/.hidden.txt")));
    }
}
