//! What irview remembers between runs, in the XDG state directory (`$XDG_STATE_HOME/irview/`,
//! default `~/.local/state/irview/`): releases marked reviewed and the last panel and position
//! per release, keyed by a hash of the release's bytes. Written atomically (temp file, fsync,
//! rename), so a crash mid-write leaves the old file whole.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A stable key for a release's content.
pub fn content_hash(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    d.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// `$XDG_STATE_HOME/irview`, else `~/.local/state/irview`.
pub fn state_dir() -> Option<PathBuf> {
    crate::library::dirs::xdg("XDG_STATE_HOME", ".local/state")
}

/// Write `bytes` to `path` atomically: a temp file beside it, flushed to disk, then renamed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("irview");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Where a release was left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub panel: usize,
    /// Line of the panel at the top of the screen (rows change with the width; lines do not).
    pub line: usize,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct State {
    #[serde(default)]
    pub reviewed: BTreeSet<String>,
    #[serde(default)]
    pub positions: BTreeMap<String, Position>,
}

impl State {
    fn file(dir: &Path) -> PathBuf {
        dir.join("state.json")
    }

    /// Load the state; a missing or damaged file gives an empty state (the damage is reported).
    pub fn load(dir: &Path) -> (State, Option<String>) {
        match std::fs::read(Self::file(dir)) {
            Err(_) => (State::default(), None),
            Ok(bytes) => match serde_json::from_slice(&bytes) {
                Ok(s) => (s, None),
                Err(e) => (
                    State::default(),
                    Some(format!("{}: {e}; starting afresh", Self::file(dir).display())),
                ),
            },
        }
    }

    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        write_atomic(&Self::file(dir), &json)
    }

    /// Mark or unmark a release; returns whether it is now marked.
    pub fn toggle_reviewed(&mut self, hash: &str) -> bool {
        if self.reviewed.remove(hash) {
            false
        } else {
            self.reviewed.insert(hash.to_string());
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_and_positions_persist_atomically() {
        let dir = std::env::temp_dir().join(format!("irview-state-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let (mut s, warn) = State::load(&dir);
        assert!(warn.is_none() && s.reviewed.is_empty());
        let h = content_hash(b"release");
        assert!(s.toggle_reviewed(&h));
        s.positions.insert(h.clone(), Position { panel: 2, line: 40 });
        s.save(&dir).expect("save");
        let (back, _) = State::load(&dir);
        assert!(back.reviewed.contains(&h));
        assert_eq!(back.positions[&h], Position { panel: 2, line: 40 });
        // no temp files are left behind
        let names: Vec<String> = std::fs::read_dir(&dir)
            .expect("dir")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["state.json"]);
        // a damaged file is reported and replaced by an empty state, not a crash
        std::fs::write(dir.join("state.json"), b"{not json").expect("write");
        let (s, warn) = State::load(&dir);
        assert!(s.reviewed.is_empty() && warn.is_some_and(|w| w.contains("state.json")));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(content_hash(b"abc"), "ba7816bf8f01cfea414140de5dae2223");
    }
}
