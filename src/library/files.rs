//! Which files of a folder are releases.

use std::collections::HashSet;
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

/// The release files found on the command line, and what was left out with the reason.
#[derive(Debug, Default)]
pub struct Expanded {
    pub files: Vec<PathBuf>,
    /// One line per path that was left out (`path: why`), cleaned for display.
    pub skipped: Vec<String>,
}

/// Expand the command line's paths: a folder gives its release files (recursively, sorted, through
/// symbolic links, each folder once); a file is taken as it is. Hidden entries and files with the
/// extensions of data, images and archives are not releases; anything else that cannot be
/// walked (an unreadable folder, a broken link, a link back into a folder already walked) is
/// named in `skipped`.
pub fn expand<P: AsRef<Path>>(paths: &[P]) -> Expanded {
    let mut out = Expanded::default();
    for p in paths {
        let path = p.as_ref();
        if path.is_dir() {
            let mut found = Vec::new();
            let mut seen = HashSet::new();
            walk(path, &mut found, &mut seen, &mut out.skipped);
            found.sort();
            out.files.extend(found);
        } else {
            out.files.push(path.to_path_buf());
        }
    }
    out
}

fn skip(skipped: &mut Vec<String>, p: &Path, why: impl std::fmt::Display) {
    skipped.push(format!(
        "{}: {}",
        crate::display_safe(&p.to_string_lossy()),
        crate::display_safe(&why.to_string())
    ));
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, seen: &mut HashSet<PathBuf>, skipped: &mut Vec<String>) {
    // a folder reached twice (a link to a parent, two links to one folder) is walked once
    match std::fs::canonicalize(dir) {
        Ok(real) => {
            if !seen.insert(real) {
                return skip(skipped, dir, "skipped: a link to a folder already listed");
            }
        }
        Err(e) => return skip(skipped, dir, format!("skipped: {e}")),
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return skip(skipped, dir, format!("skipped: cannot read the folder: {e}")),
    };
    for e in entries {
        let e = match e {
            Ok(e) => e,
            Err(err) => {
                skip(skipped, dir, format!("skipped an entry: {err}"));
                continue;
            }
        };
        let p = e.path();
        if p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')) {
            continue;
        }
        let Ok(mut ft) = e.file_type() else { continue };
        if ft.is_symlink() {
            match std::fs::metadata(&p) {
                Ok(m) => ft = m.file_type(),
                Err(err) => {
                    skip(skipped, &p, format!("skipped: a link to nothing readable ({err})"));
                    continue;
                }
            }
        }
        if ft.is_dir() {
            walk(&p, out, seen, skipped);
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

    #[cfg(unix)]
    #[test]
    fn links_are_followed_deep_folders_kept_loops_named() {
        let root = std::env::temp_dir().join(format!("irview-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let mut deep = root.join("tree");
        for i in 0..12 {
            deep = deep.join(format!("d{i}"));
        }
        std::fs::create_dir_all(&deep).expect("dirs");
        std::fs::write(deep.join("deep.txt"), "x").expect("write");
        std::fs::write(root.join("real.txt"), "x").expect("write");
        let list = root.join("list");
        std::fs::create_dir_all(&list).expect("dir");
        std::os::unix::fs::symlink(root.join("real.txt"), list.join("linked.txt")).expect("link");
        std::os::unix::fs::symlink(&list, list.join("loop")).expect("link");
        std::os::unix::fs::symlink(root.join("gone.txt"), list.join("broken.txt")).expect("link");
        let e = expand(&[root.join("tree")]);
        assert_eq!(e.files, vec![deep.join("deep.txt")], "no depth limit");
        let e = expand(&[&list]);
        assert_eq!(e.files, vec![list.join("linked.txt")]);
        assert_eq!(e.skipped.len(), 2, "{:?}", e.skipped);
        assert!(
            e.skipped.iter().any(|s| s.contains("loop") && s.contains("already listed")),
            "{:?}",
            e.skipped
        );
        assert!(e.skipped.iter().any(|s| s.contains("broken.txt")), "{:?}", e.skipped);
        let _ = std::fs::remove_dir_all(&root);
    }
}
