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
    /// A left click at column, row.
    Click(u16, u16),
}
