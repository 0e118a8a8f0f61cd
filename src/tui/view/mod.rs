//! What the viewer shows, built once from a parsed release: panels of lines, wrapped rows per
//! width, the entries of the facts pane, and where each pane goes. Plain data; no terminal calls.

pub mod cards;
pub mod entries;
pub mod layout;
pub mod panels;
pub mod wrap;
