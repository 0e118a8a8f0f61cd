//! irview: read investor-relations press releases fast.
//!
//! [`release`] is the domain core (loading, decoding, segmenting, extracting) and knows nothing of
//! the terminal. [`view`] turns a parsed release into panels and entries once; [`app`] holds the
//! viewer's state and applies [`action::Action`]s; [`ui`] draws the state; [`terminal`] runs the
//! event loop. [`summary`] prints a release as plain text.

pub mod action;
pub mod app;
pub mod batch;
pub mod browser;
pub mod config;
pub mod dirs;
pub mod input;
pub mod keymap;
pub mod release;
pub mod summary;
pub mod terminal;
pub mod ui;
pub mod view;

/// The bundled reference release, opened when no file is given.
pub const BUNDLED_NAME: &str = "sonus-networks-2004-03-29.txt";
pub const BUNDLED: &str = include_str!("../assets/sonus-networks-2004-03-29.txt");

/// Strip anything a terminal could act on from a string shown on screen (file names too).
pub fn display_safe(s: &str) -> String {
    release::load::sanitize(s).replace(['\n', '\t'], " ")
}
