//! irview: read investor-relations press releases fast.
//!
//! The crate is three parts, one folder each:
//! - [`release`]: the domain core (loading, decoding, segmenting, extracting); no terminal code.
//! - [`library`]: many releases (finding them, parsing them on workers, exports, remembered state); no
//!   terminal code either.
//! - [`tui`]: the terminal side (state, keys, drawing, the event loop).
//!
//! [`summary`] prints a release as plain text; the command line lives in the binary (`src/main.rs`, `src/cli.rs`).

pub mod library;
pub mod release;
pub mod summary;
pub mod tui;

/// The bundled reference release, opened when no file is given.
pub const BUNDLED_NAME: &str = "sonus-networks-2004-03-29.txt";
pub const BUNDLED: &str = include_str!("../assets/sonus-networks-2004-03-29.txt");

/// Strip anything a terminal could act on from a string shown on one line (file names, errors):
/// the core's one cleaning function ([`release::sanitize`]), with newlines and tabs as spaces.
pub fn display_safe(s: &str) -> String {
    release::one_line(s)
}
