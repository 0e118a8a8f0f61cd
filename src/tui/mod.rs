//! The terminal side: the shell (one root state over the library and the screen shown, with one
//! `update(Msg) -> Vec<Command>`), the screens' state with their `update(Action)` (the list in
//! `browser`, the viewer in `app`), the key table, the config file, what the viewer shows (`view`,
//! built once from a release), drawing (`ui`) and the event loop (`terminal`), the only place that
//! does I/O.

pub mod action;
pub mod app;
pub mod browser;
pub mod config;
pub mod keymap;
pub mod shell;
pub mod terminal;
pub mod ui;
pub mod view;
