//! What irview remembers between runs, in the XDG state directory (`$XDG_STATE_HOME/irview/`,
//! default `~/.local/state/irview/`): releases marked reviewed and the last panel and position
//! per release, keyed by a hash of the release's bytes. Written atomically (temp file, fsync,
//! rename), so a crash mid-write leaves the old file whole, and merged under an advisory lock, so
//! two sessions never lose each other's marks.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A stable key for a release's content.
pub fn content_hash(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    d.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// `$XDG_STATE_HOME/irview`, else `~/.local/state/irview`.
pub fn state_dir() -> Option<PathBuf> {
    crate::library::dirs::xdg("XDG_STATE_HOME", ".local/state")
}

/// Write `bytes` to `path` atomically: a temp file beside it, flushed to disk, then renamed. The
/// temp file's name is short and fixed in length, so any name that is valid for `path` works.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".irview-{}-{n}.tmp", std::process::id()));
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

/// The remembered marks and positions. Several irview sessions can run at once: each one saves
/// only what it changed, merged into the file as it is on disk at that moment (under an advisory
/// lock), so no session's marks are lost to another's.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct State {
    #[serde(default)]
    pub reviewed: BTreeSet<String>,
    #[serde(default)]
    pub positions: BTreeMap<String, Position>,
    /// The state as last read from or written to disk: what this session changed is the difference.
    #[serde(skip)]
    base: (BTreeSet<String>, BTreeMap<String, Position>),
    /// Something the reader should know about the file (damage, entries left out), once.
    #[serde(skip)]
    pub notice: Option<String>,
}

impl State {
    fn file(dir: &Path) -> PathBuf {
        dir.join("state.json")
    }

    /// Load the state. A missing file is an empty state. A damaged file is kept beside it as
    /// `state.json.bad-<time>` and reported; the entries that can be read are used.
    pub fn load(dir: &Path) -> (State, Option<String>) {
        let (reviewed, positions, notice) = read_lenient(&Self::file(dir));
        let base = (reviewed.clone(), positions.clone());
        let state = State {
            reviewed,
            positions,
            base,
            notice: notice.clone(),
        };
        (state, notice)
    }

    /// Save this session's changes: under a lock on `state.json.lock`, re-read the file, apply
    /// the marks and positions this session changed since it last read or wrote it, and write the
    /// result atomically. Afterwards this state holds the merged file (other sessions' marks too).
    pub fn save(&mut self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join("state.json.lock"))?;
        // fs4's flock/LockFileEx (std's own File::lock is newer than the supported toolchain)
        fs4::FileExt::lock(&lock)?;
        let (mut reviewed, mut positions, notice) = read_lenient(&Self::file(dir));
        if notice.is_some() {
            self.notice = notice;
        }
        for h in self.reviewed.difference(&self.base.0) {
            reviewed.insert(h.clone());
        }
        for h in self.base.0.difference(&self.reviewed) {
            reviewed.remove(h);
        }
        for (h, p) in &self.positions {
            if self.base.1.get(h) != Some(p) {
                positions.insert(h.clone(), *p);
            }
        }
        self.reviewed = reviewed;
        self.positions = positions;
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        let written = write_atomic(&Self::file(dir), &json);
        let _ = fs4::FileExt::unlock(&lock);
        written?;
        self.base = (self.reviewed.clone(), self.positions.clone());
        Ok(())
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

type Entries = (BTreeSet<String>, BTreeMap<String, Position>, Option<String>);

/// Read the state file, keeping every entry that can be read. A file that is not JSON, or holds
/// entries that cannot be read, is copied aside as `state.json.bad-<time>` and named in the notice.
fn read_lenient(file: &Path) -> Entries {
    let mut reviewed = BTreeSet::new();
    let mut positions = BTreeMap::new();
    let shown = || crate::display_safe(&file.to_string_lossy());
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (reviewed, positions, None),
        Err(e) => {
            return (
                reviewed,
                positions,
                Some(format!("{}: cannot read: {e}; marks are not remembered", shown())),
            );
        }
    };
    let value: serde_json::Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) => {
            let kept = keep_aside(file, &bytes);
            return (
                reviewed,
                positions,
                Some(format!("{}: damaged ({e}); {kept}; starting afresh", shown())),
            );
        }
    };
    let mut bad = 0;
    match value.get("reviewed") {
        Some(serde_json::Value::Array(a)) => {
            for v in a {
                match v.as_str() {
                    Some(h) => drop(reviewed.insert(h.to_string())),
                    None => bad += 1,
                }
            }
        }
        None => {}
        Some(_) => bad += 1,
    }
    match value.get("positions") {
        Some(serde_json::Value::Object(o)) => {
            for (h, v) in o {
                match Position::deserialize(v) {
                    Ok(p) => drop(positions.insert(h.clone(), p)),
                    Err(_) => bad += 1,
                }
            }
        }
        None => {}
        Some(_) => bad += 1,
    }
    if !value.is_object() {
        bad += 1;
    }
    let notice = (bad > 0).then(|| {
        let kept = keep_aside(file, &bytes);
        let s = if bad == 1 { "entry" } else { "entries" };
        format!("{}: {bad} {s} could not be read and {s} left out; {kept}", shown())
    });
    (reviewed, positions, notice)
}

/// Copy a damaged state file to `state.json.bad-<time>`; says where it went.
fn keep_aside(file: &Path, bytes: &[u8]) -> String {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let mut name = file.with_extension(format!("json.bad-{stamp}"));
    if name.exists() {
        name = file.with_extension(format!("json.bad-{stamp}-{}", std::process::id()));
    }
    match write_atomic(&name, bytes) {
        Ok(()) => format!("the file is kept as {}", crate::display_safe(&name.to_string_lossy())),
        Err(e) => format!("it could not be kept aside ({e})"),
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
            .filter(|n| n != "state.json.lock")
            .collect();
        assert_eq!(names, vec!["state.json"]);
        // a damaged file is reported and replaced by an empty state, not a crash
        std::fs::write(dir.join("state.json"), b"{not json").expect("write");
        let (s, warn) = State::load(&dir);
        assert!(s.reviewed.is_empty() && warn.is_some_and(|w| w.contains("state.json") && w.contains("kept as")));
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn fresh(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("irview-state-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn two_sessions_keep_each_others_marks() {
        let dir = fresh("two");
        let (mut a, _) = State::load(&dir);
        let (mut b, _) = State::load(&dir);
        a.toggle_reviewed("aaaa");
        a.save(&dir).expect("save a");
        b.toggle_reviewed("bbbb");
        b.positions.insert("bbbb".into(), Position { panel: 1, line: 3 });
        b.save(&dir).expect("save b");
        // b now sees a's mark too, and a later save of a keeps b's
        assert!(b.reviewed.contains("aaaa") && b.reviewed.contains("bbbb"));
        a.toggle_reviewed("aaaa");
        a.save(&dir).expect("unmark a");
        let (back, _) = State::load(&dir);
        assert_eq!(back.reviewed.iter().collect::<Vec<_>>(), vec!["bbbb"]);
        assert_eq!(back.positions["bbbb"], Position { panel: 1, line: 3 });
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn one_bad_entry_keeps_the_others_and_the_file() {
        let dir = fresh("bad");
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(
            dir.join("state.json"),
            br#"{"reviewed":["good",7],"positions":{"x":{"panel":1,"line":-1},"y":{"panel":2,"line":5}}}"#,
        )
        .expect("write");
        let (mut s, warn) = State::load(&dir);
        let warn = warn.expect("reported");
        assert!(warn.contains("2 entries") && warn.contains("state.json.bad-"), "{warn}");
        assert!(s.reviewed.contains("good") && s.positions.contains_key("y") && !s.positions.contains_key("x"));
        let kept: Vec<String> = std::fs::read_dir(&dir)
            .expect("dir")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("state.json.bad-"))
            .collect();
        assert_eq!(kept.len(), 1);
        assert!(std::fs::read_to_string(dir.join(&kept[0])).expect("kept").contains("\"line\":-1"));
        // the next save writes the good entries back
        s.toggle_reviewed("new");
        s.save(&dir).expect("save");
        let (back, warn) = State::load(&dir);
        assert!(warn.is_none() && back.reviewed.contains("good") && back.reviewed.contains("new") && back.positions.contains_key("y"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_long_valid_name_is_written() {
        let dir = fresh("long");
        let p = dir.join(format!("{}.ics", "x".repeat(240)));
        write_atomic(&p, b"ok").expect("a 244-byte name is valid");
        assert_eq!(std::fs::read(&p).expect("read"), b"ok");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(content_hash(b"abc"), "ba7816bf8f01cfea414140de5dae2223");
        // saved marks and calendar UIDs are keyed by it: one byte more or changed is another key
        assert_ne!(content_hash(b"abc"), content_hash(b"abd"));
        assert_ne!(content_hash(b"abc"), content_hash(b"abc\n"));
        assert_eq!(content_hash(b"").len(), 32);
    }
}
