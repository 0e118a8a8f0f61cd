//! Many releases at once: finding them in folders, parsing them in parallel with a stable order,
//! rows for the release list, exports (JSON Lines, iCalendar) and what irview remembers between
//! runs (reviewed marks, last position). No terminal code here.

pub mod files;
pub mod ics;
pub mod parallel;
pub mod row;
pub mod state;
