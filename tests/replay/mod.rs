//! A local HTTP server for the network tests: it replays recorded responses from
//! `tests/fixtures/` on 127.0.0.1, and can be told to answer 429, 500, slowly, or with a cut body.
//! Every request is logged with its User-Agent and arrival time.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub enum Reply {
    Body(Vec<u8>, &'static str),
    Status(u16),
    /// Status 429 with a Retry-After of zero seconds.
    TooMany,
    /// Announce more bytes than are sent, then close.
    Truncated(Vec<u8>),
    /// Wait this long before answering.
    Slow(Duration, Vec<u8>),
}

#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    pub user_agent: Option<String>,
    pub at: Instant,
}

pub struct Replay {
    pub base: String,
    down: Arc<std::sync::atomic::AtomicBool>,
    pub log: Arc<Mutex<Vec<Request>>>,
    routes: Arc<Mutex<HashMap<String, Vec<Reply>>>>,
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("json") => "application/json",
        Some("atom") => "application/atom+xml",
        Some("xml") => "application/rss+xml",
        Some("html") | Some("htm") => "text/html",
        _ => "text/plain",
    }
}

impl Replay {
    pub fn start() -> Replay {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let log = Arc::new(Mutex::new(Vec::new()));
        let routes: Arc<Mutex<HashMap<String, Vec<Reply>>>> = Arc::new(Mutex::new(HashMap::new()));
        let (l2, r2) = (Arc::clone(&log), Arc::clone(&routes));
        let down = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let d2 = Arc::clone(&down);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if d2.load(std::sync::atomic::Ordering::SeqCst) {
                    // the listener closes: later connections are refused, as with no network
                    break;
                }
                let (log, routes) = (Arc::clone(&l2), Arc::clone(&r2));
                std::thread::spawn(move || serve(stream, &log, &routes));
            }
        });
        Replay { base, down, log, routes }
    }

    /// Stop listening: from now on the address refuses connections.
    pub fn stop(&self) {
        self.down.store(true, std::sync::atomic::Ordering::SeqCst);
        let _ = TcpStream::connect(self.base.trim_start_matches("http://"));
        std::thread::sleep(Duration::from_millis(50));
    }

    /// The recorded EDGAR responses and the wire feed with its pages.
    pub fn recorded() -> Replay {
        let r = Replay::start();
        let dir = fixtures().join("edgar");
        let routes: HashMap<String, String> =
            serde_json::from_slice(&std::fs::read(dir.join("routes.json")).expect("routes")).expect("routes json");
        for (path, file) in routes {
            let bytes = std::fs::read(dir.join(&file)).expect("fixture");
            r.route(&path, vec![Reply::Body(bytes, content_type(&file))]);
        }
        let wire = fixtures().join("wire");
        let rss = std::fs::read_to_string(wire.join("rss.xml"))
            .expect("rss")
            .replace("{BASE}", &r.base);
        r.route("/wire/rss.xml", vec![Reply::Body(rss.into_bytes(), "application/rss+xml")]);
        for page in ["southern-q4-2006.html", "beyond-cancer-trial.html"] {
            r.route(
                &format!("/wire/{page}"),
                vec![Reply::Body(std::fs::read(wire.join(page)).expect("page"), "text/html")],
            );
        }
        r
    }

    /// Answer `path` with these replies in turn (the last one repeats).
    pub fn route(&self, path: &str, replies: Vec<Reply>) {
        self.routes.lock().unwrap().insert(path.to_string(), replies);
    }

    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().unwrap().clone()
    }

    pub fn count(&self, path_prefix: &str) -> usize {
        self.requests().iter().filter(|r| r.path.starts_with(path_prefix)).count()
    }
}

fn serve(stream: TcpStream, log: &Mutex<Vec<Request>>, routes: &Mutex<HashMap<String, Vec<Reply>>>) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    let target = first.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut user_agent = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.eq_ignore_ascii_case("user-agent") {
                user_agent = Some(v.trim().to_string());
            }
        }
    }
    let path = target.split('?').next().unwrap_or("/").to_string();
    log.lock().unwrap().push(Request {
        path: target.clone(),
        user_agent,
        at: Instant::now(),
    });
    let reply = {
        let mut routes = routes.lock().unwrap();
        match routes.get_mut(&path) {
            Some(list) if list.len() > 1 => Some(list.remove(0)),
            Some(list) => list.first().cloned(),
            None => None,
        }
    };
    let mut s = stream;
    let _ = match reply {
        None => write_response(&mut s, 404, "text/plain", b"not found", None),
        Some(Reply::Body(b, ct)) => write_response(&mut s, 200, ct, &b, None),
        Some(Reply::Status(code)) => write_response(&mut s, code, "text/plain", b"error", None),
        Some(Reply::TooMany) => write_response(&mut s, 429, "text/plain", b"slow down", Some("Retry-After: 0\r\n")),
        Some(Reply::Truncated(b)) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                b.len() * 2
            );
            s.write_all(head.as_bytes()).and_then(|_| s.write_all(&b)).and_then(|_| s.flush())
        }
        Some(Reply::Slow(d, b)) => {
            std::thread::sleep(d);
            write_response(&mut s, 200, "text/plain", &b, None)
        }
    };
    let _ = s.shutdown(std::net::Shutdown::Both);
    let mut sink = Vec::new();
    let _ = reader.read_to_end(&mut sink);
}

fn write_response(s: &mut TcpStream, code: u16, ct: &str, body: &[u8], extra: Option<&str>) -> std::io::Result<()> {
    let reason = match code {
        200 => "OK",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
    let head = format!(
        "HTTP/1.1 {code} {reason}\r\nContent-Type: {ct}\r\nContent-Length: {}\r\n{}Connection: close\r\n\r\n",
        body.len(),
        extra.unwrap_or("")
    );
    s.write_all(head.as_bytes())?;
    s.write_all(body)?;
    s.flush()
}
