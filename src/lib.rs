//! irview: read investor-relations press releases fast.
//!
//! [`release`] is the domain core (loading, decoding, segmenting, extracting) and knows nothing of
//! the terminal; [`summary`] prints a parsed release as plain text.

pub mod input;
pub mod release;
pub mod summary;

/// The bundled reference release, opened when no file is given.
pub const BUNDLED_NAME: &str = "sonus-networks-2004-03-29.txt";
pub const BUNDLED: &str = include_str!("../assets/sonus-networks-2004-03-29.txt");
