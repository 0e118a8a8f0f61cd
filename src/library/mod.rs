//! Many releases at once: finding them in folders, parsing them in parallel with a stable order,
//! rows for the release list, exports (JSON Lines, iCalendar) and what irview remembers between
//! runs (reviewed marks, last position). Reading input bytes and the XDG
//! folders live here too. No terminal code here.

pub mod dirs;
pub mod files;
pub mod ics;
pub mod input;
pub mod parallel;
pub mod row;
pub mod state;
pub mod store;
