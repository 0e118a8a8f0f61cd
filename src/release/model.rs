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
    /// A fax number: kept apart from phones, which are numbers to call.
    Fax,
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
    pub const ALL: [FactKind; 14] = [
        FactKind::Date,
        FactKind::Time,
        FactKind::Money,
        FactKind::Percent,
        FactKind::Phone,
        FactKind::Fax,
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
            FactKind::Fax => "fax",
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

/// A fact: a span of [`Release::text`] and what it means. The words are not copied: `text(..)`
/// reads them from the release's text (the JSON writes them out as `text`).
#[derive(Debug, Clone)]
pub struct Fact {
    pub kind: FactKind,
    /// The normalised value where the kind has one ("2024-05-05", "+18005551234").
    pub value: Option<Box<str>>,
    pub start: usize,
    pub end: usize,
    /// Extra detail: a person's title, a time's zone.
    pub detail: Option<Box<str>>,
}

impl Fact {
    /// The fact's words, as the release writes them: `text[start..end]` of the release's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// A fact as the JSON contract writes it: kind, text, value, start, end, detail.
#[derive(Serialize)]
struct FactJson<'a> {
    kind: FactKind,
    text: &'a str,
    value: &'a Option<Box<str>>,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: &'a Option<Box<str>>,
}

/// The facts of a release, written with their words, one at a time (no copy of them is made).
struct FactsJson<'a>(&'a [Fact], &'a str);

impl Serialize for FactsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|f| FactJson {
            kind: f.kind,
            text: f.text(self.1),
            value: &f.value,
            start: f.start,
            end: f.end,
            detail: &f.detail,
        }))
    }
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
    Litigation,
    Bankruptcy,
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
            FlagKind::Litigation => "LITIGATION",
            FlagKind::Bankruptcy => "BANKRUPTCY",
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
#[derive(Debug, Clone)]
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
    /// What the release is, main kind first.
    pub kinds: Vec<ReleaseKind>,
    /// For each kind, the span that decided it.
    pub kind_evidence: Vec<KindEvidence>,
    /// Key figures with their metric and period, from prose and tables.
    pub figures: Vec<Figure>,
    /// The conference call: when, live and replay dial-ins and codes, webcast.
    pub call: Option<Call>,
    /// Things the reader should know about the input itself ("no text in this release", ...).
    pub notices: Vec<String>,
}

impl Serialize for Release {
    /// The JSON contract's order of fields; facts carry their words (see [`Fact::text`]).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut r = s.serialize_struct("Release", 16)?;
        r.serialize_field("source", &self.source)?;
        r.serialize_field("text", &self.text)?;
        r.serialize_field("headline", &self.headline)?;
        r.serialize_field("company", &self.company)?;
        r.serialize_field("dateline", &self.dateline)?;
        r.serialize_field("sections", &self.sections)?;
        r.serialize_field("facts", &FactsJson(&self.facts, &self.text))?;
        r.serialize_field("quotes", &self.quotes)?;
        r.serialize_field("contacts", &self.contacts)?;
        r.serialize_field("deadlines", &self.deadlines)?;
        r.serialize_field("flags", &self.flags)?;
        r.serialize_field("kinds", &self.kinds)?;
        r.serialize_field("kind_evidence", &self.kind_evidence)?;
        r.serialize_field("figures", &self.figures)?;
        r.serialize_field("call", &self.call)?;
        r.serialize_field("notices", &self.notices)?;
        r.end()
    }
}

/// What a release is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReleaseKind {
    Earnings,
    CallNotice,
    Dividend,
    Offering,
    MAndA,
    ExecutiveChange,
    ListingNotice,
    FilingDelay,
    Restatement,
    LitigationNotice,
    Buyback,
    HoldingsNotice,
    Guidance,
    ShareholderMeeting,
    BusinessUpdate,
    Other,
}

impl ReleaseKind {
    pub fn label(self) -> &'static str {
        match self {
            ReleaseKind::Earnings => "earnings",
            ReleaseKind::CallNotice => "call notice",
            ReleaseKind::Dividend => "dividend",
            ReleaseKind::Offering => "offering",
            ReleaseKind::MAndA => "M&A",
            ReleaseKind::ExecutiveChange => "executive change",
            ReleaseKind::ListingNotice => "listing notice",
            ReleaseKind::FilingDelay => "filing delay",
            ReleaseKind::Restatement => "restatement",
            ReleaseKind::LitigationNotice => "litigation notice",
            ReleaseKind::Buyback => "buyback",
            ReleaseKind::HoldingsNotice => "holdings notice",
            ReleaseKind::Guidance => "guidance",
            ReleaseKind::ShareholderMeeting => "shareholder meeting",
            ReleaseKind::BusinessUpdate => "business update",
            ReleaseKind::Other => "other",
        }
    }
}

/// Why a release is of a kind: the words that decided it.
#[derive(Debug, Clone, Serialize)]
pub struct KindEvidence {
    pub kind: ReleaseKind,
    pub evidence: String,
    pub start: usize,
    pub end: usize,
}

/// What a key figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    Revenue,
    NetIncome,
    Eps,
    AdjustedEps,
    OperatingIncome,
    AdjustedEbitda,
    GrossMargin,
    OperatingMargin,
    FreeCashFlow,
    DividendPerShare,
    OfferingSize,
    OfferingPrice,
    DealValue,
    BuybackSize,
}

impl Metric {
    pub fn label(self) -> &'static str {
        match self {
            Metric::Revenue => "revenue",
            Metric::NetIncome => "net income",
            Metric::Eps => "EPS",
            Metric::AdjustedEps => "adjusted EPS",
            Metric::OperatingIncome => "operating income",
            Metric::AdjustedEbitda => "adjusted EBITDA",
            Metric::GrossMargin => "gross margin",
            Metric::OperatingMargin => "operating margin",
            Metric::FreeCashFlow => "free cash flow",
            Metric::DividendPerShare => "dividend/share",
            Metric::OfferingSize => "offering size",
            Metric::OfferingPrice => "offering price",
            Metric::DealValue => "deal value",
            Metric::BuybackSize => "buyback size",
        }
    }

    /// Figures of this metric are percentages, not amounts of money.
    pub fn is_percent(self) -> bool {
        matches!(self, Metric::GrossMargin | Metric::OperatingMargin)
    }

    /// Figures of this metric are amounts per share.
    pub fn is_per_share(self) -> bool {
        matches!(
            self,
            Metric::Eps | Metric::AdjustedEps | Metric::DividendPerShare | Metric::OfferingPrice
        )
    }
}

/// GAAP (as reported) or adjusted (non-GAAP, excluding items).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    Gaap,
    Adjusted,
}

/// Where a figure was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureSource {
    Prose,
    Table,
}

/// The change against the prior period, as the release states it ("up 6%", "a decrease of 4.2 percent").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Signed percentage: -4.2 for "a decrease of 4.2 percent".
    pub percent: f64,
    pub text: String,
}

/// A key figure: "Third quarter revenue increased 6% to $412 million".
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub metric: Metric,
    /// In units: "$747 million" is 747000000, "38.5%" is 38.5. None for a range.
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// ISO 4217 code for money; None for percentages.
    pub currency: Option<String>,
    /// The period as the release names it ("fourth quarter 2024", "fiscal 2025").
    pub period: Option<String>,
    pub basis: Basis,
    /// True for outlook figures.
    pub guidance: bool,
    pub change: Option<Change>,
    pub source: FigureSource,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl Figure {
    /// The value as a reader writes it: "$2.014 billion", "$0.52", "38.5%", "$2.70 to $2.94 billion".
    pub fn value_label(&self) -> String {
        let one = |v: f64| amount_label(v, self.currency.as_deref(), self.metric.is_percent());
        match (self.value, self.low, self.high) {
            (Some(v), _, _) => one(v),
            (None, Some(l), Some(h)) => format!("{} to {}", one(l), one(h)),
            _ => String::new(),
        }
    }
}

fn amount_label(v: f64, currency: Option<&str>, percent: bool) -> String {
    let trim = |s: String| {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    if percent {
        return format!("{}%", trim(format!("{v:.2}")));
    }
    let sign = if v < 0.0 { "-" } else { "" };
    let cur = match currency {
        None | Some("USD") => "$".to_string(),
        Some(c) => format!("{c} "),
    };
    let a = v.abs();
    let (n, word) = if a >= 1e9 {
        (a / 1e9, " billion")
    } else if a >= 1e6 {
        (a / 1e6, " million")
    } else {
        (a, "")
    };
    let digits = if word.is_empty() && a < 1000.0 {
        format!("{n:.2}")
    } else {
        trim(format!("{n:.3}"))
    };
    format!("{sign}{cur}{digits}{word}")
}

/// When a call takes place.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CallWhen {
    /// Serialised as "YYYY-MM-DD".
    pub date: Option<NaiveDate>,
    /// Local time in `tz`; serialised as "HH:MM".
    #[serde(serialize_with = "hh_mm")]
    pub time: Option<NaiveTime>,
    pub tz: Option<String>,
}

impl CallWhen {
    /// "2004-03-29 08:30 ET", or None when the date is not known.
    pub fn label(&self) -> Option<String> {
        let mut s = self.date?.format("%Y-%m-%d").to_string();
        if let Some(t) = self.time {
            s.push_str(&t.format(" %H:%M").to_string());
            if let Some(z) = &self.tz {
                s.push(' ');
                s.push_str(z);
            }
        }
        Some(s)
    }
}

/// The live call's dial-in.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CallLive {
    pub phones: Vec<String>,
    pub code: Option<String>,
}

/// The replay's dial-in and window.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CallReplay {
    pub phones: Vec<String>,
    pub code: Option<String>,
    /// The replay is available from this date ("available after November 19"); "YYYY-MM-DD".
    pub from: Option<NaiveDate>,
    /// The last day of the replay ("through April 12", "for 30 days"); "YYYY-MM-DD".
    pub until: Option<NaiveDate>,
}

/// A conference call and its replay.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Call {
    pub when: CallWhen,
    pub live: CallLive,
    pub replay: CallReplay,
    pub webcast: Option<String>,
}
