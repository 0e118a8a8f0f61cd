//! One row of the release list, summarised from a parsed release.

use crate::release::{DeadlineKind, Metric, Release};
use chrono::{NaiveDate, NaiveTime};
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Row {
    pub path: PathBuf,
    /// Where the release came from, when that is not its path (a fetched filing's label).
    pub origin: Option<String>,
    pub hash: Option<String>,
    pub date: Option<NaiveDate>,
    pub company: String,
    pub ticker: String,
    pub headline: String,
    pub flags: Vec<&'static str>,
    /// Deadlines on or after today.
    pub open_deadlines: usize,
    /// What the release is, main kind first ("earnings", "dividend").
    pub kinds: Vec<&'static str>,
    /// The key figures, short: "rev $412M · EPS $0.52".
    pub figure: String,
    /// The next deadline on or after today: date, time, zone, what.
    pub next: Option<(NaiveDate, Option<NaiveTime>, Option<String>, DeadlineKind)>,
    /// Dates of the release's conference calls (for "calls today").
    pub calls: Vec<NaiveDate>,
    pub error: Option<String>,
    /// True until the file has been parsed.
    pub loading: bool,
}

impl Row {
    pub fn pending(path: PathBuf) -> Row {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        Row {
            path,
            origin: None,
            hash: None,
            date: None,
            company: String::new(),
            ticker: String::new(),
            headline: crate::display_safe(&name),
            flags: Vec::new(),
            open_deadlines: 0,
            kinds: Vec::new(),
            figure: String::new(),
            next: None,
            calls: Vec::new(),
            error: None,
            loading: true,
        }
    }

    pub fn from_release(path: PathBuf, hash: String, r: &Release, today: NaiveDate) -> Row {
        let open = r.deadlines.iter().filter(|d| d.date >= today).count();
        let mut flags: Vec<&'static str> = r.flags.iter().map(|f| f.kind.label()).collect();
        flags.dedup();
        Row {
            path,
            origin: None,
            hash: Some(hash),
            date: r.dateline.date,
            company: r.company.name.clone().unwrap_or_default(),
            ticker: r.company.tickers.first().cloned().unwrap_or_default(),
            headline: r.headline.clone().unwrap_or_default(),
            flags,
            open_deadlines: open,
            kinds: r.kinds.iter().map(|k| k.label()).collect(),
            figure: key_figures(r),
            next: r
                .deadlines
                .iter()
                .filter(|d| d.date >= today)
                .min_by_key(|d| (d.date, d.time))
                .map(|d| (d.date, d.time, d.tz.clone(), d.what)),
            calls: r
                .deadlines
                .iter()
                .filter(|d| d.what == DeadlineKind::ConferenceCall)
                .map(|d| d.date)
                .collect(),
            error: None,
            loading: false,
        }
    }

    pub fn failed(path: PathBuf, error: String) -> Row {
        Row {
            error: Some(crate::display_safe(&error)),
            loading: false,
            ..Row::pending(path)
        }
    }

    /// Text the list filter matches against: company, ticker, headline, red flags, kinds, file name.
    pub fn haystack(&self) -> String {
        let name = self.path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        format!(
            "{} {} {} {} {} {name}",
            self.company,
            self.ticker,
            self.headline,
            self.flags.join(" "),
            self.kinds.join(" ")
        )
    }

    /// Does the release hold a conference call on `day`?
    pub fn has_call_on(&self, day: NaiveDate) -> bool {
        self.calls.contains(&day)
    }

    /// The next deadline as a list cell: "call today 08:30 ET", "record in 5d".
    pub fn next_label(&self, today: NaiveDate) -> String {
        let Some((date, time, tz, what)) = &self.next else {
            return String::new();
        };
        let when = match (date.signed_duration_since(today).num_days(), time) {
            (0, Some(t)) => format!(
                "today {}{}",
                t.format("%H:%M"),
                tz.as_deref().map(|z| format!(" {z}")).unwrap_or_default()
            ),
            (0, None) => "today".into(),
            (1, _) => "tomorrow".into(),
            _ => relative(*date, today),
        };
        format!("{} {when}", short_what(*what))
    }
}

/// When a date is, against today, in at most 8 cells: "today", "tomorrow", "in 3d", "in 5w",
/// "in 4mo", "in 2y", "yesterday", "3d ago", "5w ago", "4mo ago", "2y ago".
pub fn relative(date: NaiveDate, today: NaiveDate) -> String {
    let d = (date - today).num_days();
    let span = |n: i64| match n {
        n if n < 14 => format!("{n}d"),
        n if n < 60 => format!("{}w", n / 7),
        n if n < 730 => format!("{}mo", n * 12 / 365),
        n => format!("{}y", n / 365),
    };
    match d {
        0 => "today".into(),
        1 => "tomorrow".into(),
        -1 => "yesterday".into(),
        d if d > 1 => format!("in {}", span(d)),
        d => format!("{} ago", span(-d)),
    }
}

/// A deadline's kind in a word or two, for a narrow column.
fn short_what(k: DeadlineKind) -> &'static str {
    match k {
        DeadlineKind::ConferenceCall => "call",
        DeadlineKind::TelephoneReplay | DeadlineKind::Replay | DeadlineKind::WebcastReplay => "replay ends",
        DeadlineKind::Hearing => "hearing",
        DeadlineKind::RecordDate => "record",
        DeadlineKind::PaymentDate => "payable",
        DeadlineKind::ShareholderMeeting => "meeting",
        DeadlineKind::Deadline => "deadline",
        DeadlineKind::Expiration => "expires",
        DeadlineKind::ScheduledEvent => "event",
    }
}

/// "$412M", "$1.2B", "$0.52": money in a few cells.
fn compact(v: f64, currency: Option<&str>, per_share: bool) -> String {
    let sign = match currency {
        Some("USD") | None => "$".to_string(),
        Some("EUR") => "€".to_string(),
        Some("GBP") => "£".to_string(),
        Some(c) => format!("{c} "),
    };
    let a = v.abs();
    let body = if per_share || a < 1e3 {
        format!("{a:.2}")
    } else if a >= 1e9 {
        format!("{:.1}B", a / 1e9)
    } else if a >= 1e6 {
        format!("{:.0}M", a / 1e6)
    } else {
        format!("{:.0}K", a / 1e3)
    };
    format!("{}{sign}{}", if v < 0.0 { "-" } else { "" }, body.replace(".0B", "B"))
}

/// The key figures of a release in a few words: revenue and EPS for earnings, else the dividend,
/// the offering, the deal or the buyback.
fn key_figures(r: &Release) -> String {
    let pick = |metrics: &[(Metric, &str)]| {
        metrics.iter().find_map(|(m, label)| {
            let f = r.figures.iter().find(|f| f.metric == *m && !f.guidance)?;
            let v = f.value.or(f.low)?;
            Some(if m.is_percent() {
                format!("{label}{v:.1}%")
            } else {
                format!("{label}{}", compact(v, f.currency.as_deref(), m.is_per_share()))
            })
        })
    };
    let parts: Vec<String> = [
        pick(&[(Metric::Revenue, "rev ")]),
        pick(&[(Metric::Eps, "EPS "), (Metric::AdjustedEps, "adj EPS ")]),
        pick(&[(Metric::DividendPerShare, "div ")]),
        pick(&[(Metric::OfferingSize, "raise "), (Metric::OfferingPrice, "at ")]),
        pick(&[(Metric::DealValue, "deal ")]),
        pick(&[(Metric::BuybackSize, "buyback ")]),
    ]
    .into_iter()
    .flatten()
    .take(2)
    .collect();
    parts.join(" \u{b7} ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_money() {
        assert_eq!(compact(412_000_000.0, Some("USD"), false), "$412M");
        assert_eq!(compact(1_230_000_000.0, Some("USD"), false), "$1.2B");
        assert_eq!(compact(2_000_000_000.0, Some("USD"), false), "$2B");
        assert_eq!(compact(0.52, Some("USD"), true), "$0.52");
        assert_eq!(compact(-3_500_000.0, Some("EUR"), false), "-€4M");
    }

    #[test]
    fn next_deadline_reads_short() {
        let today = NaiveDate::from_ymd_opt(2025, 2, 13).expect("date");
        let mut row = Row::pending(PathBuf::from("x.txt"));
        row.next = Some((
            today,
            NaiveTime::from_hms_opt(8, 30, 0),
            Some("ET".into()),
            DeadlineKind::ConferenceCall,
        ));
        assert_eq!(row.next_label(today), "call today 08:30 ET");
        row.next = Some((today + chrono::Duration::days(5), None, None, DeadlineKind::RecordDate));
        assert_eq!(row.next_label(today), "record in 5d");
    }
}
