//! What the viewer shows, built once from a parsed release: panels of lines, wrapped rows per
//! width, and the entries of the facts pane. Plain data; no terminal calls.

pub mod cards;
pub mod entries;
pub mod panels;
pub mod wrap;
