//! XDG base directories.

use std::path::PathBuf;

/// `$VAR/irview`, else `~/<fallback>/irview` (e.g. `XDG_STATE_HOME`, `.local/state`).
pub fn xdg(var: &str, fallback: &str) -> Option<PathBuf> {
    let base = std::env::var_os(var).filter(|v| !v.is_empty()).map(PathBuf::from).or_else(|| {
        std::env::var_os("HOME")
            .filter(|v| !v.is_empty())
            .map(|h| PathBuf::from(h).join(fallback))
    })?;
    Some(base.join("irview"))
}
