//! Many releases at once: finding them in folders, parsing them in parallel with a stable order,
//! rows for the release list, exports (JSON Lines, iCalendar) and what irview remembers between
//! runs (reviewed marks, last position). Reading input bytes and the XDG
//! folders live here too. No terminal code here.

pub mod compare;
pub mod dirs;
pub mod edgar;
pub mod feeds;
pub mod fetch;
pub mod files;
pub mod ics;
pub mod input;
pub mod parallel;
pub mod remote;
pub mod row;
pub mod state;
pub mod store;
