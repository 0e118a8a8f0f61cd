//! EDGAR: resolving a ticker to a CIK (`company_tickers.json`), reading a company's filings (the
//! submissions JSON), reading the "latest filings" Atom feed, and the address of each filing's
//! whole submission text (what the loader reads). Parsing only; fetching is `fetch`'s job.

use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;
use serde_json::Value;
use std::sync::LazyLock;

/// One filing, from the submissions JSON or the latest-filings feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Filing {
    pub cik: u64,
    pub company: String,
    pub accession: String,
    pub form: String,
    /// `YYYY-MM-DD`.
    pub filed: String,
    /// 8-K item numbers, e.g. `2.02`.
    pub items: Vec<String>,
}

/// 8-K items that come with a press release, and what they say about it.
const RELEASE_ITEMS: [(&str, &str); 4] = [
    ("2.02", "results"),
    ("4.02", "non-reliance"),
    ("7.01", "Reg FD release"),
    ("8.01", "other events"),
];

impl Filing {
    /// The whole submission, `…/Archives/edgar/data/CIK/ACCESSIONNODASHES/ACCESSION.txt`.
    pub fn txt_url(&self, edgar_url: &str) -> String {
        format!(
            "{edgar_url}/Archives/edgar/data/{}/{}/{}.txt",
            self.cik,
            self.accession.replace('-', ""),
            self.accession
        )
    }

    /// What the items say: "results", "non-reliance", ... joined; empty when none is known.
    pub fn kind(&self) -> String {
        RELEASE_ITEMS
            .iter()
            .filter(|(n, _)| self.items.iter().any(|i| i == n))
            .map(|(_, k)| *k)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Does this filing carry a press release? An 8-K does when one of its items is a results,
    /// Reg FD, other-events or non-reliance item (or when it lists no items, as filings before
    /// 2004 do); a 6-K always may.
    pub fn carries_release(&self) -> bool {
        if !self.form.starts_with("8-K") {
            return true;
        }
        self.items.is_empty() || RELEASE_ITEMS.iter().any(|(n, _)| self.items.iter().any(|i| i == n))
    }

    /// A one-line label for a list row before the document has arrived.
    pub fn label(&self) -> String {
        let kind = self.kind();
        let company = crate::display_safe(&self.company).replace('/', " ");
        let company = crate::release::load::collapse_spaces(&company);
        if kind.is_empty() {
            format!("{} {} {company}", self.form, self.filed)
        } else {
            format!("{} {} {company} ({kind})", self.form, self.filed)
        }
    }
}

/// A CIK as given (digits, with or without leading zeros).
pub fn parse_cik(s: &str) -> Option<u64> {
    let s = s.trim();
    let s = s.strip_prefix("CIK").or_else(|| s.strip_prefix("cik")).unwrap_or(s);
    (!s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// Find a ticker in `company_tickers.json` (`{"0": {"cik_str": 320193, "ticker": "AAPL",
/// "title": "Apple Inc."}, ...}`); case-insensitive; `BRK.B` and `BRK-B` are the same.
pub fn resolve_ticker(json: &[u8], ticker: &str) -> Option<(u64, String)> {
    let v: Value = serde_json::from_slice(json).ok()?;
    let want = ticker.trim().to_ascii_uppercase().replace('.', "-");
    let entries: Box<dyn Iterator<Item = &Value>> = match &v {
        Value::Object(m) => Box::new(m.values()),
        Value::Array(a) => Box::new(a.iter()),
        _ => return None,
    };
    for e in entries {
        let t = e
            .get("ticker")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_ascii_uppercase()
            .replace('.', "-");
        if t == want {
            let cik = match e.get("cik_str").or_else(|| e.get("cik"))? {
                Value::Number(n) => n.as_u64()?,
                Value::String(s) => parse_cik(s)?,
                _ => return None,
            };
            let title = e.get("title").and_then(Value::as_str).unwrap_or_default().to_string();
            return Some((cik, title));
        }
    }
    None
}

/// The submissions JSON's address for a CIK.
pub fn submissions_url(data_url: &str, cik: u64) -> String {
    format!("{data_url}/submissions/CIK{cik:010}.json")
}

/// The latest-filings Atom feed's address for a form type.
pub fn latest_url(edgar_url: &str, form: &str) -> String {
    format!("{edgar_url}/cgi-bin/browse-edgar?action=getcurrent&type={form}&company=&dateb=&owner=include&start=0&count=40&output=atom")
}

/// The company name and recent filings of a submissions JSON, newest first as EDGAR lists them.
pub fn parse_submissions(json: &[u8]) -> Result<(String, Vec<Filing>), String> {
    let v: Value = serde_json::from_slice(json).map_err(|e| format!("not a submissions file ({e})"))?;
    let cik = match v.get("cik") {
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => parse_cik(s),
        _ => None,
    }
    .ok_or("not a submissions file (no cik)")?;
    let name = v.get("name").and_then(Value::as_str).unwrap_or_default().to_string();
    let recent = v.pointer("/filings/recent").ok_or("not a submissions file (no filings)")?;
    let column = |key: &str| -> Vec<String> {
        recent
            .get(key)
            .and_then(Value::as_array)
            .map(|a| a.iter().map(|x| x.as_str().unwrap_or_default().to_string()).collect())
            .unwrap_or_default()
    };
    let (acc, form, date, items) = (column("accessionNumber"), column("form"), column("filingDate"), column("items"));
    let mut out = Vec::new();
    for (i, a) in acc.iter().enumerate() {
        if !valid_accession(a) {
            continue;
        }
        out.push(Filing {
            cik,
            company: name.clone(),
            accession: a.clone(),
            form: form.get(i).cloned().unwrap_or_default(),
            filed: date.get(i).cloned().unwrap_or_default(),
            items: items
                .get(i)
                .map(|s| s.split(',').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect())
                .unwrap_or_default(),
        });
    }
    Ok((name, out))
}

/// `0000320193-24-000123`: ten digits, two, six.
fn valid_accession(a: &str) -> bool {
    let b = a.as_bytes();
    b.len() == 20 && b[10] == b'-' && b[13] == b'-' && b.iter().enumerate().all(|(i, c)| i == 10 || i == 13 || c.is_ascii_digit())
}

/// Keep the filings of the wanted forms (an amendment `8-K/A` counts as its form), filed on or
/// after `since`, that carry a press release; at most `limit`.
pub fn select(filings: Vec<Filing>, forms: &[String], since: Option<NaiveDate>, limit: usize) -> Vec<Filing> {
    filings
        .into_iter()
        .filter(|f| {
            let base = f.form.trim_end_matches("/A");
            forms
                .iter()
                .any(|w| w.eq_ignore_ascii_case(base) || w.eq_ignore_ascii_case(&f.form))
        })
        .filter(|f| since.is_none_or(|s| NaiveDate::parse_from_str(&f.filed, "%Y-%m-%d").is_ok_and(|d| d >= s)))
        .filter(Filing::carries_release)
        .take(limit)
        .collect()
}

static FEED_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.+?) - (.*) \(([0-9]{1,10})\) \([A-Za-z ]+\)\s*$").expect("feed title"));
static ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)Item ([0-9]{1,2}\.[0-9]{2})").expect("item"));
static ACCESSION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"([0-9]{10}-[0-9]{2}-[0-9]{6})").expect("accession"));
static FILED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"Filed:(?:</b>)?\s*([0-9]{4}-[0-9]{2}-[0-9]{2})").expect("filed"));

/// The filings of a latest-filings Atom feed, one per accession number (the feed repeats a
/// filing for each of its filers).
pub fn parse_latest(feed: &[u8]) -> Result<Vec<Filing>, String> {
    let feed = feed_rs::parser::parse(feed).map_err(|e| format!("not a feed ({e})"))?;
    let mut out: Vec<Filing> = Vec::new();
    for e in feed.entries {
        let title = e.title.map(|t| t.content).unwrap_or_default();
        let Some(c) = FEED_TITLE.captures(title.trim()) else { continue };
        let summary = e.summary.map(|s| s.content).unwrap_or_default();
        let Some(accession) = ACCESSION
            .captures(&e.id)
            .or_else(|| e.links.first().and_then(|l| ACCESSION.captures(&l.href)))
            .map(|m| m[1].to_string())
        else {
            continue;
        };
        if out.iter().any(|f| f.accession == accession) {
            continue;
        }
        let filed = FILED
            .captures(&summary)
            .map(|m| m[1].to_string())
            .or_else(|| e.updated.map(|d| d.format("%Y-%m-%d").to_string()))
            .unwrap_or_default();
        out.push(Filing {
            cik: c[3].parse().unwrap_or(0),
            company: crate::display_safe(&c[2]),
            accession,
            form: crate::display_safe(&c[1]),
            filed,
            items: ITEM.captures_iter(&summary).map(|m| m[1].to_string()).collect(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filing(form: &str, items: &[&str], filed: &str) -> Filing {
        Filing {
            cik: 320193,
            company: "Apple Inc.".into(),
            accession: "0000320193-24-000006".into(),
            form: form.into(),
            filed: filed.into(),
            items: items.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn submission_text_address() {
        assert_eq!(
            filing("8-K", &["2.02"], "2024-02-01").txt_url("https://www.sec.gov"),
            "https://www.sec.gov/Archives/edgar/data/320193/000032019324000006/0000320193-24-000006.txt"
        );
        assert_eq!(
            submissions_url("https://data.sec.gov", 320193),
            "https://data.sec.gov/submissions/CIK0000320193.json"
        );
    }

    #[test]
    fn items_tell_which_8ks_carry_a_release() {
        assert!(filing("8-K", &["2.02", "9.01"], "x").carries_release());
        assert!(filing("8-K", &["4.02"], "x").carries_release());
        assert!(filing("8-K", &[], "x").carries_release(), "no items listed before 2004");
        // a departure of an officer alone is not a release
        assert!(!filing("8-K", &["5.02"], "x").carries_release());
        assert!(filing("6-K", &[], "x").carries_release());
        assert_eq!(filing("8-K", &["2.02", "9.01"], "x").kind(), "results");
        assert_eq!(filing("8-K", &["4.02", "8.01"], "x").kind(), "non-reliance, other events");
    }

    #[test]
    fn cik_forms() {
        assert_eq!(parse_cik("0000320193"), Some(320193));
        assert_eq!(parse_cik("CIK320193"), Some(320193));
        assert_eq!(parse_cik("AAPL"), None);
        assert_eq!(parse_cik("12345678901"), None);
    }

    #[test]
    fn tickers_resolve_case_and_class_insensitively() {
        let json = br#"{"0":{"cik_str":320193,"ticker":"AAPL","title":"Apple Inc."},"1":{"cik_str":1067983,"ticker":"BRK-B","title":"BERKSHIRE HATHAWAY INC"}}"#;
        assert_eq!(resolve_ticker(json, "aapl"), Some((320193, "Apple Inc.".into())));
        assert_eq!(resolve_ticker(json, "BRK.B").map(|r| r.0), Some(1067983));
        assert_eq!(resolve_ticker(json, "AAP"), None);
        assert_eq!(resolve_ticker(b"not json", "AAPL"), None);
    }

    #[test]
    fn select_by_form_date_and_items() {
        let all = vec![
            filing("8-K", &["2.02", "9.01"], "2024-02-01"),
            filing("8-K", &["5.02"], "2024-01-10"),
            filing("10-Q", &[], "2024-02-02"),
            filing("8-K/A", &["2.02"], "2023-11-03"),
        ];
        let forms = vec!["8-K".to_string()];
        assert_eq!(select(all.clone(), &forms, None, 10).len(), 2);
        let since = NaiveDate::from_ymd_opt(2024, 1, 1);
        assert_eq!(select(all.clone(), &forms, since, 10).len(), 1);
        assert_eq!(select(all, &forms, None, 1).len(), 1);
    }

    #[test]
    fn submissions_json_columns() {
        let json = br#"{"cik":"320193","name":"Apple Inc.","filings":{"recent":{
            "accessionNumber":["0000320193-24-000006","bogus"],"form":["8-K","4"],
            "filingDate":["2024-02-01","2024-01-01"],"items":["2.02,9.01",""]}}}"#;
        let (name, f) = parse_submissions(json).expect("parse");
        assert_eq!(name, "Apple Inc.");
        assert_eq!(f.len(), 1, "a malformed accession number is skipped");
        assert_eq!(f[0].items, vec!["2.02", "9.01"]);
        assert!(parse_submissions(b"{}").is_err());
    }

    #[test]
    fn latest_feed_entries() {
        let feed = br#"<?xml version="1.0" encoding="ISO-8859-1" ?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Latest Filings</title><id>x</id><updated>2025-12-12T18:03:31-05:00</updated>
<entry><title>8-K - Velo3D, Inc. (0001825079) (Filer)</title>
<link rel="alternate" type="text/html" href="https://www.sec.gov/Archives/edgar/data/1825079/000149315225027594/0001493152-25-027594-index.htm"/>
<summary type="html"> &lt;b&gt;Filed:&lt;/b&gt; 2025-12-12 &lt;b&gt;AccNo:&lt;/b&gt; 0001493152-25-027594 &lt;br&gt;Item 1.01: Entry into a Material Definitive Agreement &lt;br&gt;Item 9.01: Financial Statements and Exhibits</summary>
<updated>2025-12-12T17:31:08-05:00</updated><id>urn:tag:sec.gov,2008:accession-number=0001493152-25-027594</id></entry>
<entry><title>not a filing line</title><id>y</id><updated>2025-12-12T17:31:08-05:00</updated></entry>
</feed>"#;
        let f = parse_latest(feed).expect("feed");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].cik, f[0].form.as_str(), f[0].filed.as_str()), (1825079, "8-K", "2025-12-12"));
        assert_eq!(f[0].items, vec!["1.01", "9.01"]);
        assert_eq!(f[0].company, "Velo3D, Inc.");
    }
}
