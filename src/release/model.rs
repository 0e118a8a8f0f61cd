//! The parsed release: plain data with serde derives. `irview --json` is this, serialised.
//!
//! Every `start`/`end` is a UTF-8 byte offset into [`Release::text`], always on a character boundary.

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

/// How the input was encoded before it was decoded to UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    /// Mostly UTF-8, with invalid bytes replaced by U+FFFD.
    Utf8Lossy,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl Encoding {
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Utf8Lossy => "UTF-8 (invalid bytes replaced)",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// The container format the release came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    Text,
    Html,
    Markdown,
    EdgarSubmission,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "plain text",
            Format::Html => "HTML",
            Format::Markdown => "Markdown",
            Format::EdgarSubmission => "EDGAR submission",
        }
    }
}

/// Where the release came from and how it was read.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub path: Option<String>,
    pub format: Format,
    pub encoding: Encoding,
    pub bytes: usize,
    /// For an EDGAR submission: the documents it holds, in order.
    pub documents: Vec<DocumentInfo>,
}

/// One `<DOCUMENT>` of an EDGAR submission.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentInfo {
    pub index: usize,
    pub doc_type: String,
    pub filename: Option<String>,
    pub description: Option<String>,
    /// True for the documents whose text makes up this view.
    pub shown: bool,
    /// True when the document carries readable text (not only images or binary data).
    pub has_text: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Company {
    pub name: Option<String>,
    pub tickers: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Dateline {
    pub place: Option<String>,
    pub wire: Option<String>,
    /// Serialised as "YYYY-MM-DD".
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Headline,
    Dateline,
    Status,
    Quote,
    Call,
    About,
    Risk,
    Trademarks,
    Contacts,
    Financials,
    Filing,
    Other,
}

impl SectionKind {
    pub fn label(self) -> &'static str {
        match self {
            SectionKind::Headline => "Headline",
            SectionKind::Dateline => "Dateline",
            SectionKind::Status => "Status update",
            SectionKind::Quote => "Quotes",
            SectionKind::Call => "Call & replay",
            SectionKind::About => "About",
            SectionKind::Risk => "Risk factors",
            SectionKind::Trademarks => "Trademarks",
            SectionKind::Contacts => "Contacts",
            SectionKind::Financials => "Financials",
            SectionKind::Filing => "Filing",
            SectionKind::Other => "Other",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub kind: SectionKind,
    pub title: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    Date,
    Time,
    Money,
    Percent,
    Phone,
    Code,
    Url,
    Email,
    Ticker,
    Person,
    Period,
    Form,
    Org,
}

impl FactKind {
    pub const ALL: [FactKind; 13] = [
        FactKind::Date,
        FactKind::Time,
        FactKind::Money,
        FactKind::Percent,
        FactKind::Phone,
        FactKind::Code,
        FactKind::Url,
        FactKind::Email,
        FactKind::Ticker,
        FactKind::Person,
        FactKind::Period,
        FactKind::Form,
        FactKind::Org,
    ];

    pub fn label(self) -> &'static str {
        match self {
            FactKind::Date => "date",
            FactKind::Time => "time",
            FactKind::Money => "money",
            FactKind::Percent => "percent",
            FactKind::Phone => "phone",
            FactKind::Code => "code",
            FactKind::Url => "url",
            FactKind::Email => "email",
            FactKind::Ticker => "ticker",
            FactKind::Person => "person",
            FactKind::Period => "period",
            FactKind::Form => "form",
            FactKind::Org => "org",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    pub kind: FactKind,
    pub text: String,
    pub value: Option<String>,
    pub start: usize,
    pub end: usize,
    /// Extra detail: a person's title, a time's zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    pub speaker: String,
    pub title: Option<String>,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Contact {
    pub name: String,
    pub role: Option<String>,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    pub start: usize,
    pub end: usize,
}

/// What a deadline is: the event on that date, or the end of a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    ConferenceCall,
    /// The end of a telephone replay's window.
    TelephoneReplay,
    /// The end of a replay's window (medium not said).
    Replay,
    /// The end of a webcast archive's window.
    WebcastReplay,
    Hearing,
    RecordDate,
    PaymentDate,
    ShareholderMeeting,
    /// A cut-off ("no later than", a compliance period, a due date).
    Deadline,
    Expiration,
    ScheduledEvent,
}

impl DeadlineKind {
    pub fn label(self) -> &'static str {
        match self {
            DeadlineKind::ConferenceCall => "Conference call",
            DeadlineKind::TelephoneReplay => "Telephone replay available until",
            DeadlineKind::Replay => "Replay available until",
            DeadlineKind::WebcastReplay => "Webcast available until",
            DeadlineKind::Hearing => "Hearing",
            DeadlineKind::RecordDate => "Record date",
            DeadlineKind::PaymentDate => "Payment date",
            DeadlineKind::ShareholderMeeting => "Shareholder meeting",
            DeadlineKind::Deadline => "Deadline",
            DeadlineKind::Expiration => "Expiration",
            DeadlineKind::ScheduledEvent => "Scheduled event",
        }
    }

    /// The end of a replay or archive window (not the live event).
    pub fn is_replay(self) -> bool {
        matches!(
            self,
            DeadlineKind::TelephoneReplay | DeadlineKind::Replay | DeadlineKind::WebcastReplay
        )
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Deadline {
    /// Serialised as "YYYY-MM-DD".
    pub date: NaiveDate,
    /// Local time in `tz`; serialised as "HH:MM".
    #[serde(serialize_with = "hh_mm")]
    pub time: Option<NaiveTime>,
    /// The zone word as the release gives it ("ET", "PST").
    pub tz: Option<String>,
    pub what: DeadlineKind,
    pub start: usize,
    pub end: usize,
}

impl Deadline {
    /// "2004-03-29 08:30 ET", "2004-04-12".
    pub fn when(&self) -> String {
        let mut s = self.date.format("%Y-%m-%d").to_string();
        if let Some(t) = self.time {
            s.push_str(&t.format(" %H:%M").to_string());
            if let Some(z) = &self.tz {
                s.push(' ');
                s.push_str(z);
            }
        }
        s
    }
}

/// A time of day as the JSON contract writes it: "HH:MM".
fn hh_mm<S: serde::Serializer>(t: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.collect_str(&t.format("%H:%M")),
        None => s.serialize_none(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    Restatement,
    NonReliance,
    LateFiling,
    Delisting,
    SymbolChange,
    Investigation,
    AuditorChange,
    GoingConcern,
    MaterialWeakness,
}

impl FlagKind {
    pub fn label(self) -> &'static str {
        match self {
            FlagKind::Restatement => "RESTATEMENT",
            FlagKind::NonReliance => "NON-RELIANCE",
            FlagKind::LateFiling => "LATE FILING",
            FlagKind::Delisting => "DELISTING",
            FlagKind::SymbolChange => "SYMBOL CHANGE",
            FlagKind::Investigation => "INVESTIGATION",
            FlagKind::AuditorChange => "AUDITOR CHANGE",
            FlagKind::GoingConcern => "GOING CONCERN",
            FlagKind::MaterialWeakness => "MATERIAL WEAKNESS",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Flag {
    pub kind: FlagKind,
    /// The sentence that proves it.
    pub evidence: String,
    pub start: usize,
    pub end: usize,
    /// The kind of section the evidence stands in (a flag found only in boilerplate weighs less).
    pub section: SectionKind,
}

/// A parsed release. Built once at load; the viewer only reads it.
#[derive(Debug, Clone, Serialize)]
pub struct Release {
    pub source: Source,
    pub text: String,
    pub headline: Option<String>,
    pub company: Company,
    pub dateline: Dateline,
    pub sections: Vec<Section>,
    pub facts: Vec<Fact>,
    pub quotes: Vec<Quote>,
    pub contacts: Vec<Contact>,
    pub deadlines: Vec<Deadline>,
    pub flags: Vec<Flag>,
    /// Things the reader should know about the input itself ("no text in this release", ...).
    pub notices: Vec<String>,
}
