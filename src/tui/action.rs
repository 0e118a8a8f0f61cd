//! Everything the user can ask for. Keys and mouse events map to these; `App::update` applies them.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    NextPanel,
    PrevPanel,
    /// Select panel N (0-based).
    Panel(u8),
    Down(u16),
    Up(u16),
    PageDown,
    PageUp,
    Top,
    Bottom,
    /// Start typing a search.
    Search,
    SearchChar(char),
    SearchBackspace,
    SearchConfirm,
    NextMatch,
    PrevMatch,
    NextFact,
    PrevFact,
    /// Move focus between the reading pane and the facts pane.
    FocusFacts,
    /// Enter: jump to the selected entry (facts pane) or open the selected document.
    Select,
    Yank,
    ToggleLegend,
    Help,
    /// Esc: close an overlay or clear the search; never quits.
    Escape,
    ToggleMouse,
    Documents,
    Resize(u16, u16),
    /// Back to the release list (from a release opened there).
    Back,
    /// Open the next / previous release of the list without returning to it.
    NextRelease,
    PrevRelease,
    /// Export the current release's deadlines as an iCalendar file.
    Export,
    /// Release list: mark the selected release reviewed (or unmark it).
    Mark,
    /// Release list: cycle the sort order.
    Sort,
    /// Release list: show only releases with a conference call today (or all again).
    CallsToday,
    /// Release list: leave out the releases marked reviewed (or show them again).
    HideReviewed,
    /// Release list: the timeline of every deadline across the releases.
    Timeline,
    /// Open the selected URL with the system's opener.
    OpenUrl,
    /// Compare with the same issuer's previous release of the list.
    Compare,
    /// A left click at column, row.
    Click(u16, u16),
}
