//! Reading the bytes of a release from a path or standard input, within a size limit, with
//! errors phrased for a one-line message.

use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Default largest input, in MiB.
pub const DEFAULT_MAX_MIB: u64 = 64;

#[derive(Debug)]
pub enum InputError {
    Missing,
    Directory,
    Unreadable(io::Error),
    TooLarge {
        limit_mib: u64,
    },
    Empty,
    /// `-` with the terminal as standard input: reading it would take the keystrokes.
    StdinTerminal,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Missing => write!(f, "no such file"),
            InputError::Directory => write!(f, "is a directory (give a release file)"),
            InputError::Unreadable(e) => write!(f, "cannot read: {}", plain_io(e)),
            InputError::TooLarge { limit_mib } => {
                write!(f, "larger than the {limit_mib} MiB limit (raise it with --max-size MIB)")
            }
            InputError::Empty => write!(f, "standard input is empty"),
            InputError::StdinTerminal => write!(f, "standard input is a terminal (pipe a release in, or give a file)"),
        }
    }
}

fn plain_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::NotFound => "no such file".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_lowercase()
        }
    }
}

fn read_limited(mut r: impl Read, limit_mib: u64) -> Result<Vec<u8>, InputError> {
    let limit = limit_mib.saturating_mul(1024 * 1024);
    let mut buf = Vec::new();
    r.by_ref()
        .take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(InputError::Unreadable)?;
    if buf.len() as u64 > limit {
        return Err(InputError::TooLarge { limit_mib });
    }
    Ok(buf)
}

/// Standard input, read once for the whole process (the list may ask for `-` again).
static STDIN: std::sync::Mutex<Option<Vec<u8>>> = std::sync::Mutex::new(None);

/// Read standard input once: later calls get the same bytes. Refused when it is a terminal.
pub fn read_stdin(limit_mib: u64) -> Result<Vec<u8>, InputError> {
    use std::io::IsTerminal;
    let mut kept = STDIN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if kept.is_none() {
        if io::stdin().is_terminal() {
            return Err(InputError::StdinTerminal);
        }
        *kept = Some(read_limited(io::stdin().lock(), limit_mib)?);
    }
    let bytes = kept.clone().unwrap_or_default();
    if bytes.is_empty() { Err(InputError::Empty) } else { Ok(bytes) }
}

/// Read a release from `path` (`-` is standard input, read once). Never writes anything.
pub fn read_input(path: &str, limit_mib: u64) -> Result<Vec<u8>, InputError> {
    if path == "-" {
        return read_stdin(limit_mib);
    }
    let p = Path::new(path);
    let meta = std::fs::metadata(p).map_err(|e| {
        if e.kind() == io::ErrorKind::NotFound {
            InputError::Missing
        } else {
            InputError::Unreadable(e)
        }
    })?;
    if meta.is_dir() {
        return Err(InputError::Directory);
    }
    if meta.is_file() && meta.len() > limit_mib.saturating_mul(1024 * 1024) {
        return Err(InputError::TooLarge { limit_mib });
    }
    let f = File::open(p).map_err(InputError::Unreadable)?;
    read_limited(f, limit_mib)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_and_errors() {
        assert!(matches!(read_limited(&b"abcdef"[..], 0), Err(InputError::TooLarge { .. })));
        assert_eq!(read_limited(&b"abc"[..], 1).unwrap(), b"abc");
        assert!(matches!(read_input("/definitely/not/here", 1), Err(InputError::Missing)));
        assert!(matches!(read_input("/", 1), Err(InputError::Directory)));
    }
}
