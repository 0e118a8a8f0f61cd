//! App state and `update(Action)`: the only place where actions change state. Rendering reads
//! this state and never parses; wrapped rows are computed once per panel and width and cached.

use crate::release::Release;
use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::view::entries::{self, Entry};
use crate::tui::view::layout::{self, Areas};
use crate::tui::view::panels::{self, LineStyle, Panel, PanelKind};
use crate::tui::view::wrap::{Row, wrap};
use chrono::NaiveDate;
use ratatui::layout::Rect;
use regex::Regex;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

/// Where a reader was in a release: the panel and the panel line at the top of the screen (rows
/// change with the width; lines do not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub panel: usize,
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Reading,
    Facts,
}

/// A search hit: a byte range of one panel line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// Hits in the current panel.
    pub hits: Vec<Hit>,
    pub current: Option<usize>,
    /// Hits of the release outside the current panel (`n` goes on to them).
    pub elsewhere: usize,
}

impl Search {
    /// "4/14", "14 matches" or "no match", with the hits in other panels ("+9 in other panels").
    pub fn counter(&self) -> String {
        let here = match (self.current, self.hits.len()) {
            (_, 0) => "no match here".to_string(),
            (Some(c), n) => format!("{}/{n}", c + 1),
            (None, n) => format!("{n} matches"),
        };
        match (self.hits.len(), self.elsewhere) {
            (_, 0) if self.hits.is_empty() => "no match".into(),
            (_, 0) => here,
            (_, e) => format!("{here} (+{e} in other panels)"),
        }
    }
}

/// What the terminal loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put text on the clipboard (OSC 52).
    Copy(String),
    /// Capture the mouse (true) or release it to the terminal.
    Mouse(bool),
    /// Open one document of the submission, or (None) the whole release again.
    OpenDocument(Option<usize>),
    /// Return to the release list.
    Back,
    /// Open the next (true) or previous (false) release of the list.
    Step(bool),
    /// Write the deadlines as an iCalendar file.
    Export,
    /// Open an http(s) address with the system's opener.
    OpenUrl(String),
    /// Compare with the same issuer's previous release of the list.
    Compare,
}

/// An address irview will hand to the system's opener: http and https only ("www." gets https).
pub fn openable(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let full = if lower.starts_with("http://") || lower.starts_with("https://") {
        url.to_string()
    } else if lower.starts_with("www.") {
        format!("https://{url}")
    } else {
        return None;
    };
    // one token of printable ASCII: nothing an opener could read as an option or a second word
    let clean = full.len() <= 2048 && full.bytes().all(|b| b.is_ascii_graphic()) && !full.starts_with('-');
    clean.then_some(full)
}

pub struct App {
    /// Shared with the library: opening a release does not copy or re-parse it.
    pub release: Arc<Release>,
    pub name: String,
    pub panels: Vec<Panel>,
    pub entries: Vec<Entry>,
    pub panel: usize,
    /// Top row of each panel.
    pub scroll: Vec<usize>,
    pub focus: Focus,
    pub mode: Mode,
    pub search: Search,
    /// Selected entry of the facts pane.
    pub entry: usize,
    /// Byte span of the release text shown as selected (a fact, a deadline's sentence).
    pub selected: Option<(usize, usize)>,
    pub legend: bool,
    pub mouse: bool,
    pub message: Option<String>,
    /// Selected row of the document list.
    pub document: usize,
    pub size: (u16, u16),
    pub today: NaiveDate,
    pub color: bool,
    pub quit: bool,
    /// Content hash of the release, for remembered positions and exports.
    pub hash: Option<String>,
    /// Set when the release was opened from the list: Esc/Backspace return to it.
    pub from_list: bool,
    /// Darker colours for a light background.
    pub light: bool,
    /// Extra highlight rules from the config, and their hits per panel: (line, start, end, rule).
    pub highlights: Vec<(Regex, ratatui::style::Style)>,
    pub custom: Vec<Vec<(usize, usize, usize, usize)>>,
    wraps: RefCell<WrapCache>,
    /// The areas of the last frame drawn (mouse hits go to what the reader saw).
    viewport: RefCell<Option<Areas>>,
}

/// Wrapped rows by (panel, width).
type WrapCache = HashMap<(usize, u16), Rc<Vec<Row>>>;

impl App {
    pub fn new(release: impl Into<Arc<Release>>, name: impl Into<String>, today: NaiveDate, color: bool) -> App {
        let release = release.into();
        let panels = panels::build(&release);
        let entries = entries::build(&release);
        let first_entry = entries.iter().position(Entry::selectable).unwrap_or(0);
        let n = panels.len();
        App {
            release,
            name: name.into(),
            panels,
            entries,
            panel: 0,
            scroll: vec![0; n],
            focus: Focus::Reading,
            mode: Mode::Normal,
            search: Search::default(),
            entry: first_entry,
            selected: None,
            legend: false,
            mouse: true,
            message: None,
            document: 0,
            size: (80, 24),
            today,
            color,
            quit: false,
            hash: None,
            from_list: false,
            light: false,
            highlights: Vec::new(),
            custom: Vec::new(),
            wraps: RefCell::new(HashMap::new()),
            viewport: RefCell::new(None),
        }
    }

    /// Apply the config: theme and extra highlight rules (matched once, per panel line).
    pub fn configure(&mut self, config: &crate::tui::config::Config) {
        self.light = match config.theme {
            crate::tui::config::ThemeChoice::Light => true,
            crate::tui::config::ThemeChoice::Dark => false,
            crate::tui::config::ThemeChoice::Auto => crate::tui::config::light_background(),
        };
        self.highlights = config.highlights.clone();
        self.custom = self
            .panels
            .iter()
            .map(|p| {
                let mut hits = Vec::new();
                for (i, l) in p.lines.iter().enumerate() {
                    for (r, (re, _)) in self.highlights.iter().enumerate() {
                        hits.extend(re.find_iter(l.text).filter(|m| !m.is_empty()).map(|m| (i, m.start(), m.end(), r)));
                    }
                }
                hits
            })
            .collect();
    }

    /// The areas of the viewer on a terminal of its size.
    pub fn areas(&self) -> Areas {
        self.areas_in(Rect::new(0, 0, self.size.0, self.size.1))
    }

    /// The areas of the viewer drawn in `area`.
    pub fn areas_in(&self, area: Rect) -> Areas {
        layout::areas(area, &self.panels, self.legend, self.focus == Focus::Facts)
    }

    /// Drawing records the areas of the frame it drew.
    pub fn record_viewport(&self, areas: &Areas) {
        *self.viewport.borrow_mut() = Some(areas.clone());
    }

    /// Width of the text inside the reading pane.
    pub fn text_width(&self) -> u16 {
        self.areas().text.width.max(1)
    }

    fn page(&self) -> usize {
        usize::from(self.areas().text.height.max(1))
    }

    /// The wrapped rows of a panel at a width, computed once and cached.
    pub fn rows(&self, panel: usize, width: u16) -> Rc<Vec<Row>> {
        let key = (panel, width);
        if let Some(r) = self.wraps.borrow().get(&key) {
            return Rc::clone(r);
        }
        let rows = Rc::new(wrap(&self.panels[panel].lines, width));
        let mut cache = self.wraps.borrow_mut();
        if cache.len() > 32 {
            cache.clear();
        }
        cache.insert(key, Rc::clone(&rows));
        rows
    }

    pub fn current_rows(&self) -> Rc<Vec<Row>> {
        self.rows(self.panel, self.text_width())
    }

    fn max_scroll(&self) -> usize {
        self.current_rows().len().saturating_sub(self.page())
    }

    fn scroll_to(&mut self, top: usize) {
        let max = self.max_scroll();
        self.scroll[self.panel] = top.min(max);
    }

    fn scroll_by(&mut self, delta: isize) {
        let top = self.scroll[self.panel].saturating_add_signed(delta);
        self.scroll_to(top);
    }

    /// The row showing byte `at` of panel line `line`.
    fn row_of(&self, line: usize, at: usize) -> usize {
        let rows = self.current_rows();
        let i = rows.partition_point(|r| (r.line(), r.start()) <= (line, at));
        i.saturating_sub(1)
    }

    /// Bring a row into view, a third down the page.
    fn reveal(&mut self, row: usize) {
        let top = self.scroll[self.panel];
        let page = self.page();
        if row < top || row >= top + page {
            self.scroll_to(row.saturating_sub(page / 3));
        }
    }

    /// Panel line and byte within it that show release text at `offset`.
    fn locate(&self, panel: usize, offset: usize) -> Option<(usize, usize)> {
        self.panels[panel].lines.iter().enumerate().find_map(|(i, l)| {
            let o = l.origin?;
            (o <= offset && offset <= o + l.text.len()).then(|| (i, offset - o))
        })
    }

    /// The next (or previous) panel that holds something; the whole release always does.
    fn next_full_panel(&self, forward: bool) -> usize {
        let n = self.panels.len();
        (1..=n)
            .map(|d| {
                if forward {
                    (self.panel + d) % n
                } else {
                    (self.panel + n * 2 - d) % n
                }
            })
            .find(|&p| !self.panels[p].is_empty() || self.panels[p].kind == PanelKind::All)
            .unwrap_or(self.panel)
    }

    fn select_panel(&mut self, p: usize) {
        if p < self.panels.len() && p != self.panel {
            self.panel = p;
            self.rerun_search();
        }
    }

    /// Show release text at `offset`: in this panel if it shows it, else the first that does.
    fn jump_to(&mut self, offset: usize, span: Option<(usize, usize)>) {
        let panel = if self.panels[self.panel].shows(offset) {
            self.panel
        } else {
            (0..self.panels.len())
                .find(|&p| self.panels[p].kind != PanelKind::All && self.panels[p].shows(offset))
                .unwrap_or(self.panels.len() - 1)
        };
        self.select_panel(panel);
        if let Some((line, at)) = self.locate(panel, offset) {
            let row = self.row_of(line, at);
            self.reveal(row);
        }
        self.selected = span;
    }

    /// Facts shown in the current panel, in reading order: (fact index, line, byte in line).
    fn panel_facts(&self) -> Vec<(usize, usize, usize)> {
        let panel = &self.panels[self.panel];
        let mut out = Vec::new();
        for (i, f) in self.release.facts.iter().enumerate() {
            if panel.shows(f.start) {
                if let Some((line, at)) = self.locate(self.panel, f.start) {
                    out.push((i, line, at));
                }
            }
        }
        out.sort_by_key(|&(_, l, a)| (l, a));
        out
    }

    fn step_fact(&mut self, forward: bool) {
        let facts = self.panel_facts();
        if facts.is_empty() {
            self.message = Some("No facts in this panel".into());
            return;
        }
        let current = self.selected.and_then(|(s, _)| self.locate(self.panel, s)).unwrap_or_else(|| {
            let rows = self.current_rows();
            rows.get(self.scroll[self.panel]).map_or((0, 0), |r| (r.line(), r.start()))
        });
        let pick = if forward {
            let after = |&&(_, l, a): &&(usize, usize, usize)| (l, a) > current || self.selected.is_none() && (l, a) >= current;
            facts.iter().find(after).or(facts.first())
        } else {
            facts.iter().rev().find(|&&(_, l, a)| (l, a) < current).or(facts.last())
        };
        if let Some(&(i, line, at)) = pick {
            let f = &self.release.facts[i];
            self.selected = Some((f.start, f.end));
            self.message = Some(format!(
                "{}: {}",
                f.kind.label(),
                f.value.as_deref().unwrap_or(f.text(&self.release.text))
            ));
            let row = self.row_of(line, at);
            self.reveal(row);
        }
    }

    /// The search as a regex: smart case (an upper-case letter makes it case-sensitive).
    fn search_regex(&self) -> Option<Regex> {
        let q = &self.search.query;
        if q.is_empty() {
            return None;
        }
        let case = if q.chars().any(char::is_uppercase) { "" } else { "(?i)" };
        Regex::new(&format!("{case}{}", regex::escape(q))).ok()
    }

    fn hits_in(&self, panel: usize, re: &Regex) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (i, l) in self.panels[panel].lines.iter().enumerate() {
            hits.extend(re.find_iter(l.text).map(|m| Hit {
                line: i,
                start: m.start(),
                end: m.end(),
            }));
        }
        hits
    }

    /// The whole release: the last panel shows all of it.
    fn all_panel(&self) -> usize {
        self.panels
            .iter()
            .position(|p| p.kind == PanelKind::All)
            .unwrap_or(self.panels.len() - 1)
    }

    fn rerun_search(&mut self) {
        self.search.hits.clear();
        self.search.current = None;
        self.search.elsewhere = 0;
        let Some(re) = self.search_regex() else {
            return;
        };
        self.search.hits = self.hits_in(self.panel, &re);
        let all = self.all_panel();
        if self.panel != all {
            let total = self.hits_in(all, &re).len();
            self.search.elsewhere = total.saturating_sub(self.search.hits.len());
        }
    }

    /// The next panel (after the current one, or before it going back) with hits, the whole
    /// release last: panels overlap, and only the whole release holds every line.
    fn panel_with_hits(&self, forward: bool) -> Option<usize> {
        let re = self.search_regex()?;
        let n = self.panels.len();
        let all = self.all_panel();
        let order: Vec<usize> = if forward {
            (1..n).map(|d| (self.panel + d) % n).collect()
        } else {
            (1..n).map(|d| (self.panel + n - d) % n).collect()
        };
        order
            .iter()
            .copied()
            .find(|&p| p != all && !self.hits_in(p, &re).is_empty())
            .or_else(|| (self.panel != all && !self.hits_in(all, &re).is_empty()).then_some(all))
    }

    /// Move to the next panel with hits and select its first (or last) hit.
    fn hit_in_next_panel(&mut self, forward: bool) -> bool {
        let Some(p) = self.panel_with_hits(forward) else {
            return false;
        };
        self.select_panel(p);
        if self.search.hits.is_empty() {
            return false;
        }
        let i = if forward { 0 } else { self.search.hits.len() - 1 };
        self.search.current = Some(i);
        let h = self.search.hits[i];
        let row = self.row_of(h.line, h.start);
        self.reveal(row);
        true
    }

    fn goto_hit(&mut self, forward: bool) {
        let n = self.search.hits.len();
        if n == 0 {
            if self.search.elsewhere > 0 && self.hit_in_next_panel(forward) {
                return;
            }
            if !self.search.query.is_empty() {
                self.message = Some(format!("No match for \u{201c}{}\u{201d}", self.search.query));
            }
            return;
        }
        // past the last hit (or before the first) of this panel: on to the next panel with hits
        let at_end = match self.search.current {
            Some(c) if forward => c + 1 == n,
            Some(c) => c == 0,
            None => false,
        };
        if at_end && self.search.elsewhere > 0 && self.hit_in_next_panel(forward) {
            return;
        }
        let top_row = self.scroll[self.panel];
        let next = match self.search.current {
            Some(c) if forward => (c + 1) % n,
            Some(c) => (c + n - 1) % n,
            None => {
                // the first hit at or below the top of the page
                let rows = self.current_rows();
                let top = rows.get(top_row).map_or((0, 0), |r| (r.line(), r.start()));
                self.search.hits.iter().position(|h| (h.line, h.start) >= top).unwrap_or(0)
            }
        };
        self.search.current = Some(next);
        let h = self.search.hits[next];
        let row = self.row_of(h.line, h.start);
        self.reveal(row);
    }

    fn selectable(&self) -> Vec<usize> {
        (0..self.entries.len()).filter(|&i| self.entries[i].selectable()).collect()
    }

    fn move_entry(&mut self, delta: isize) {
        let sel = self.selectable();
        if sel.is_empty() {
            return;
        }
        let pos = sel.iter().position(|&i| i == self.entry).unwrap_or(0);
        let next = pos.saturating_add_signed(delta).min(sel.len() - 1);
        self.entry = sel[next];
    }

    /// The text `y` copies: the selected entry or fact, or the call's dial-in block.
    fn yank_text(&self) -> Option<String> {
        if self.focus == Focus::Facts {
            let e = self.entries.get(self.entry)?;
            return e.selectable().then(|| e.text.clone());
        }
        if let Some((s, e)) = self.selected {
            return Some(self.release.text.get(s..e)?.to_string());
        }
        let panel = &self.panels[self.panel];
        if panel.kind == PanelKind::Call {
            let card: Vec<&str> = panel
                .lines
                .iter()
                .take_while(|l| l.style == LineStyle::Card)
                .map(|l| l.text)
                .collect();
            if !card.is_empty() {
                return Some(card.join("\n"));
            }
        }
        None
    }

    /// The URL `o` opens: the selected fact or facts-pane entry when it is a URL, else the only
    /// URL of the panel.
    fn url_to_open(&self) -> Option<String> {
        let url_at = |start: usize, end: usize| {
            self.release
                .facts
                .iter()
                .find(|f| f.kind == crate::release::FactKind::Url && f.start <= start && end <= f.end)
        };
        let fact = if self.focus == Focus::Facts {
            self.entries.get(self.entry).and_then(|e| e.span).and_then(|(s, e)| url_at(s, e))
        } else {
            self.selected.and_then(|(s, e)| url_at(s, e))
        };
        let fact = fact.or_else(|| {
            let panel = &self.panels[self.panel];
            let mut urls = self
                .release
                .facts
                .iter()
                .filter(|f| f.kind == crate::release::FactKind::Url && panel.shows(f.start));
            let first = urls.next()?;
            urls.all(|f| f.value == first.value).then_some(first)
        })?;
        Some(fact.value.as_deref().unwrap_or(fact.text(&self.release.text)).to_string())
    }

    /// Apply an action.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
        }
        match (self.mode, action) {
            (_, Action::Quit) => self.quit = true,
            (_, Action::Resize(w, h)) => {
                let anchor = self.current_rows().get(self.scroll[self.panel]).map(|r| (r.line(), r.start()));
                self.size = (w, h);
                if let Some((line, at)) = anchor {
                    let row = self.row_of(line, at);
                    self.scroll_to(row);
                }
            }
            (Mode::Help, Action::Escape | Action::Help) => self.mode = Mode::Normal,
            (Mode::Help, _) => {}
            (Mode::Documents, Action::Escape) => self.mode = Mode::Normal,
            (Mode::Documents, Action::Down(_)) => {
                // row 0 is the whole release, then one row per document
                self.document = (self.document + 1).min(self.release.source.documents.len());
            }
            (Mode::Documents, Action::Up(_)) => self.document = self.document.saturating_sub(1),
            (Mode::Documents, Action::Select) => {
                self.mode = Mode::Normal;
                let Some(i) = self.document.checked_sub(1) else {
                    return Some(Effect::OpenDocument(None));
                };
                let doc = self.release.source.documents.get(i)?;
                if !doc.has_text {
                    self.message = Some(format!("{} holds no text", doc.doc_type));
                    return None;
                }
                return Some(Effect::OpenDocument(Some(i)));
            }
            (Mode::Documents, _) => {}
            (Mode::Search, Action::SearchChar(c)) => {
                self.search.query.push(c);
                self.rerun_search();
                self.goto_hit(true);
            }
            (Mode::Search, Action::SearchBackspace) => {
                self.search.query.pop();
                self.rerun_search();
                self.goto_hit(true);
            }
            (Mode::Search, Action::SearchConfirm) => self.mode = Mode::Normal,
            (Mode::Search, Action::Escape) => {
                self.mode = Mode::Normal;
                self.search = Search::default();
            }
            (Mode::Search, _) => {}
            (Mode::Normal, a) => return self.normal(a),
            (Mode::List | Mode::Filter | Mode::Timeline, _) => {}
        }
        None
    }

    fn normal(&mut self, action: Action) -> Option<Effect> {
        let facts = self.focus == Focus::Facts;
        match action {
            Action::NextPanel => self.select_panel(self.next_full_panel(true)),
            Action::PrevPanel => self.select_panel(self.next_full_panel(false)),
            Action::Panel(p) => self.select_panel(usize::from(p)),
            Action::Down(n) if facts => self.move_entry(isize::from(n as i16)),
            Action::Up(n) if facts => self.move_entry(-isize::from(n as i16)),
            Action::Down(n) => self.scroll_by(isize::from(n as i16)),
            Action::Up(n) => self.scroll_by(-isize::from(n as i16)),
            Action::PageDown if facts => self.move_entry(10),
            Action::PageUp if facts => self.move_entry(-10),
            Action::PageDown => self.scroll_by(self.page().saturating_sub(1).max(1) as isize),
            Action::PageUp => self.scroll_by(-(self.page().saturating_sub(1).max(1) as isize)),
            Action::Top if facts => self.move_entry(-(self.entries.len() as isize)),
            Action::Bottom if facts => self.move_entry(self.entries.len() as isize),
            Action::Top => self.scroll_to(0),
            Action::Bottom => self.scroll_to(usize::MAX),
            Action::Search => {
                self.mode = Mode::Search;
                self.search = Search::default();
            }
            Action::NextMatch => self.goto_hit(true),
            Action::PrevMatch => self.goto_hit(false),
            Action::NextFact => self.step_fact(true),
            Action::PrevFact => self.step_fact(false),
            Action::FocusFacts => {
                self.focus = if facts { Focus::Reading } else { Focus::Facts };
            }
            Action::Select => {
                if let Some(e) = self.entries.get(self.entry).filter(|e| e.selectable()) {
                    let (target, span) = (e.target, e.span);
                    if let Some(t) = target {
                        self.jump_to(t, span);
                        self.focus = Focus::Reading;
                    }
                }
            }
            Action::Yank => match self.yank_text() {
                Some(t) => {
                    let shown: String = t.chars().take(40).collect();
                    self.message = Some(format!(
                        "Copied to clipboard: {}{}",
                        shown.replace('\n', " | "),
                        if t.chars().count() > 40 { "…" } else { "" }
                    ));
                    return Some(Effect::Copy(t));
                }
                None => self.message = Some("Nothing to copy: select a fact with ] or f first".into()),
            },
            Action::OpenUrl => match self.url_to_open() {
                Some(url) => match openable(&url) {
                    Some(url) => {
                        self.message = Some(format!("Opening {url}"));
                        return Some(Effect::OpenUrl(url));
                    }
                    None => self.message = Some("Only http and https addresses are opened".into()),
                },
                None => self.message = Some("No URL selected: pick one with ] or in the facts pane (f)".into()),
            },
            Action::ToggleLegend => self.legend = !self.legend,
            Action::Help => self.mode = Mode::Help,
            Action::Escape => {
                if self.legend {
                    self.legend = false;
                } else if !self.search.query.is_empty() {
                    self.search = Search::default();
                } else if self.selected.is_some() {
                    self.selected = None;
                } else if facts {
                    self.focus = Focus::Reading;
                } else if self.from_list {
                    return Some(Effect::Back);
                }
            }
            Action::Compare if !self.from_list => {
                self.message = Some("Open several releases of one issuer (a folder, irview edgar) to compare".into());
            }
            Action::Compare => return Some(Effect::Compare),
            Action::Back | Action::NextRelease | Action::PrevRelease if !self.from_list => {
                self.message = Some("Open several files or a folder to move between releases".into());
            }
            Action::Back => return Some(Effect::Back),
            Action::NextRelease => return Some(Effect::Step(true)),
            Action::PrevRelease => return Some(Effect::Step(false)),
            Action::Export => {
                if self.release.deadlines.is_empty() {
                    self.message = Some("No deadlines to export".into());
                } else {
                    return Some(Effect::Export);
                }
            }
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.message = Some(if self.mouse {
                    "Mouse captured (M releases it)".into()
                } else {
                    "Mouse released for text selection (M takes it back)".into()
                });
                return Some(Effect::Mouse(self.mouse));
            }
            Action::Documents => {
                if self.release.source.documents.len() > 1 {
                    self.mode = Mode::Documents;
                    // the one document shown, else the whole release (row 0)
                    let docs = &self.release.source.documents;
                    let shown: Vec<usize> = docs.iter().filter(|d| d.shown).map(|d| d.index).collect();
                    self.document = match shown.as_slice() {
                        [one] => docs.iter().position(|d| d.index == *one).map_or(0, |i| i + 1),
                        _ => 0,
                    };
                } else {
                    self.message = Some("This release is a single document".into());
                }
            }
            Action::Click(x, y) => self.click(x, y),
            _ => {}
        }
        None
    }

    fn click(&mut self, x: u16, y: u16) {
        let a = self.viewport.borrow().clone().unwrap_or_else(|| self.areas());
        if let Some(p) = a.tabs.iter().position(|t| t.contains(ratatui::layout::Position::new(x, y))) {
            self.select_panel(p);
        } else if a.facts.contains(ratatui::layout::Position::new(x, y)) {
            self.focus = Focus::Facts;
            let row = usize::from(y - a.facts.y);
            let first = layout::facts_first(self.entry, a.facts.height);
            if let Some(i) = (first + row < self.entries.len())
                .then_some(first + row)
                .filter(|&i| self.entries[i].selectable())
            {
                self.entry = i;
            }
        } else if a.reading.contains(ratatui::layout::Position::new(x, y)) {
            self.focus = Focus::Reading;
        }
    }

    /// Show the release text at `offset` (opening a release at a deadline of the timeline).
    pub fn show(&mut self, offset: usize) {
        self.jump_to(offset, None);
    }

    /// Where the reader is: the panel and the panel line at the top of the screen.
    pub fn where_am_i(&self) -> Position {
        let line = self.current_rows().get(self.scroll[self.panel]).map_or(0, |r| r.line());
        Position { panel: self.panel, line }
    }

    /// Go back to a remembered place (ignored when the release has changed shape).
    pub fn restore(&mut self, pos: Position) {
        if pos.panel < self.panels.len() {
            self.select_panel(pos.panel);
            let row = self.row_of(pos.line, 0);
            self.scroll_to(row);
        }
    }

    /// Position in the current panel: (first visible line number, total, percent).
    pub fn position(&self) -> (usize, usize, usize) {
        let rows = self.current_rows();
        let total = rows.len().max(1);
        let top = self.scroll[self.panel].min(total - 1);
        let bottom = (top + self.page()).min(total);
        (top + 1, total, bottom * 100 / total)
    }
}
