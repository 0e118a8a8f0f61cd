//! Parse many files on all cores. Results arrive as they finish (for the list screen) and can be
//! replayed in input order (for JSON Lines).

use crate::library::input;
use crate::release::{self, Release};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};

/// One parsed file: its index in the input list, and the release or a one-line error.
pub struct Parsed {
    pub index: usize,
    pub path: PathBuf,
    /// Content hash of the file's bytes (when they could be read and the caller asked for it).
    pub hash: Option<String>,
    pub result: Result<Release, String>,
}

/// Read and parse one file, and the content hash of its bytes when `hashes` asks for it. The
/// bytes are parsed in place (a UTF-8 text becomes the release's text without a copy).
pub fn parse_path(path: &std::path::Path, max_mib: u64, hashes: Hashes) -> (Option<String>, Result<Release, String>) {
    let name = path.to_string_lossy().into_owned();
    match input::read_input(path, max_mib) {
        Err(e) => (None, Err(e.to_string())),
        Ok(bytes) => {
            let hash = (hashes == Hashes::Compute).then(|| crate::library::state::content_hash(&bytes));
            let r = release::parse_owned(bytes, Some(&name))
                .map_err(|release::DecodeError::NotText(what)| format!("not a text document ({what})"));
            (hash, r)
        }
    }
}

/// Start parsing in the background; results come on the returned channel as they finish.
pub fn spawn(paths: Vec<PathBuf>, max_mib: u64) -> mpsc::Receiver<Parsed> {
    spawn_cancellable(paths, max_mib, Arc::new(AtomicBool::new(false)))
}

/// As [`spawn`]; the workers stop taking files once `cancel` is set (or the receiver is dropped).
pub fn spawn_cancellable(paths: Vec<PathBuf>, max_mib: u64, cancel: Arc<AtomicBool>) -> mpsc::Receiver<Parsed> {
    spawn_workers(paths, max_mib, cancel, Hashes::Compute)
}

/// Whether each file's content hash is wanted: the list screen and calendars key on it (reviewed
/// marks, reading positions, event UIDs); printing JSON or digests does not, and skips its cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hashes {
    Compute,
    Skip,
}

fn spawn_workers(paths: Vec<PathBuf>, max_mib: u64, cancel: Arc<AtomicBool>, hashes: Hashes) -> mpsc::Receiver<Parsed> {
    let (tx, rx) = mpsc::channel();
    let paths = Arc::new(paths);
    let next = Arc::new(AtomicUsize::new(0));
    let workers = std::thread::available_parallelism().map_or(2, usize::from).clamp(1, 16);
    for _ in 0..workers {
        let (tx, paths, next, cancel) = (tx.clone(), Arc::clone(&paths), Arc::clone(&next), Arc::clone(&cancel));
        std::thread::spawn(move || {
            background();
            loop {
                if cancel.load(Ordering::Relaxed) {
                    break;
                }
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = paths.get(i) else { break };
                let (hash, result) = parse_path(path, max_mib, hashes);
                if tx
                    .send(Parsed {
                        index: i,
                        path: path.clone(),
                        hash,
                        result,
                    })
                    .is_err()
                {
                    break;
                }
            }
        });
    }
    rx
}

/// A worker that fills a list runs at a lower priority than the thread that answers the user:
/// on a machine whose cores the workers fill, a key press is still answered within a frame.
fn background() {
    #[cfg(target_os = "linux")]
    // SAFETY: gettid and setpriority take no pointers; on Linux a thread id names one thread.
    unsafe {
        let tid = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 10);
    }
}

/// Parse all files in parallel and hand the results to `f` in input order, each with its hash.
pub fn in_order(paths: Vec<PathBuf>, max_mib: u64, f: impl FnMut(Parsed)) {
    in_order_with(paths, max_mib, Hashes::Compute, f)
}

/// As [`in_order`]; `hashes` says whether the results carry content hashes.
pub fn in_order_with(paths: Vec<PathBuf>, max_mib: u64, hashes: Hashes, mut f: impl FnMut(Parsed)) {
    let n = paths.len();
    let rx = spawn_workers(paths, max_mib, Arc::new(AtomicBool::new(false)), hashes);
    let mut pending: Vec<Option<Parsed>> = (0..n).map(|_| None).collect();
    let mut next = 0;
    for p in rx {
        let i = p.index;
        pending[i] = Some(p);
        while next < n {
            match pending[next].take() {
                Some(p) => {
                    f(p);
                    next += 1;
                }
                None => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order() {
        let dir = std::env::temp_dir().join(format!("irview-par-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let mut paths = Vec::new();
        for i in 0..12 {
            let p = dir.join(format!("{i:02}.txt"));
            std::fs::write(&p, format!("ACME, Ohio--(BUSINESS WIRE)--May {}, 2024--Acme Corp. said hi.", i + 1)).expect("write");
            paths.push(p);
        }
        paths.push(dir.join("missing.txt"));
        let mut seen = Vec::new();
        in_order(paths, 1, |p| seen.push((p.index, p.result.map(|r| r.dateline.date))));
        assert_eq!(seen.iter().map(|s| s.0).collect::<Vec<_>>(), (0..13).collect::<Vec<_>>());
        assert_eq!(
            seen[4].1.as_ref().ok().cloned().flatten().map(|d| d.to_string()).as_deref(),
            Some("2024-05-05")
        );
        assert_eq!(seen[12].1.as_ref().err().map(String::as_str), Some("no such file"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn hashes_only_when_asked() {
        let dir = std::env::temp_dir().join(format!("irview-par-hash-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let texts = [
            "ACME, Ohio--(BUSINESS WIRE)--May 1, 2024--Acme Corp. said hi.",
            "Acme Corp. said hello.",
        ];
        let paths: Vec<PathBuf> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let p = dir.join(format!("{i}.txt"));
                std::fs::write(&p, t).expect("write");
                p
            })
            .collect();
        let mut hashed = Vec::new();
        in_order_with(paths.clone(), 1, Hashes::Compute, |p| hashed.push(p.hash));
        let want: Vec<Option<String>> = texts
            .iter()
            .map(|t| Some(crate::library::state::content_hash(t.as_bytes())))
            .collect();
        assert_eq!(hashed, want);
        let mut skipped = Vec::new();
        in_order_with(paths, 1, Hashes::Skip, |p| skipped.push((p.hash, p.result.is_ok())));
        assert_eq!(skipped, vec![(None, true), (None, true)]);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
