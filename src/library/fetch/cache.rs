//! The download cache, `$XDG_CACHE_HOME/irview` (default `~/.cache/irview`): bodies are stored
//! by the hash of their content (`objects/`), and each address points at its body (`refs/`,
//! named by the hash of the address). Writes are atomic (a temporary file, then a rename), and
//! the oldest bodies go when the cache grows past its size limit.

use crate::library::state::write_atomic;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Default size limit: 512 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 512 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct Cache {
    pub dir: PathBuf,
    pub max_bytes: u64,
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

impl Cache {
    pub fn new(dir: PathBuf, max_bytes: u64) -> Cache {
        Cache { dir, max_bytes }
    }

    /// The XDG cache folder, when there is a home to put it in.
    pub fn open_default(max_bytes: u64) -> Option<Cache> {
        Some(Cache::new(crate::library::dirs::xdg("XDG_CACHE_HOME", ".cache")?, max_bytes))
    }

    fn ref_path(&self, url: &str) -> PathBuf {
        self.dir.join("refs").join(hex(url.as_bytes()))
    }

    fn object_path(&self, content: &str) -> PathBuf {
        self.dir.join("objects").join(&content[..2]).join(content)
    }

    /// The cached body of `url` and where it is, if it is cached and intact.
    pub fn get(&self, url: &str) -> Option<(Vec<u8>, PathBuf)> {
        let content = std::fs::read_to_string(self.ref_path(url)).ok()?;
        let content = content.trim();
        if content.len() != 64 || !content.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let path = self.object_path(content);
        let bytes = std::fs::read(&path).ok()?;
        // a body that does not match its name was damaged on disk: treat it as absent
        (hex(&bytes) == content).then_some((bytes, path))
    }

    /// How long ago `url` was stored.
    pub fn age(&self, url: &str) -> Option<std::time::Duration> {
        let m = std::fs::metadata(self.ref_path(url)).ok()?.modified().ok()?;
        m.elapsed().ok()
    }

    /// Store the body of `url`; returns where it is kept.
    pub fn put(&self, url: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
        let content = hex(bytes);
        let path = self.object_path(&content);
        if !path.exists() {
            write_atomic(&path, bytes)?;
        }
        write_atomic(&self.ref_path(url), content.as_bytes())?;
        self.trim(&path);
        Ok(path)
    }

    /// Bytes the bodies take.
    pub fn size(&self) -> u64 {
        self.objects().iter().map(|(_, len, _)| len).sum()
    }

    fn objects(&self) -> Vec<(PathBuf, u64, std::time::SystemTime)> {
        let mut out = Vec::new();
        let Ok(shards) = std::fs::read_dir(self.dir.join("objects")) else {
            return out;
        };
        for shard in shards.flatten() {
            let Ok(files) = std::fs::read_dir(shard.path()) else { continue };
            for f in files.flatten() {
                if let Ok(m) = f.metadata() {
                    if m.is_file() {
                        out.push((f.path(), m.len(), m.modified().unwrap_or(std::time::UNIX_EPOCH)));
                    }
                }
            }
        }
        out
    }

    /// Remove the oldest bodies until the cache fits its limit (never `keep`, the one just written).
    fn trim(&self, keep: &Path) {
        let mut objects = self.objects();
        let mut total: u64 = objects.iter().map(|o| o.1).sum();
        if total <= self.max_bytes {
            return;
        }
        objects.sort_by_key(|o| o.2);
        for (path, len, _) in objects {
            if total <= self.max_bytes {
                break;
            }
            if path != keep && std::fs::remove_file(&path).is_ok() {
                total -= len;
            }
        }
    }

    /// Remove everything irview cached; returns the bytes freed.
    pub fn clear(&self) -> std::io::Result<u64> {
        let freed = self.size();
        for sub in ["objects", "refs"] {
            match std::fs::remove_dir_all(self.dir.join(sub)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        Ok(freed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("irview-cache-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn stores_by_content_and_finds_by_address() {
        let dir = scratch("put");
        let c = Cache::new(dir.clone(), DEFAULT_MAX_BYTES);
        assert!(c.get("https://x/a").is_none());
        let p1 = c.put("https://x/a", b"same body").expect("put");
        let p2 = c.put("https://x/b", b"same body").expect("put");
        assert_eq!(p1, p2, "one body, two addresses");
        assert_eq!(c.get("https://x/b").map(|g| g.0), Some(b"same body".to_vec()));
        assert_eq!(c.size(), 9);
        // no temporary file is left behind
        let leftovers = walk(&dir).into_iter().filter(|p| p.to_string_lossy().ends_with(".tmp")).count();
        assert_eq!(leftovers, 0);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_damaged_body_is_not_served() {
        let dir = scratch("damaged");
        let c = Cache::new(dir.clone(), DEFAULT_MAX_BYTES);
        let p = c.put("u", b"original").expect("put");
        std::fs::write(&p, b"tampered").expect("write");
        assert!(c.get("u").is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn size_limit_drops_the_oldest_and_clear_empties() {
        let dir = scratch("trim");
        let c = Cache::new(dir.clone(), 25);
        c.put("a", &[b'a'; 10]).expect("put");
        std::thread::sleep(std::time::Duration::from_millis(20));
        c.put("b", &[b'b'; 10]).expect("put");
        std::thread::sleep(std::time::Duration::from_millis(20));
        c.put("c", &[b'c'; 10]).expect("put");
        assert!(c.size() <= 25);
        assert!(c.get("a").is_none(), "oldest went first");
        assert!(c.get("c").is_some());
        assert_eq!(c.clear().expect("clear"), 20);
        assert!(c.get("c").is_none());
        assert_eq!(c.size(), 0);
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn walk(d: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        if let Ok(rd) = std::fs::read_dir(d) {
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    out.extend(walk(&p));
                } else {
                    out.push(p);
                }
            }
        }
        out
    }
}
