//! One row of the release list, summarised from a parsed release.

use crate::release::Release;
use chrono::NaiveDate;
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

    /// Text the list filter matches against: company, ticker, headline, red flags, file name.
    pub fn haystack(&self) -> String {
        let name = self.path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        format!("{} {} {} {} {name}", self.company, self.ticker, self.headline, self.flags.join(" "))
    }
}
