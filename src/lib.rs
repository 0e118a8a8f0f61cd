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

/// Strip anything a terminal could act on from a string shown on screen (file names too).
pub fn display_safe(s: &str) -> String {
    release::load::sanitize(s).replace(['\n', '\t'], " ")
}
