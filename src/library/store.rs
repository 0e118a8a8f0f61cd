//! The library: every release of a session, parsed once on worker threads and shared as
//! `Arc<Release>` (the same bytes give the same `Arc`, by content hash). The terminal side asks it
//! for a release to show; it never parses on the caller's thread. Dropping the library (closing
//! the list) cancels the parsing still to do.

use crate::library::parallel::Parsed;
use crate::release::Release;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Where a release's bytes come from, to read them again (another document of a submission).
#[derive(Debug, Clone)]
pub enum Origin {
    Path(PathBuf),
    /// Bytes read once before the interface started (standard input, the bundled release).
    Bytes(Arc<[u8]>),
}

#[derive(Debug, Clone)]
pub enum Status {
    Loading,
    Ready { hash: String, release: Arc<Release> },
    Failed(String),
}

#[derive(Debug, Clone)]
pub struct Entry {
    /// The name shown for it (a path, `<stdin>`).
    pub name: String,
    pub origin: Origin,
    pub status: Status,
}

pub struct Library {
    entries: Vec<Entry>,
    by_hash: HashMap<String, Arc<Release>>,
    cancel: Arc<AtomicBool>,
    loading: usize,
}

impl Library {
    /// A library of files still to parse (start the workers with [`Library::cancel_token`]).
    pub fn of_paths(paths: &[PathBuf]) -> Library {
        let entries: Vec<Entry> = paths
            .iter()
            .map(|p| Entry {
                name: crate::display_safe(&p.to_string_lossy()),
                origin: Origin::Path(p.clone()),
                status: Status::Loading,
            })
            .collect();
        Library {
            loading: entries.len(),
            entries,
            by_hash: HashMap::new(),
            cancel: Arc::new(AtomicBool::new(false)),
        }
    }

    /// A library of one release, parsed before the interface started.
    pub fn of_release(name: &str, origin: Origin, hash: String, release: Release) -> Library {
        let release = Arc::new(release);
        let mut by_hash = HashMap::new();
        by_hash.insert(hash.clone(), Arc::clone(&release));
        Library {
            entries: vec![Entry {
                name: crate::display_safe(name),
                origin,
                status: Status::Ready { hash, release },
            }],
            by_hash,
            cancel: Arc::new(AtomicBool::new(false)),
            loading: 0,
        }
    }

    /// A new entry whose document is still on its way (a fetched filing, a feed item), shown as
    /// `name` until it arrives; its index.
    pub fn add_pending(&mut self, name: &str) -> usize {
        self.entries.push(Entry {
            name: crate::display_safe(name),
            origin: Origin::Path(PathBuf::new()),
            status: Status::Loading,
        });
        self.loading += 1;
        self.entries.len() - 1
    }

    /// Set by [`Library::cancel`] and on drop: workers stop taking files.
    pub fn cancel_token(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.cancel)
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// A worker's result: keep the release (shared with an identical one already here).
    pub fn arrive(&mut self, p: Parsed) -> Option<&Entry> {
        let entry = self.entries.get_mut(p.index)?;
        if !matches!(entry.status, Status::Loading) {
            return None;
        }
        entry.status = match (p.result, p.hash) {
            (Ok(r), Some(hash)) => {
                // a fetched document is read again (another document of its submission) from
                // where the worker kept it
                if matches!(&entry.origin, Origin::Path(o) if o.as_os_str().is_empty()) {
                    entry.origin = Origin::Path(p.path);
                }
                let release = Arc::clone(self.by_hash.entry(hash.clone()).or_insert_with(|| Arc::new(r)));
                Status::Ready { hash, release }
            }
            (Ok(_), None) => Status::Failed("unreadable".into()),
            (Err(e), _) => Status::Failed(e),
        };
        self.loading -= 1;
        Some(&self.entries[p.index])
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Releases still being parsed.
    pub fn loading(&self) -> usize {
        self.loading
    }

    pub fn get(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i)
    }

    /// The parsed release of entry `i` with its content hash, once it is ready.
    pub fn release(&self, i: usize) -> Option<(Arc<Release>, &str)> {
        match &self.entries.get(i)?.status {
            Status::Ready { hash, release } => Some((Arc::clone(release), hash.as_str())),
            _ => None,
        }
    }

    /// The latest release of `company` dated before `date` (what a comparison sets a release
    /// against): the entry's index. Company names compare without case.
    pub fn prior(&self, company: &str, date: NaiveDate) -> Option<usize> {
        let want = company.trim().to_lowercase();
        self.entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match &e.status {
                Status::Ready { release, .. } => Some((i, release)),
                _ => None,
            })
            .filter(|(_, r)| r.company.name.as_deref().is_some_and(|n| n.trim().to_lowercase() == want))
            .filter_map(|(i, r)| Some((r.dateline.date.filter(|d| *d < date)?, i)))
            .max()
            .map(|(_, i)| i)
    }
}

impl Drop for Library {
    fn drop(&mut self) {
        self.cancel();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(index: usize, text: &str) -> Parsed {
        let r = crate::release::parse(text.as_bytes(), Some("x.txt")).expect("parse");
        Parsed {
            index,
            path: PathBuf::from(format!("{index}.txt")),
            hash: Some(crate::library::state::content_hash(text.as_bytes())),
            result: Ok(r),
        }
    }

    #[test]
    fn parsed_once_shared_by_hash_and_prior_release() {
        let paths: Vec<PathBuf> = (0..4).map(|i| PathBuf::from(format!("{i}.txt"))).collect();
        let mut lib = Library::of_paths(&paths);
        assert_eq!(lib.loading(), 4);
        let a = "ACME, Ohio--(BUSINESS WIRE)--May 5, 2024--Acme Corp. (NYSE: ACM) reported results.";
        let b = "ACME, Ohio--(BUSINESS WIRE)--August 5, 2024--Acme Corp. (NYSE: ACM) reported results.";
        let other = "ZED, Ohio--(BUSINESS WIRE)--June 5, 2024--Zed Inc. (NYSE: ZED) reported results.";
        lib.arrive(parsed(0, a));
        lib.arrive(parsed(1, b));
        lib.arrive(parsed(2, a));
        lib.arrive(parsed(3, other));
        assert_eq!(lib.loading(), 0);
        // the same bytes share one parsed release
        let (r0, h0) = lib.release(0).expect("ready");
        let (r2, h2) = lib.release(2).expect("ready");
        assert!(Arc::ptr_eq(&r0, &r2) && h0 == h2);
        // a result for an entry already settled is ignored
        assert!(lib.arrive(parsed(0, b)).is_none());
        let company = r0.company.name.clone().expect("company");
        let aug = NaiveDate::from_ymd_opt(2024, 9, 1).expect("date");
        assert_eq!(lib.prior(&company, aug), Some(1), "the latest earlier release");
        let jun = NaiveDate::from_ymd_opt(2024, 6, 1).expect("date");
        assert!(matches!(lib.prior(&company.to_uppercase(), jun), Some(0 | 2)));
        assert_eq!(
            lib.prior(&company, NaiveDate::from_ymd_opt(2024, 5, 5).expect("date")),
            None,
            "strictly before"
        );
        assert_eq!(lib.prior("Nobody Corp.", aug), None);
    }

    #[test]
    fn dropping_the_library_cancels_the_workers() {
        let lib = Library::of_paths(&[PathBuf::from("a.txt")]);
        let token = lib.cancel_token();
        assert!(!token.load(Ordering::Relaxed));
        drop(lib);
        assert!(token.load(Ordering::Relaxed));
    }
}
