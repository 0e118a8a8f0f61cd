//! Calendar dates ("March 29, 2004", "Dec. 31, 2003", "31 December 2003", "2024-11-12",
//! "11/12/2024", "November 19th") and clock times with their zone ("8:30 am Eastern",
//! "5:00 p.m. ET", "14:00 CET"). A lower-case "may" is never a date; a year alone is none either.

use super::Claims;
use crate::release::model::{Fact, FactKind};
use crate::release::text::char_at;
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(\d{{4}})(?-u:\b))?"
    ))
    .expect("date regex")
});
static DAY_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)(?-u:\b)(\d{{1,2}})\s+({MONTH})\.?,?\s+(\d{{4}})(?-u:\b)")).expect("date regex"));
static ISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)").expect("iso regex"));
static SLASHED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{1,2})/(\d{1,2})/(\d{4})(?-u:\b)").expect("slash regex"));

const TZ: &str = r"(?:(?:Eastern|Central|Mountain|Pacific|Atlantic|Alaska|Hawaii)(?:\s+(?:Standard|Daylight|Prevailing))?(?:\s+Time)?|[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|HKT|SGT|JST|AEST|AEDT|Greenwich\s+Mean\s+Time|Central\s+European(?:\s+Summer)?\s+Time|(?:New\s+York|London|Hong\s+Kong|Singapore|Tokyo)\s+[Tt]ime)";

static TIME_12H: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(\d{{1,2}})(?:[:.](\d{{2}}))?\s?((?i:a\.?\s?m(?-u:\b)\.?|p\.?\s?m(?-u:\b)\.?))(?:\s*\(?\s*(?:U\.S\.\s+)?({TZ})(?-u:\b)\)?)?|(?-u:\b)((?i:noon|midnight))(?:\s*\(?({TZ})(?-u:\b)\)?)?"
    ))
    .expect("time regex")
});
static TIME_24H: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)([01]?\d|2[0-3])[:.h]([0-5]\d)\s*(?:hrs\.?\s*)?\(?({TZ})(?-u:\b)\)?"
    ))
    .expect("time24 regex")
});

pub fn month_number(name: &str) -> Option<u32> {
    let l = name.to_ascii_lowercase();
    let n = match l.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(n)
}

/// A month name must be capitalised ("May", "MAY"), never "may".
fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// A date with no year takes the reference year, or the next one when it would fall well before
/// the reference date (a "replay through January 5" issued in late December).
pub fn infer_year(month: u32, day: u32, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    let r = reference?;
    let d = NaiveDate::from_ymd_opt(r.year(), month, day)?;
    if (r - d).num_days() > 60 {
        NaiveDate::from_ymd_opt(r.year() + 1, month, day)
    } else {
        Some(d)
    }
}

fn push_date(text: &str, start: usize, end: usize, d: NaiveDate, claims: &mut Claims, facts: &mut Vec<Fact>) {
    if (1900..=2100).contains(&d.year()) && claims.claim(start, end) {
        facts.push(Fact::new(FactKind::Date, text, start, end, Some(d.format("%Y-%m-%d").to_string())));
    }
}

/// Find dates; `reference` resolves dates written without a year.
pub fn scan(text: &str, reference: Option<NaiveDate>, claims: &mut Claims, facts: &mut Vec<Fact>) {
    for c in DAY_FIRST.captures_iter(text) {
        let (Some(all), Some(day), Some(mon), Some(year)) = (c.get(0), c.get(1), c.get(2), c.get(3)) else {
            continue;
        };
        if !capitalised(mon.as_str()) {
            continue;
        }
        let d = (|| NaiveDate::from_ymd_opt(year.as_str().parse().ok()?, month_number(mon.as_str())?, day.as_str().parse().ok()?))();
        if let Some(d) = d {
            push_date(text, all.start(), all.end(), d, claims, facts);
        }
    }
    for c in MONTH_FIRST.captures_iter(text) {
        let (Some(all), Some(mon), Some(day)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        if !capitalised(mon.as_str()) {
            continue;
        }
        // "May 5" but not "May 2005" (no day) and not "March 1,000 units".
        if char_at(text, day.end()).is_some_and(|ch| ch == ',' || ch == '.')
            && text[day.end()..].chars().nth(1).is_some_and(|ch| ch.is_ascii_digit())
        {
            continue;
        }
        let (Some(m), Ok(dd)) = (month_number(mon.as_str()), day.as_str().parse::<u32>()) else {
            continue;
        };
        let d = match c.get(3) {
            Some(y) => y.as_str().parse().ok().and_then(|y| NaiveDate::from_ymd_opt(y, m, dd)),
            None => infer_year(m, dd, reference),
        };
        if let Some(d) = d {
            push_date(text, all.start(), all.end(), d, claims, facts);
        }
    }
    for c in ISO.captures_iter(text) {
        let all = c.get(0).expect("match");
        let d = (|| NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?))();
        if let Some(d) = d {
            push_date(text, all.start(), all.end(), d, claims, facts);
        }
    }
    for c in SLASHED.captures_iter(text) {
        let all = c.get(0).expect("match");
        let d = (|| NaiveDate::from_ymd_opt(c[3].parse().ok()?, c[1].parse().ok()?, c[2].parse().ok()?))();
        if let Some(d) = d {
            push_date(text, all.start(), all.end(), d, claims, facts);
        }
    }
}

/// Normalise a zone word to a short name ("Eastern Daylight Time" -> "EDT", "Eastern" -> "ET").
pub fn zone_name(tz: &str) -> String {
    let t = tz.split_whitespace().collect::<Vec<_>>().join(" ");
    let l = t.to_ascii_lowercase();
    for (word, letter) in [
        ("eastern", 'E'),
        ("central european", 'C'),
        ("central", 'C'),
        ("mountain", 'M'),
        ("pacific", 'P'),
        ("atlantic", 'A'),
    ] {
        if l.starts_with(word) {
            if word == "central european" {
                return if l.contains("summer") { "CEST".into() } else { "CET".into() };
            }
            let mid = if l.contains("standard") {
                "S"
            } else if l.contains("daylight") {
                "D"
            } else {
                ""
            };
            return format!("{letter}{mid}T");
        }
    }
    if l.starts_with("greenwich") {
        return "GMT".into();
    }
    t
}

/// Find clock times; the value is 24-hour "HH:MM", the detail the zone.
pub fn scan_times(text: &str, claims: &mut Claims, facts: &mut Vec<Fact>) {
    for c in TIME_12H.captures_iter(text) {
        let all = c.get(0).expect("match");
        let (hh, mm) = if let Some(word) = c.get(5) {
            if word.as_str().eq_ignore_ascii_case("noon") {
                (12, 0)
            } else {
                (0, 0)
            }
        } else {
            let h: u32 = c[1].parse().unwrap_or(99);
            let m: u32 = c.get(2).map_or(Some(0), |m| m.as_str().parse().ok()).unwrap_or(99);
            if !(1..=12).contains(&h) || m > 59 {
                continue;
            }
            let pm = c[3].to_ascii_lowercase().starts_with('p');
            (h % 12 + if pm { 12 } else { 0 }, m)
        };
        let tz = c.get(4).or(c.get(6)).map(|m| zone_name(m.as_str()));
        let mut end = all.end();
        // Keep a closing parenthesis only if the match opened one.
        let s = &text[all.start()..end];
        if s.ends_with(')') && !s.contains('(') {
            end -= 1;
        }
        let end = text[all.start()..end].trim_end().len() + all.start();
        if claims.claim(all.start(), end) {
            let mut f = Fact::new(FactKind::Time, text, all.start(), end, Some(format!("{hh:02}:{mm:02}")));
            f.detail = tz;
            facts.push(f);
        }
    }
    for c in TIME_24H.captures_iter(text) {
        let all = c.get(0).expect("match");
        let (Ok(h), Ok(m)) = (c[1].parse::<u32>(), c[2].parse::<u32>()) else {
            continue;
        };
        let end = if all.as_str().ends_with(')') && !all.as_str().contains('(') {
            all.end() - 1
        } else {
            all.end()
        };
        if claims.claim(all.start(), end) {
            let mut f = Fact::new(FactKind::Time, text, all.start(), end, Some(format!("{h:02}:{m:02}")));
            f.detail = Some(zone_name(&c[3]));
            facts.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(t: &str, r: Option<NaiveDate>) -> Vec<(String, String)> {
        let mut c = Claims::default();
        let mut f = Vec::new();
        scan(t, r, &mut c, &mut f);
        f.sort_by_key(|f| f.start);
        f.into_iter().map(|f| (f.text, f.value.unwrap_or_default())).collect()
    }

    fn times(t: &str) -> Vec<(String, String, Option<String>)> {
        let mut c = Claims::default();
        let mut f = Vec::new();
        scan_times(t, &mut c, &mut f);
        f.into_iter().map(|f| (f.text, f.value.unwrap_or_default(), f.detail)).collect()
    }

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn written_dates() {
        assert_eq!(
            dates("on Monday, March 29, 2004 at", None),
            vec![("Monday, March 29, 2004".into(), "2004-03-29".into())]
        );
        assert_eq!(dates("year ended Dec. 31, 2003.", None)[0].1, "2003-12-31");
        assert_eq!(dates("on 31 December 2003", None)[0].1, "2003-12-31");
        assert_eq!(dates("NOVEMBER 6, 2024", None)[0].1, "2024-11-06");
        assert_eq!(dates("2024-11-12 and 11/19/2024", None).len(), 2);
    }

    #[test]
    fn dates_without_year_take_the_reference_year() {
        assert_eq!(
            dates("HOFFMAN ESTATES, Ill., July 22 /PRNewswire/", ymd(2004, 7, 22))[0].1,
            "2004-07-22"
        );
        assert_eq!(dates("After November 19th, the webcast", ymd(2024, 11, 6))[0].1, "2024-11-19");
        assert_eq!(dates("replay through January 5.", ymd(2024, 12, 20))[0].1, "2025-01-05");
        assert!(dates("through January 5.", None).is_empty());
    }

    #[test]
    fn near_misses_are_not_dates() {
        assert!(dates("results may differ materially", None).is_empty());
        assert!(dates("founded in 1997", None).is_empty());
        assert!(dates("in May 2005 the", None).is_empty());
        assert!(dates("February 30, 2004", None).is_empty());
        assert!(dates("#07-06/07 Vision", None).is_empty());
        assert!(dates("sold March 1,000 units", None).is_empty());
    }

    #[test]
    fn times_with_zones() {
        assert_eq!(
            times("at 8:30 am Eastern to"),
            vec![("8:30 am Eastern".into(), "08:30".into(), Some("ET".into()))]
        );
        assert_eq!(
            times("at 1 p.m. EST."),
            vec![("1 p.m. EST".into(), "13:00".into(), Some("EST".into()))]
        );
        assert_eq!(times("11 am Pacific Standard Time (PST)")[0].2.as_deref(), Some("PST"));
        assert_eq!(times("at 4:30pm ET")[0].1, "16:30");
        assert_eq!(times("(10:30 a.m. EDT)")[0].0, "10:30 a.m. EDT");
        assert_eq!(times("at 14:00 CET")[0].1, "14:00");
        assert_eq!(times("at noon ET")[0].1, "12:00");
    }

    #[test]
    fn time_near_misses() {
        assert!(times("ratio 8:30 of the").is_empty());
        assert!(times("13 pm").is_empty());
        assert!(times("I am here at 5 amid").is_empty());
    }
}
