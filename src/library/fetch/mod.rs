//! Fetching releases from where they are published, fairly: a declared User-Agent, at most ten
//! requests a second across all worker threads, retries with backoff on 429 and 5xx, timeouts,
//! and a content-addressed cache so a filing is fetched once. Blocking, for worker threads only.

pub mod cache;

use cache::Cache;
use std::fmt;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Where EDGAR lives, unless the environment says otherwise (tests point these at a local server).
pub const DEFAULT_EDGAR_URL: &str = "https://www.sec.gov";
pub const DEFAULT_EDGAR_DATA_URL: &str = "https://data.sec.gov";

/// How to set the User-Agent, in one line.
pub const USER_AGENT_HELP: &str = "the SEC asks every client to declare who it is: set IRVIEW_USER_AGENT=\"Your Name you@example.com\" \
     or \"user_agent\" in the config file (irview --print-config shows where)";

/// What a fetch can be asked to do with the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// The document never changes once published (an EDGAR filing): a cached copy is used
    /// without asking the network.
    Immutable,
    /// The document changes (a submissions list, a feed): ask the network, and fall back to the
    /// cached copy when the network cannot be reached.
    Fresh,
    /// The document changes rarely (the SEC's ticker list): a cached copy younger than a day is
    /// used without asking.
    Daily,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// No User-Agent was declared, so no request was made.
    NoUserAgent,
    /// The host could not be reached (no network, name not found, connection refused).
    Offline { host: String },
    /// The server did not answer in time.
    Timeout { url: String },
    /// The server answered with an error status (after the retries, for 429 and 5xx).
    Status { url: String, code: u16 },
    /// The body ended before its announced length.
    Truncated { url: String },
    /// The body is larger than the limit.
    TooLarge { url: String, limit: u64 },
    /// Anything else, in one line.
    Other { url: String, why: String },
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::NoUserAgent => write!(f, "no request made: {USER_AGENT_HELP}"),
            FetchError::Offline { host } => write!(f, "offline: cannot reach {host} (check the network; cached filings still open)"),
            FetchError::Timeout { url } => write!(f, "{url}: no answer in time"),
            FetchError::Status { url, code: 404 } => write!(f, "{url}: not found (404)"),
            FetchError::Status { url, code: 429 } => write!(f, "{url}: too many requests (429), still refused after retries"),
            FetchError::Status { url, code } => write!(f, "{url}: server answered {code}"),
            FetchError::Truncated { url } => write!(f, "{url}: the answer was cut short"),
            FetchError::TooLarge { url, limit } => write!(f, "{url}: larger than {} MiB", limit / (1024 * 1024)),
            FetchError::Other { url, why } => write!(f, "{url}: {why}"),
        }
    }
}

impl std::error::Error for FetchError {}

/// Everything a client needs, read once from the environment and the config file.
#[derive(Debug, Clone)]
pub struct Settings {
    pub user_agent: Option<String>,
    pub edgar_url: String,
    pub edgar_data_url: String,
    /// Whole-request timeout.
    pub timeout: Duration,
    /// Retries after the first try, for 429, 5xx, timeouts and cut bodies.
    pub retries: u32,
    /// First backoff; it doubles on each retry.
    pub backoff: Duration,
    /// Requests per second, across all threads sharing the client.
    pub per_second: u32,
    /// Largest body accepted.
    pub max_body: u64,
    pub cache: Option<Cache>,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

fn env_num(name: &str) -> Option<u64> {
    env(name).and_then(|v| v.parse().ok())
}

impl Settings {
    /// Settings from the environment (`IRVIEW_USER_AGENT`, `IRVIEW_EDGAR_URL`,
    /// `IRVIEW_EDGAR_DATA_URL`, `IRVIEW_TIMEOUT_SECS`, `IRVIEW_CACHE_MAX_MIB`), with the config
    /// file's User-Agent as the fallback.
    pub fn from_env(config_user_agent: Option<&str>) -> Settings {
        let user_agent = env("IRVIEW_USER_AGENT").or_else(|| config_user_agent.map(str::trim).filter(|s| !s.is_empty()).map(String::from));
        let trim = |s: String| s.trim_end_matches('/').to_string();
        Settings {
            user_agent: user_agent.filter(|ua| valid_user_agent(ua)),
            edgar_url: trim(env("IRVIEW_EDGAR_URL").unwrap_or_else(|| DEFAULT_EDGAR_URL.into())),
            edgar_data_url: trim(env("IRVIEW_EDGAR_DATA_URL").unwrap_or_else(|| DEFAULT_EDGAR_DATA_URL.into())),
            timeout: Duration::from_secs(env_num("IRVIEW_TIMEOUT_SECS").unwrap_or(30).clamp(1, 600)),
            retries: 3,
            backoff: Duration::from_millis(500),
            per_second: 10,
            max_body: 64 * 1024 * 1024,
            cache: Cache::open_default(env_num("IRVIEW_CACHE_MAX_MIB").map_or(cache::DEFAULT_MAX_BYTES, |m| m.saturating_mul(1024 * 1024))),
        }
    }
}

/// A User-Agent goes into a header: printable ASCII only, and a contact (an e-mail address).
pub fn valid_user_agent(ua: &str) -> bool {
    !ua.is_empty() && ua.len() <= 200 && ua.bytes().all(|b| (0x20..0x7f).contains(&b)) && ua.contains('@')
}

/// At most N starts per second, shared by every thread that holds the limiter.
#[derive(Debug)]
pub struct Limiter {
    interval: Duration,
    next: Mutex<Option<Instant>>,
}

impl Limiter {
    pub fn new(per_second: u32) -> Limiter {
        Limiter {
            interval: Duration::from_secs(1) / per_second.max(1),
            next: Mutex::new(None),
        }
    }

    /// Wait for this caller's slot.
    pub fn acquire(&self) {
        let slot = {
            let mut next = self.next.lock().unwrap_or_else(|e| e.into_inner());
            let now = Instant::now();
            let slot = next.map_or(now, |n| n.max(now));
            *next = Some(slot + self.interval);
            slot
        };
        let now = Instant::now();
        if slot > now {
            std::thread::sleep(slot - now);
        }
    }
}

/// A fetched document.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    /// Where the cache keeps it (when there is a cache).
    pub path: Option<std::path::PathBuf>,
    /// True when no request was made, or the network failed and the cached copy was used.
    pub from_cache: bool,
}

/// The HTTP client: one per process, shared by the workers.
pub struct Client {
    agent: ureq::Agent,
    pub settings: Settings,
    limiter: Limiter,
    requests: AtomicUsize,
}

impl Client {
    pub fn new(settings: Settings) -> Client {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(settings.timeout))
            .http_status_as_error(false)
            .proxy(None)
            .max_redirects(5)
            .build();
        Client {
            agent: config.into(),
            limiter: Limiter::new(settings.per_second),
            settings,
            requests: AtomicUsize::new(0),
        }
    }

    /// Requests sent so far (tries included).
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::Relaxed)
    }

    /// Fetch `url` under a cache policy.
    pub fn fetch(&self, url: &str, policy: Policy) -> Result<Fetched, FetchError> {
        let cache = self.settings.cache.as_ref();
        let young = || cache.and_then(|c| c.age(url)).is_some_and(|a| a < Duration::from_secs(24 * 3600));
        if policy == Policy::Immutable || policy == Policy::Daily && young() {
            if let Some((bytes, path)) = cache.and_then(|c| c.get(url)) {
                return Ok(Fetched {
                    bytes,
                    path: Some(path),
                    from_cache: true,
                });
            }
        }
        match self.get(url) {
            Ok(bytes) => {
                let path = cache.and_then(|c| c.put(url, &bytes).ok());
                Ok(Fetched {
                    bytes,
                    path,
                    from_cache: false,
                })
            }
            Err(e @ (FetchError::Offline { .. } | FetchError::Timeout { .. } | FetchError::NoUserAgent)) => {
                match cache.and_then(|c| c.get(url)) {
                    Some((bytes, path)) => Ok(Fetched {
                        bytes,
                        path: Some(path),
                        from_cache: true,
                    }),
                    None => Err(e),
                }
            }
            Err(e) => Err(e),
        }
    }

    /// One GET with the declared User-Agent, within the rate limit, retried on 429, 5xx,
    /// timeouts and cut bodies.
    pub fn get(&self, url: &str) -> Result<Vec<u8>, FetchError> {
        let Some(ua) = self.settings.user_agent.as_deref() else {
            return Err(FetchError::NoUserAgent);
        };
        let shown = crate::display_safe(url);
        let mut attempt = 0;
        loop {
            self.limiter.acquire();
            self.requests.fetch_add(1, Ordering::Relaxed);
            let (result, wait) = self.once(url, &shown, ua);
            match result {
                Err(e) if attempt < self.settings.retries && retryable(&e) => {
                    let backoff = self.settings.backoff.saturating_mul(1 << attempt.min(8));
                    std::thread::sleep(wait.map_or(backoff, |w| w.min(Duration::from_secs(10)).max(backoff)));
                    attempt += 1;
                }
                r => return r,
            }
        }
    }

    /// One try; on 429 and 503 also the server's Retry-After, when it gives seconds.
    fn once(&self, url: &str, shown: &str, ua: &str) -> (Result<Vec<u8>, FetchError>, Option<Duration>) {
        let response = self.agent.get(url).header("User-Agent", ua).call();
        let mut response = match response {
            Ok(r) => r,
            Err(e) => return (Err(transport_error(e, url, shown)), None),
        };
        let code = response.status().as_u16();
        if !(200..300).contains(&code) {
            let wait = response
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(Duration::from_secs);
            return (Err(FetchError::Status { url: shown.into(), code }), wait);
        }
        let limit = self.settings.max_body;
        let body = response.body_mut().with_config().limit(limit).read_to_vec();
        match body {
            Ok(b) => (Ok(b), None),
            Err(ureq::Error::BodyExceedsLimit(_)) => (Err(FetchError::TooLarge { url: shown.into(), limit }), None),
            Err(ureq::Error::Timeout(_)) => (Err(FetchError::Timeout { url: shown.into() }), None),
            Err(_) => (Err(FetchError::Truncated { url: shown.into() }), None),
        }
    }
}

fn retryable(e: &FetchError) -> bool {
    match e {
        FetchError::Status { code, .. } => *code == 429 || (500..600).contains(code),
        FetchError::Timeout { .. } | FetchError::Truncated { .. } => true,
        _ => false,
    }
}

fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    crate::display_safe(rest.split(['/', '?', '#']).next().unwrap_or(rest))
}

fn transport_error(e: ureq::Error, url: &str, shown: &str) -> FetchError {
    match e {
        ureq::Error::Timeout(_) => FetchError::Timeout { url: shown.into() },
        ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => FetchError::Offline { host: host_of(url) },
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused
            | std::io::ErrorKind::NetworkUnreachable
            | std::io::ErrorKind::HostUnreachable
            | std::io::ErrorKind::NotConnected
            | std::io::ErrorKind::AddrNotAvailable => FetchError::Offline { host: host_of(url) },
            std::io::ErrorKind::TimedOut => FetchError::Timeout { url: shown.into() },
            std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::ConnectionReset | std::io::ErrorKind::ConnectionAborted => {
                FetchError::Truncated { url: shown.into() }
            }
            _ => FetchError::Other {
                url: shown.into(),
                why: crate::display_safe(&io.to_string()),
            },
        },
        other => FetchError::Other {
            url: shown.into(),
            why: crate::display_safe(&other.to_string()),
        },
    }
}

/// Is this argument an address to fetch rather than a file?
pub fn is_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && s.len() > 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_agent_needs_a_contact_and_printable_ascii() {
        assert!(valid_user_agent("Jane Analyst jane@example.com"));
        assert!(!valid_user_agent("irview"));
        assert!(!valid_user_agent("Jane jane@example.com\r\nX-Evil: 1"));
        assert!(!valid_user_agent(""));
    }

    #[test]
    fn limiter_spaces_starts() {
        let l = Limiter::new(10);
        let t = Instant::now();
        for _ in 0..6 {
            l.acquire();
        }
        // five gaps of 100 ms after the first start
        assert!(t.elapsed() >= Duration::from_millis(480), "{:?}", t.elapsed());
    }

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("https://www.sec.gov/Archives/x.txt"));
        assert!(is_url("HTTP://example.com/a"));
        assert!(!is_url("http://"));
        assert!(!is_url("releases/https.txt"));
    }

    #[test]
    fn host_is_shown_without_path() {
        assert_eq!(host_of("https://www.sec.gov/cgi-bin/x?y"), "www.sec.gov");
        assert_eq!(host_of("http://127.0.0.1:8080/a"), "127.0.0.1:8080");
    }

    #[test]
    fn no_user_agent_means_no_request() {
        let mut s = Settings::from_env(None);
        s.user_agent = None;
        s.cache = None;
        let c = Client::new(s);
        assert_eq!(c.get("http://127.0.0.1:9/x"), Err(FetchError::NoUserAgent));
        assert_eq!(c.requests(), 0);
        assert!(FetchError::NoUserAgent.to_string().contains("IRVIEW_USER_AGENT"));
    }
}
