//! Releases from the network, for the release list and for JSON Lines: a background source
//! thread announces a row per document, fetches the documents on a few workers (sharing the
//! client's rate limit) and hands each parsed release back as it arrives. No terminal code.

use crate::library::edgar::Filing;
use crate::library::feeds::{self, FeedSource};
use crate::library::fetch::{Client, FetchError, Policy};
use crate::library::parallel::Parsed;
use crate::release;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// What a source sends to the list.
pub enum Incoming {
    /// A new row, shown until its document arrives: a label and the date known beforehand
    /// (a filing's filing date, a feed item's).
    Row { label: String, date: Option<chrono::NaiveDate> },
    /// Row `index`'s document, parsed (or why not).
    Done(Box<Parsed>),
    /// A one-line message for the status bar.
    Note(String),
}

/// One document to fetch: its address and how to cache it.
#[derive(Debug, Clone)]
pub struct Job {
    pub url: String,
    pub label: String,
    pub date: Option<chrono::NaiveDate>,
    pub policy: Policy,
}

impl Job {
    pub fn filing(f: &Filing, edgar_url: &str) -> Job {
        Job {
            url: f.txt_url(edgar_url),
            label: f.label(),
            date: chrono::NaiveDate::parse_from_str(&f.filed, "%Y-%m-%d").ok(),
            policy: Policy::Immutable,
        }
    }
}

/// Fetch and parse one document. Without a cache the bytes go to a private temporary file, so
/// the list can open the row again.
pub fn fetch_document(client: &Client, index: usize, job: &Job, max_mib: u64) -> Parsed {
    let fail = |e: String| Parsed {
        index,
        path: PathBuf::from(&job.label),
        hash: None,
        result: Err(e),
    };
    let fetched = match client.fetch(&job.url, job.policy) {
        Ok(f) => f,
        Err(e) => return fail(e.to_string()),
    };
    if fetched.bytes.len() as u64 > max_mib.saturating_mul(1024 * 1024) {
        return fail(format!("larger than the {max_mib} MiB limit (raise it with --max-size MIB)"));
    }
    let path = match fetched.path {
        Some(p) => p,
        None => {
            let p = std::env::temp_dir().join(format!("irview-{}-{index}.download", std::process::id()));
            if let Err(e) = std::fs::write(&p, &fetched.bytes) {
                return fail(format!("cannot keep the download: {e}"));
            }
            p
        }
    };
    let hash = crate::library::state::content_hash(&fetched.bytes);
    let result = release::parse(&fetched.bytes, Some(&job.url))
        .map_err(|release::DecodeError::NotText(what)| format!("not a text document ({what})"));
    Parsed {
        index,
        path,
        hash: Some(hash),
        result,
    }
}

/// Fetch `jobs` on `workers` threads; row indices start at `first`.
fn run_jobs(client: &Arc<Client>, jobs: Vec<Job>, first: usize, max_mib: u64, tx: &mpsc::Sender<Incoming>) {
    let jobs = Arc::new(jobs);
    let next = Arc::new(AtomicUsize::new(0));
    let workers = jobs.len().clamp(1, 4);
    let handles: Vec<_> = (0..workers)
        .map(|_| {
            let (client, jobs, next, tx) = (Arc::clone(client), Arc::clone(&jobs), Arc::clone(&next), tx.clone());
            std::thread::spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    if tx
                        .send(Incoming::Done(Box::new(fetch_document(&client, first + i, job, max_mib))))
                        .is_err()
                    {
                        break;
                    }
                }
            })
        })
        .collect();
    for h in handles {
        let _ = h.join();
    }
}

/// A row for each job, at once; false when the list is gone.
fn announce(tx: &mpsc::Sender<Incoming>, jobs: &[Job]) -> bool {
    jobs.iter().all(|j| {
        tx.send(Incoming::Row {
            label: j.label.clone(),
            date: j.date,
        })
        .is_ok()
    })
}

/// Rows for `jobs`, then their documents as they arrive.
pub fn spawn_jobs(client: Arc<Client>, jobs: Vec<Job>, max_mib: u64) -> mpsc::Receiver<Incoming> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        if announce(&tx, &jobs) {
            run_jobs(&client, jobs, 0, max_mib, &tx);
        }
    });
    rx
}

/// The jobs of `jobs` not seen before, one per address (a feed item's page, a filing's
/// accession): what a new look at a source adds to the list.
pub fn fresh(seen: &mut std::collections::HashSet<String>, jobs: Vec<Job>) -> Vec<Job> {
    jobs.into_iter().filter(|j| seen.insert(j.url.clone())).collect()
}

/// Watch a source while the list is open: `round` lists its documents now (and the notes to
/// show, a feed that could not be read); those not seen before become rows, then are fetched
/// and parsed; then a pause of `poll` and another look. Ends when the list is gone.
pub fn spawn_polling<F>(client: Arc<Client>, poll: Duration, max_mib: u64, mut round: F) -> mpsc::Receiver<Incoming>
where
    F: FnMut(&Client) -> (Vec<Job>, Vec<String>) + Send + 'static,
{
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut seen = std::collections::HashSet::new();
        let mut rows = 0;
        loop {
            let (jobs, notes) = round(&client);
            for n in notes {
                if tx.send(Incoming::Note(n)).is_err() {
                    return;
                }
            }
            let jobs = fresh(&mut seen, jobs);
            if !announce(&tx, &jobs) {
                return;
            }
            let n = jobs.len();
            run_jobs(&client, jobs, rows, max_mib, &tx);
            rows += n;
            std::thread::sleep(poll);
        }
    });
    rx
}

/// The current items of `sources` as jobs (an item's page, read by the HTML loader), and a note
/// for each feed that could not be read.
pub fn feed_round(client: &Client, sources: &[FeedSource]) -> (Vec<Job>, Vec<String>) {
    let (mut jobs, mut notes) = (Vec::new(), Vec::new());
    for s in sources {
        let items = client
            .fetch(&s.url, Policy::Fresh)
            .map_err(|e| e.to_string())
            .and_then(|f| feeds::parse(&s.name, &f.bytes));
        match items {
            Ok(items) => {
                for item in items {
                    let Some(link) = item.link else { continue };
                    let date = item.published.as_deref().unwrap_or("");
                    let label = feeds::clean_title(&format!("{} {date} {}", item.feed, item.title)).replace('/', " ");
                    jobs.push(Job {
                        url: link,
                        label,
                        date: item
                            .published
                            .as_deref()
                            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
                        policy: Policy::Immutable,
                    });
                }
            }
            Err(e) => notes.push(format!("{}: {}", feeds::clean_title(&s.name), crate::display_safe(&e))),
        }
    }
    (jobs, notes)
}

/// Watch feeds: every `poll`, new items become rows and their pages are fetched and parsed.
pub fn spawn_feeds(client: Arc<Client>, sources: Vec<FeedSource>, poll: Duration, max_mib: u64) -> mpsc::Receiver<Incoming> {
    spawn_polling(client, poll, max_mib, move |c| feed_round(c, &sources))
}

/// Watch EDGAR's latest filings: `first` (the filings already read) at once, then every `poll`
/// the feed again, its new filings added.
pub fn spawn_latest(
    client: Arc<Client>,
    first: Vec<Filing>,
    forms: Vec<String>,
    limit: usize,
    poll: Duration,
    max_mib: u64,
) -> mpsc::Receiver<Incoming> {
    let mut first = Some(first);
    spawn_polling(client, poll, max_mib, move |c| {
        let edgar_url = c.settings.edgar_url.clone();
        let filings = match first.take() {
            Some(f) => Ok(f),
            None => edgar_filings(c, None, &forms, None, limit),
        };
        match filings {
            Ok(f) => (f.iter().map(|f| Job::filing(f, &edgar_url)).collect(), Vec::new()),
            Err(e) => (Vec::new(), vec![format!("latest filings: {}", crate::display_safe(&e))]),
        }
    })
}

/// Resolve what `irview edgar` was given to (CIK, name): a CIK directly, a ticker through the
/// SEC's ticker file (kept a day in the cache).
pub fn resolve(client: &Client, company: &str) -> Result<(u64, String), String> {
    if let Some(cik) = crate::library::edgar::parse_cik(company) {
        return Ok((cik, String::new()));
    }
    let url = format!("{}/files/company_tickers.json", client.settings.edgar_url);
    let f = client.fetch(&url, Policy::Daily).map_err(|e| e.to_string())?;
    crate::library::edgar::resolve_ticker(&f.bytes, company).ok_or_else(|| {
        format!(
            "{}: no such ticker in the SEC's list (give the CIK instead)",
            crate::display_safe(company)
        )
    })
}

/// The filings of a company (or the latest feed) that carry a release, newest first.
pub fn edgar_filings(
    client: &Client,
    company: Option<&str>,
    forms: &[String],
    since: Option<chrono::NaiveDate>,
    limit: usize,
) -> Result<Vec<Filing>, String> {
    let s = &client.settings;
    let all = match company {
        Some(c) => {
            let (cik, _) = resolve(client, c)?;
            let f = client
                .fetch(&crate::library::edgar::submissions_url(&s.edgar_data_url, cik), Policy::Fresh)
                .map_err(|e| e.to_string())?;
            crate::library::edgar::parse_submissions(&f.bytes)?.1
        }
        None => {
            let mut all = Vec::new();
            for form in forms {
                let f = client
                    .fetch(&crate::library::edgar::latest_url(&s.edgar_url, form), Policy::Fresh)
                    .map_err(|e: FetchError| e.to_string())?;
                all.extend(crate::library::edgar::parse_latest(&f.bytes)?);
            }
            all.sort_by(|a, b| b.filed.cmp(&a.filed));
            let mut seen = std::collections::HashSet::new();
            all.retain(|f| seen.insert(f.accession.clone()));
            all
        }
    };
    Ok(crate::library::edgar::select(all, forms, since, limit))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(url: &str) -> Job {
        Job {
            url: url.into(),
            label: url.into(),
            date: None,
            policy: Policy::Immutable,
        }
    }

    #[test]
    fn a_new_look_adds_only_what_was_not_seen() {
        let mut seen = std::collections::HashSet::new();
        let first = fresh(&mut seen, vec![job("https://w.example/a"), job("https://w.example/b")]);
        assert_eq!(first.len(), 2);
        // the same page in two feeds, or in the next round, is one row
        let next = fresh(
            &mut seen,
            vec![job("https://w.example/b"), job("https://w.example/c"), job("https://w.example/c")],
        );
        let urls: Vec<&str> = next.iter().map(|j| j.url.as_str()).collect();
        assert_eq!(urls, ["https://w.example/c"]);
        assert!(fresh(&mut seen, vec![job("https://w.example/a")]).is_empty());
    }
}
