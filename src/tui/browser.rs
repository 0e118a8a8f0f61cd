//! The release list: rows filling in as background parsing finishes, a fuzzy filter, sort orders,
//! reviewed marks, and the timeline of every deadline across the releases. State and `update`
//! only; `ui::list` draws it and `terminal::run_list` runs it.

use crate::library::row::Row;
use crate::library::state::State;
use crate::release::{DeadlineKind, Release};
use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use chrono::{NaiveDate, NaiveTime};
use nucleo_matcher::pattern::{Atom, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    DateNewest,
    Company,
    Flags,
    OpenDeadlines,
}

impl Sort {
    pub fn label(self) -> &'static str {
        match self {
            Sort::DateNewest => "date (newest first)",
            Sort::Company => "company",
            Sort::Flags => "red flags",
            Sort::OpenDeadlines => "open deadlines",
        }
    }
    fn next(self) -> Sort {
        match self {
            Sort::DateNewest => Sort::Company,
            Sort::Company => Sort::Flags,
            Sort::Flags => Sort::OpenDeadlines,
            Sort::OpenDeadlines => Sort::DateNewest,
        }
    }
}

/// One deadline of the cross-release timeline.
#[derive(Debug, Clone)]
pub struct TimelineItem {
    pub row: usize,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub tz: Option<String>,
    pub what: DeadlineKind,
    /// Where the deadline's sentence starts in its release's text.
    pub start: usize,
}

/// What the terminal loop must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListEffect {
    /// Open row N, optionally showing the release text at an offset.
    Open(usize, Option<usize>),
    /// The marks changed: save the state.
    Save,
}

pub struct Browser {
    pub rows: Vec<Row>,
    /// Visible rows (indices into `rows`) after filter and sort.
    pub order: Vec<usize>,
    /// Index into `order`.
    pub selected: usize,
    pub filter: String,
    pub sort: Sort,
    pub mode: Mode,
    pub timeline: Vec<TimelineItem>,
    pub timeline_selected: usize,
    pub state: State,
    pub today: NaiveDate,
    pub color: bool,
    pub light: bool,
    pub size: (u16, u16),
    pub parsed: usize,
    pub message: Option<String>,
    pub quit: bool,
    /// Once the user has moved, the selection follows its row as others arrive and re-sort.
    pub moved: bool,
    /// Rows arrived since the order was last computed ([`Browser::settle`] sorts once for all).
    dirty: bool,
    /// What the filter matches, per row, made once when the row fills in.
    hay: Vec<String>,
    /// Show only releases with a conference call today.
    pub calls_today: bool,
    /// Leave out the releases marked reviewed.
    pub hide_reviewed: bool,
    /// The rows come from the network (fetched, not read from files).
    pub remote: bool,
}

/// The list filter: each word of the query must match (fuzzy, smart case, as fzf and helix do,
/// with nucleo), and closely: a word whose letters are strewn over a long headline does not count.
/// A higher score is a closer match.
pub struct Filter {
    atoms: Vec<Atom>,
    matcher: Matcher,
    buf: Vec<char>,
}

impl Filter {
    pub fn new(query: &str) -> Filter {
        Filter {
            atoms: Pattern::parse(query, CaseMatching::Smart, Normalization::Smart).atoms,
            matcher: Matcher::new(Config::DEFAULT),
            buf: Vec::new(),
        }
    }

    /// Least score of a word: 22.5 points a character. A contiguous match scores 16 a character
    /// plus bonuses for word starts and runs (about 28); each gap costs 3, then 1 per character
    /// skipped, so one short gap passes ("zta" for Zeta) and a scattered match does not.
    fn floor(atom: &Atom) -> u32 {
        let n = u32::try_from(atom.needle_text().len()).unwrap_or(u32::MAX);
        n.saturating_mul(45) / 2
    }

    pub fn score(&mut self, hay: &str) -> Option<u32> {
        let hay = Utf32Str::new(hay, &mut self.buf);
        let mut total = 0u32;
        for atom in &self.atoms {
            let s = u32::from(atom.score(hay, &mut self.matcher)?);
            if !atom.negative && s < Self::floor(atom) {
                return None;
            }
            total = total.saturating_add(s);
        }
        Some(total)
    }
}

/// Score of `needle` against `hay` with the list filter's rules (None: no match).
pub fn fuzzy(needle: &str, hay: &str) -> Option<u32> {
    Filter::new(needle).score(hay)
}

impl Browser {
    pub fn new(paths: Vec<PathBuf>, mut state: State, today: NaiveDate, color: bool) -> Browser {
        let rows: Vec<Row> = paths.into_iter().map(Row::pending).collect();
        // damage found in the remembered state is shown once, on the first frame
        let message = state.notice.take();
        let mut b = Browser {
            order: (0..rows.len()).collect(),
            rows,
            selected: 0,
            filter: String::new(),
            sort: Sort::DateNewest,
            mode: Mode::List,
            timeline: Vec::new(),
            timeline_selected: 0,
            state,
            today,
            color,
            light: false,
            size: (80, 24),
            parsed: 0,
            message,
            quit: false,
            moved: false,
            dirty: false,
            hay: Vec::new(),
            calls_today: false,
            hide_reviewed: false,
            remote: false,
        };
        b.hay = b.rows.iter().map(Row::haystack).collect();
        b.reorder();
        b
    }

    /// A new row whose document is still on its way, named by where it comes from; it takes its
    /// place in the order at the next [`Browser::settle`].
    pub fn add_pending(&mut self, label: &str, date: Option<NaiveDate>) {
        let mut row = Row::pending(PathBuf::from(label.replace('/', " ")));
        row.origin = Some(crate::display_safe(label));
        row.date = date;
        self.hay.push(row.haystack());
        self.rows.push(row);
        self.dirty = true;
    }

    /// A background parse finished.
    pub fn arrive(&mut self, index: usize, result: Result<(Release, String), String>) {
        match result {
            Ok((r, hash)) => self.receive(index, Ok((&r, &hash))),
            Err(e) => self.receive(index, Err(&e)),
        }
        self.settle();
    }

    /// A background parse finished: the row fills in; the order is brought up to date by
    /// [`Browser::settle`], once for all the rows that came in since.
    pub fn receive(&mut self, index: usize, result: Result<(&Release, &str), &str>) {
        let Some(row) = self.rows.get(index) else { return };
        let path = row.path.clone();
        let (origin, known_date) = (row.origin.clone(), row.date);
        self.rows[index] = match result {
            Ok((r, hash)) => {
                for d in &r.deadlines {
                    self.timeline.push(TimelineItem {
                        row: index,
                        date: d.date,
                        time: d.time,
                        tz: d.tz.clone(),
                        what: d.what,
                        start: d.start,
                    });
                }
                Row::from_release(path, hash.to_string(), r, self.today)
            }
            Err(e) => Row::failed(path, e.to_string()),
        };
        self.rows[index].origin = origin;
        if self.rows[index].date.is_none() {
            self.rows[index].date = known_date;
        }
        self.hay[index] = self.rows[index].haystack();
        self.parsed += 1;
        self.dirty = true;
    }

    /// Sort the rows and the timeline if rows arrived since the last time.
    pub fn settle(&mut self) {
        if std::mem::take(&mut self.dirty) {
            self.sort_timeline();
            self.reorder();
        }
    }

    fn sort_timeline(&mut self) {
        let today = self.today;
        // upcoming first, soonest first; then the past, most recent first
        self.timeline.sort_by(|a, b| {
            let (pa, pb) = (a.date < today, b.date < today);
            pa.cmp(&pb)
                .then_with(|| if pa { b.date.cmp(&a.date) } else { a.date.cmp(&b.date) })
                .then_with(|| a.time.cmp(&b.time))
        });
    }

    pub fn is_reviewed(&self, row: &Row) -> bool {
        row.hash.as_ref().is_some_and(|h| self.state.reviewed.contains(h))
    }

    /// Recompute the visible order, keeping the selected row selected.
    pub fn reorder(&mut self) {
        let keep = self.order.get(self.selected).copied().filter(|_| self.moved);
        let mut filter = (!self.filter.trim().is_empty()).then(|| Filter::new(&self.filter));
        let (calls_today, hide_reviewed, today) = (self.calls_today, self.hide_reviewed, self.today);
        let reviewed = &self.state.reviewed;
        let keep_row =
            |r: &Row| (!calls_today || r.has_call_on(today)) && (!hide_reviewed || !r.hash.as_ref().is_some_and(|h| reviewed.contains(h)));
        let triage = calls_today || hide_reviewed;
        let mut order: Vec<(usize, u32)> = match &mut filter {
            // unfiltered, the last order is nearly sorted still (only the rows that came in since
            // moved): the merge sort runs over it in about linear time
            None if !triage && self.order.len() == self.rows.len() => self.order.iter().map(|&i| (i, 0)).collect(),
            None => (0..self.rows.len()).filter(|&i| keep_row(&self.rows[i])).map(|i| (i, 0)).collect(),
            Some(f) => self
                .rows
                .iter()
                .enumerate()
                .filter(|(_, r)| keep_row(r))
                .filter_map(|(i, _)| f.score(&self.hay[i]).map(|s| (i, s)))
                .collect(),
        };
        // the sort keys, computed once per row rather than once per comparison
        let lower: Vec<String> = if self.sort == Sort::Company {
            self.rows.iter().map(|r| r.company.to_lowercase()).collect()
        } else {
            Vec::new()
        };
        let rows = &self.rows;
        order.sort_by(|&(a, sa), &(b, sb)| {
            let (ra, rb) = (&rows[a], &rows[b]);
            let by = match self.sort {
                Sort::DateNewest => rb.date.cmp(&ra.date),
                Sort::Company => lower[a].cmp(&lower[b]),
                Sort::Flags => rb.flags.len().cmp(&ra.flags.len()),
                Sort::OpenDeadlines => rb.open_deadlines.cmp(&ra.open_deadlines),
            };
            let closeness = sb.cmp(&sa);
            closeness.then(by).then(a.cmp(&b))
        });
        self.order = order.into_iter().map(|(i, _)| i).collect();
        self.selected = keep
            .and_then(|k| self.order.iter().position(|&i| i == k))
            .unwrap_or(0)
            .min(self.order.len().saturating_sub(1));
    }

    pub fn selected_row(&self) -> Option<usize> {
        self.order.get(self.selected).copied()
    }

    fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(4)).max(1)
    }

    /// The row after (or before) `row` in the visible order, for `)` and `(` in the viewer.
    pub fn neighbour(&mut self, row: usize, forward: bool) -> Option<usize> {
        let pos = self.order.iter().position(|&i| i == row)?;
        let next = if forward {
            pos.checked_add(1).filter(|p| *p < self.order.len())?
        } else {
            pos.checked_sub(1)?
        };
        self.selected = next;
        Some(self.order[next])
    }

    pub fn update(&mut self, action: Action) -> Option<ListEffect> {
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
        }
        let n = self.order.len();
        if matches!(
            action,
            Action::Down(_)
                | Action::Up(_)
                | Action::PageDown
                | Action::PageUp
                | Action::Top
                | Action::Bottom
                | Action::Select
                | Action::Mark
        ) {
            self.moved = true;
        }
        match (self.mode, action) {
            (_, Action::Quit) => self.quit = true,
            (_, Action::Resize(w, h)) => self.size = (w, h),
            (Mode::Filter, Action::SearchChar(c)) => {
                self.filter.push(c);
                self.reorder();
                self.selected = 0;
            }
            (Mode::Filter, Action::SearchBackspace) => {
                self.filter.pop();
                self.reorder();
            }
            (Mode::Filter, Action::SearchConfirm) => self.mode = Mode::List,
            (Mode::Filter | Mode::List, Action::Escape) => {
                self.mode = Mode::List;
                self.filter.clear();
                self.reorder();
            }
            (Mode::List, Action::Search) => {
                self.mode = Mode::Filter;
                self.filter.clear();
            }
            (Mode::List, Action::Down(k)) => self.selected = (self.selected + usize::from(k)).min(n.saturating_sub(1)),
            (Mode::List, Action::Up(k)) => self.selected = self.selected.saturating_sub(usize::from(k)),
            (Mode::List, Action::PageDown) => self.selected = (self.selected + self.page()).min(n.saturating_sub(1)),
            (Mode::List, Action::PageUp) => self.selected = self.selected.saturating_sub(self.page()),
            (Mode::List, Action::Top) => self.selected = 0,
            (Mode::List, Action::Bottom) => self.selected = n.saturating_sub(1),
            (Mode::List, Action::Sort) => {
                self.sort = self.sort.next();
                self.reorder();
                self.message = Some(format!("Sorted by {}", self.sort.label()));
            }
            (Mode::List, Action::Mark) => {
                let row = self.selected_row()?;
                let Some(hash) = self.rows[row].hash.clone() else {
                    self.message = Some("Not parsed yet".into());
                    return None;
                };
                let now = self.state.toggle_reviewed(&hash);
                self.message = Some(if now { "Marked reviewed".into() } else { "Unmarked".into() });
                // a mark moves on to the next release, as a reviewer works down the list
                if now {
                    if self.hide_reviewed {
                        // the row leaves the list: the next one takes its place
                        let at = self.selected;
                        self.moved = false;
                        self.reorder();
                        self.selected = at.min(self.order.len().saturating_sub(1));
                        self.moved = true;
                    } else {
                        self.selected = (self.selected + 1).min(n.saturating_sub(1));
                    }
                }
                return Some(ListEffect::Save);
            }
            (Mode::List, Action::Select) => {
                let row = self.selected_row()?;
                if let Some(e) = &self.rows[row].error {
                    self.message = Some(e.clone());
                    return None;
                }
                return Some(ListEffect::Open(row, None));
            }
            (Mode::List, Action::CallsToday) => {
                self.calls_today = !self.calls_today;
                self.reorder();
                self.message = Some(if self.calls_today {
                    format!("Releases with a call today: {} (c shows all)", self.order.len())
                } else {
                    "All releases".into()
                });
            }
            (Mode::List, Action::HideReviewed) => {
                self.hide_reviewed = !self.hide_reviewed;
                self.reorder();
                self.message = Some(if self.hide_reviewed {
                    "Reviewed releases hidden (h shows them)".into()
                } else {
                    "Reviewed releases shown".into()
                });
            }
            (Mode::List, Action::Timeline) => {
                self.mode = Mode::Timeline;
                self.timeline_selected = self.timeline.iter().position(|t| t.date >= self.today).unwrap_or(0);
            }
            (Mode::Timeline, Action::Escape) => self.mode = Mode::List,
            (Mode::Timeline, Action::Down(k)) => {
                self.timeline_selected = (self.timeline_selected + usize::from(k)).min(self.timeline.len().saturating_sub(1))
            }
            (Mode::Timeline, Action::Up(k)) => self.timeline_selected = self.timeline_selected.saturating_sub(usize::from(k)),
            (Mode::Timeline, Action::Select) => {
                let t = self.timeline.get(self.timeline_selected)?;
                let (row, at) = (t.row, t.start);
                if let Some(p) = self.order.iter().position(|&i| i == row) {
                    self.selected = p;
                }
                return Some(ListEffect::Open(row, Some(at)));
            }
            (Mode::List, Action::Help) => {
                let keys: Vec<String> = crate::tui::keymap::help_rows(Mode::List)
                    .into_iter()
                    .map(|(k, h)| format!("{k} {h}"))
                    .collect();
                self.message = Some(keys.join(" \u{b7} "));
            }
            _ => {}
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_matching() {
        assert!(fuzzy("sonus", "Sonus Networks NASDAQ:SONS").is_some());
        assert!(fuzzy("orcl", "Oracle Corporation NYSE:ORCL Oracle Announces Fiscal 2022 Results").is_some());
        assert!(fuzzy("xyz", "Sonus").is_none());
        assert!(fuzzy("son", "Sonus").unwrap_or(0) > fuzzy("son", "Sears Oracle Nephros").unwrap_or(0));
        // every word must match; flags are matched too
        assert!(fuzzy("late filing", "Sonus Networks NASDAQ:SONS Update LATE FILING RESTATEMENT").is_some());
        assert!(fuzzy("late filing", "Sonus Networks NASDAQ:SONS Update RESTATEMENT").is_none());
        // near-miss: the letters of "oracle" strewn over an unrelated headline
        let aemetis = "Aemetis, Inc. NASDAQ:AMTX Aemetis to Review Third Quarter 2024 Results on November 7, 2024";
        assert!(fuzzy("oracle", aemetis).is_none(), "{:?}", fuzzy("oracle", aemetis));
    }
}
