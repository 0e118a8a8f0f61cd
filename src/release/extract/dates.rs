//! Calendar dates ("March 29, 2004", "Dec. 31 , 2003", "31 December 2003", "1st Jan", "the 9th of
//! May", "2024-11-12", "2015/08/12", "11/12/2024", "21/04/16", "13.5.2015") and clock times with their
//! zone ("8:30 am Eastern", "5:00 p.m. ET", "14:00 CET", "9:01:10 AM", "15:30"). A lower-case
//! "may" is never a date; a year alone is none either; a number run that goes on ("6,107.31
//! August") is not a day.

use super::Claims;
use crate::release::model::{Fact, FactKind};
use crate::release::pattern::Pattern;
use crate::release::text::{char_at, char_before};
use chrono::{Datelike, NaiveDate};
use std::sync::LazyLock;

/// Month names, ASCII, matched case-insensitively; [`month_ok`] then rejects lower-case forms
/// that are ordinary words.
const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const WEEKDAY: &str = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?,?(?-u:\s)+";
/// Between a day and its year: "12, 2016", "31 , 1994", "12 2016".
const YEAR_SEP: &str = r"(?:(?-u:\s)*,(?-u:\s)*|(?-u:\s)+)";

static MONTH_FIRST: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r"(?i-u)\b(?:{WEEKDAY})?({MONTH})\.?\s+([0-9]{{1,2}})(?:st|nd|rd|th)?\b(?:{YEAR_SEP}([0-9]{{4}})\b)?"
    ))
});
static DAY_FIRST: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r"(?i-u)\b(?:{WEEKDAY})?(?:the\s+)?([0-9]{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?({MONTH})\b\.?(?:{YEAR_SEP}([0-9]{{4}})\b)?"
    ))
});
/// All-number dates: year first ("2024-11-12", "2015/08/12", "2015.5.13") or last ("11/12/2024",
/// "21-04-16", "13.5.2015", "08/12,2015"). Separators are checked to agree in [`numeric`].
static NUMERIC: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"(?-u)\b([0-9]{1,4})([/.-])([0-9]{1,2})([/.,-])([0-9]{1,4})\b"));

/// Zone words: spelled-out names in any case, abbreviations in capitals only ("at 5 pm est" is
/// rare; "AT" and "ET" in running capitals are common words).
const TZ: &str = r"(?:(?i:(?:australian\s+(?:eastern|central|western)|eastern|central|mountain|pacific|atlantic|alaska|hawaii(?:an)?|newfoundland)(?:\s+(?:standard|daylight|prevailing|summer))?(?:\s+time(?:\s*zone)?|\s+timezone)?|(?:greenwich\s+mean|coordinated\s+universal|british\s+summer|(?:central|western|eastern)\s+european(?:\s+summer)?|japan\s+standard|china\s+standard|india\s+standard)\s+time|(?:new\s+york(?:\s+city)?|london|paris|frankfurt|zurich|hong\s+kong|singapore|tokyo|sydney|toronto|vancouver|chicago|los\s+angeles|local)\s+time)|(?:[ECMP][SD]?T|A[SD]T|AK[SD]T|H[SD]T|N[SD]T|GMT|UTC|BST|IST|WET|WEST|CET|CEST|EET|EEST|MSK|HKT|SGT|JST|KST|AE[SD]T|AC[SD]T|AW[SD]T|NZ[SD]T)(?:[+-][0-9]{1,2}(?::?[0-9]{2})?)?)";

static TIME_12H: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r"(?-u)\b([0-9]{{1,2}})(?:[:.]([0-5][0-9])(?::([0-5][0-9]))?)?\s?((?i:a\.?\s?m\b\.?|p\.?\s?m\b\.?))(?:,?\s*\(?\s*(?:U\.S\.\s+)?({TZ})\b\)?)?|\b(?:12\s+)?((?i:noon|midnight))(?:,?\s*\(?({TZ})\b\)?)?"
    ))
});
/// A 24-hour clock: with a zone ("14:00 CET", "14h30 CET", "0900 hrs GMT") any separator, without
/// one only "15:30" and "09:01:10" (see [`bare_clock`]).
static TIME_24H: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r"(?-u)\b([01]?[0-9]|2[0-3])([:.h]?)([0-5][0-9])(?::([0-5][0-9]))?(?:\s*(?:hrs\.?|hours)\b)?(?:\s*\(?({TZ})\b\)?)?"
    ))
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

/// A month name that is written as one: capitalised ("May", "MAY", "Dec."), or in lower case a full
/// name that is no ordinary word ("february 22nd", not "may" or "march"), or an abbreviation with its
/// period ("dec. 12").
fn month_ok(name: &str, dotted: bool) -> bool {
    if name.starts_with(|c: char| c.is_ascii_uppercase()) {
        return true;
    }
    let l = name.to_ascii_lowercase();
    if l == "may" || l.starts_with("mar") {
        return false;
    }
    l.len() > 4 || (dotted && l.len() >= 3) || l == "june" || l == "july"
}

/// A date with no year takes the year that puts it nearest the reference date, a past date counting
/// half as far again as a future one: "replay through January 5" issued on December 20 is next
/// January, a "December 31" column in a release of February 13 is the December just gone, and
/// "November 19" in a release of November 6 is this year. A February 29 goes to the next leap year.
pub fn infer_year(month: u32, day: u32, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    let r = reference?;
    let cost = |d: NaiveDate| {
        let days = (d - r).num_days();
        if days >= 0 { days * 2 } else { -days * 3 }
    };
    let best = [r.year() - 1, r.year(), r.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| cost(*d));
    best.or_else(|| (r.year() + 1..=r.year() + 4).find_map(|y| NaiveDate::from_ymd_opt(y, month, day)))
}

/// A two-digit year: "05/05/89" is 1989, "3-7-27" is 2027 (below 40 it is this century).
fn full_year(y: &str) -> Option<i32> {
    let n: i32 = y.parse().ok()?;
    match y.len() {
        2 => Some(if n < 40 { 2000 + n } else { 1900 + n }),
        4 => Some(n),
        _ => None,
    }
}

fn push_date(
    text: &str,
    start: usize,
    end: usize,
    d: NaiveDate,
    years: std::ops::RangeInclusive<i32>,
    claims: &mut Claims,
    facts: &mut Vec<Fact>,
) {
    if years.contains(&d.year()) && claims.claim(start, end) {
        facts.push(Fact::new(FactKind::Date, text, start, end, Some(d.format("%Y-%m-%d").to_string())));
    }
}

/// A day number that is part of a longer number ("6,107.31 August") or of a code is no day.
fn glued_before(text: &str, at: usize) -> bool {
    match char_before(text, at) {
        Some(c) if c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '/' | '-' | '$' | '€' | '£') => true,
        // "12:30 December" is a clock and a month; "says:30 December" a day.
        Some(':') => char_before(text, at - 1).is_some_and(|c| c.is_ascii_digit()),
        // "$ 12 December 27" is an amount.
        Some(' ') => text[..at].trim_end().ends_with(['$', '€', '£']),
        _ => false,
    }
}

/// A clock reading that follows a colon is the tail of a longer one ("9:01:10" read from "01").
fn glued_clock(text: &str, at: usize) -> bool {
    glued_before(text, at) || char_before(text, at) == Some(':')
}

/// Find dates; `reference` resolves dates written without a year.
pub fn scan(text: &str, reference: Option<NaiveDate>, claims: &mut Claims, facts: &mut Vec<Fact>) {
    // Dates with a year first, so that "1 March 2024" is not read as "March 2024" plus a stray day;
    // each pattern's matches are read once, for both passes.
    let day_first: Vec<_> = DAY_FIRST.captures_iter(text).collect();
    let month_first: Vec<_> = MONTH_FIRST.captures_iter(text).collect();
    for pass in [true, false] {
        for c in &day_first {
            let (Some(all), Some(day), Some(mon)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            if c.get(3).is_some() != pass || glued_before(text, all.start()) {
                continue;
            }
            if !month_ok(mon.as_str(), char_at(text, mon.end()) == Some('.')) {
                continue;
            }
            let (Some(m), Ok(dd)) = (month_number(mon.as_str()), day.as_str().parse::<u32>()) else {
                continue;
            };
            // "3 Mar." must not eat the sentence's full stop: keep the period only after an abbreviation.
            let mut end = all.end();
            if c.get(3).is_none() && text[..end].ends_with('.') && mon.as_str().len() > 4 {
                end -= 1;
            }
            let d = match c.get(3) {
                Some(y) => y.as_str().parse().ok().and_then(|y| NaiveDate::from_ymd_opt(y, m, dd)),
                None => infer_year(m, dd, reference),
            };
            if let Some(d) = d {
                push_date(text, all.start(), end, d, 1000..=2999, claims, facts);
            }
        }
        for c in &month_first {
            let (Some(all), Some(mon), Some(day)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            if c.get(3).is_some() != pass {
                continue;
            }
            if !month_ok(mon.as_str(), char_at(text, mon.end()) == Some('.')) {
                continue;
            }
            // "May 5" but not "May 2005" (no day) and not "March 1,000 units" or "March 1.5 million".
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
                push_date(text, all.start(), all.end(), d, 1000..=2999, claims, facts);
            }
        }
    }
    for c in NUMERIC.captures_iter(text) {
        let all = c.get(0).expect("match");
        if glued_before(text, all.start())
            || matches!(char_at(text, all.end()), Some(ch) if ch.is_ascii_alphanumeric() || matches!(ch, '/' | '-' | '%'))
            || (char_at(text, all.end()) == Some('.') && text[all.end()..].chars().nth(1).is_some_and(|ch| ch.is_ascii_digit()))
        {
            continue;
        }
        if let Some(d) = numeric(&c[1], &c[2], &c[3], &c[4], &c[5]) {
            push_date(text, all.start(), all.end(), d, 1900..=2100, claims, facts);
        }
    }
}

/// Read an all-number date from its parts. Year first: "2024-11-12", "2015/8/12", "2015.5.13".
/// Year last: month first as written in North America ("11/12/2024" is November 12) unless the first
/// part cannot be a month ("21/04/2016") or the parts are dotted the European way ("13.5.2015",
/// "1.2.2015" is February 1). Two-digit years only with slashes or dashes; a comma only in
/// "08/12,2015".
fn numeric(a: &str, s1: &str, b: &str, s2: &str, c: &str) -> Option<NaiveDate> {
    let (a_n, b_n, c_n): (u32, u32, u32) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
    if a.len() == 4 {
        if s1 != s2 || c.len() > 2 {
            return None;
        }
        return NaiveDate::from_ymd_opt(a.parse().ok()?, b_n, c_n);
    }
    if a.len() > 2 || b.len() > 2 {
        return None;
    }
    let same = s1 == s2 || (s1 == "/" && s2 == "," && c.len() == 4);
    if !same || (s1 == "." && c.len() != 4) {
        return None;
    }
    let y = full_year(c)?;
    let _ = c_n;
    let us = NaiveDate::from_ymd_opt(y, a_n, b_n);
    let eu = NaiveDate::from_ymd_opt(y, b_n, a_n);
    if s1 == "." { eu.or(us) } else { us.or(eu) }
}

/// Normalise a zone word to a short name ("Eastern Daylight Time" -> "EDT", "Eastern" -> "ET",
/// "Mountain Time" -> "MT", "Greenwich Mean Time" -> "GMT", "New York City time" -> "ET").
pub fn zone_name(tz: &str) -> String {
    let t = tz.split_whitespace().collect::<Vec<_>>().join(" ");
    let l = t.to_ascii_lowercase();
    let fixed = [
        ("greenwich", "GMT"),
        ("coordinated universal", "UTC"),
        ("british summer", "BST"),
        ("central european summer", "CEST"),
        ("central european", "CET"),
        ("western european summer", "WEST"),
        ("western european", "WET"),
        ("eastern european summer", "EEST"),
        ("eastern european", "EET"),
        ("japan standard", "JST"),
        ("china standard", "CST (China)"),
        ("india standard", "IST"),
        ("new york", "ET"),
        ("toronto", "ET"),
        ("chicago", "CT"),
        ("los angeles", "PT"),
        ("vancouver", "PT"),
        ("london", "UK time"),
    ];
    if let Some((_, short)) = fixed.iter().find(|(w, _)| l.starts_with(w)) {
        return (*short).to_string();
    }
    let (l, prefix) = match l.strip_prefix("australian ") {
        Some(rest) => (rest.to_string(), "A"),
        None => (l.clone(), ""),
    };
    for (word, letter) in [
        ("eastern", "E"),
        ("central", "C"),
        ("mountain", "M"),
        ("pacific", "P"),
        ("atlantic", "A"),
        ("alaska", "AK"),
        ("hawaii", "H"),
        ("newfoundland", "N"),
    ] {
        if l.starts_with(word) {
            let mid = if l.contains("standard") {
                "S"
            } else if l.contains("daylight") || l.contains("summer") {
                "D"
            } else {
                ""
            };
            return format!("{prefix}{letter}{mid}T");
        }
    }
    t
}

/// The offsets from UTC, in hours, a zone can stand for (both for a zone that follows daylight saving
/// without saying which); empty when unknown.
fn zone_offsets(zone: &str) -> &'static [i32] {
    match zone {
        "GMT" | "UTC" | "WET" => &[0],
        "UK time" => &[0, 1],
        "BST" | "CET" | "WEST" => &[1],
        "CEST" | "EET" => &[2],
        "EEST" | "MSK" => &[3],
        "ET" => &[-5, -4],
        "EST" | "CDT" => &[-5],
        "EDT" | "AST" => &[-4],
        "CT" => &[-6, -5],
        "CST" | "MDT" => &[-6],
        "MT" => &[-7, -6],
        "MST" | "PDT" => &[-7],
        "PT" => &[-8, -7],
        "PST" | "AKDT" => &[-8],
        "AKST" => &[-9],
        "HST" => &[-10],
        "ADT" => &[-3],
        "HKT" | "SGT" | "AWST" => &[8],
        "JST" | "KST" => &[9],
        "AEST" => &[10],
        "AEDT" => &[11],
        "NZST" => &[12],
        "NZDT" => &[13],
        _ => &[],
    }
}

/// Could two clock readings in two zones be the same instant? Unknown zones do not say no.
fn same_instant(a: (u32, u32, &str), b: (u32, u32, &str)) -> bool {
    let (oa, ob) = (zone_offsets(a.2), zone_offsets(b.2));
    if oa.is_empty() || ob.is_empty() {
        return a.2 != b.2;
    }
    let utc = |h: u32, m: u32, o: i32| (h as i32 * 60 + m as i32 - o * 60).rem_euclid(24 * 60);
    oa.iter().any(|&x| ob.iter().any(|&y| utc(a.0, a.1, x) == utc(b.0, b.1, y)))
}

/// A 24-hour reading with no zone ("back at 12:34", "15:30", "00:00:30") is a time unless the
/// figures go on ("12:34.5", "1:10:2020") or the words around make it a ratio ("a 1:10 reverse
/// split", "ratio 8:30").
fn bare_clock(text: &str, start: usize, end: usize) -> bool {
    if glued_clock(text, start) || matches!(char_at(text, end), Some(c) if c.is_ascii_alphanumeric() || matches!(c, ':' | '%' | '/')) {
        return false;
    }
    if char_at(text, end).is_some_and(|c| c == '.' || c == ',') && text[end..].chars().nth(1).is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    let before = &text[crate::release::text::floor_boundary(text, start.saturating_sub(24))..start].to_ascii_lowercase();
    let after = &text[end..crate::release::text::floor_boundary(text, (end + 24).min(text.len()))].to_ascii_lowercase();
    let ratio = ["ratio", "split", "basis", "exchange", "odds", "scale", "verse", "chapter"];
    !ratio.iter().any(|w| before.contains(w) || after.contains(w))
}

/// Find clock times; the value is 24-hour "HH:MM", the detail the zone. A second reading of the same
/// instant in another zone ("10:30 a.m. EDT/9:30 a.m. CDT", "11:00 a.m. ET (8:00 a.m. PT)") joins the
/// first one's fact: it is one event.
pub fn scan_times(text: &str, claims: &mut Claims, facts: &mut Vec<Fact>) {
    let mut found: Vec<Fact> = Vec::new();
    for c in TIME_12H.captures_iter(text) {
        let all = c.get(0).expect("match");
        if glued_clock(text, all.start()) && !char_before(text, all.start()).is_some_and(|ch| ch == '-' || ch == '/') {
            continue;
        }
        let (hh, mm) = if let Some(word) = c.get(6) {
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
            let pm = c[4].to_ascii_lowercase().starts_with('p');
            (h % 12 + if pm { 12 } else { 0 }, m)
        };
        let tz = c.get(5).or(c.get(7)).map(|m| zone_name(m.as_str()));
        let mut end = all.end();
        // Keep a closing parenthesis only if the match opened one.
        let s = &text[all.start()..end];
        if s.ends_with(')') && !s.contains('(') {
            end -= 1;
        }
        let end = text[all.start()..end].trim_end().len() + all.start();
        if claims.claim(all.start(), end) {
            let mut f = Fact::new(FactKind::Time, text, all.start(), end, Some(format!("{hh:02}:{mm:02}")));
            f.detail = tz.map(String::into_boxed_str);
            found.push(f);
        }
    }
    for m in TIME_24H.find_iter(text) {
        // Without a letter (no zone, no "hrs") and without a colon, a match is no time (see
        // below): digits in tables ("2024", "12.50") are most matches, and need no groups.
        if !m.as_str().bytes().any(|b| b == b':' || b.is_ascii_alphabetic()) {
            continue;
        }
        let c = TIME_24H.captures_of(text, m);
        let all = c.get(0).expect("match");
        let (Ok(h), Ok(m)) = (c[1].parse::<u32>(), c[3].parse::<u32>()) else {
            continue;
        };
        let zone = c.get(5).map(|z| zone_name(z.as_str()));
        let sep = &c[2];
        if zone.is_none() && !(sep == ":" && bare_clock(text, all.start(), all.end())) {
            continue;
        }
        // "0900 hrs GMT" needs its "hrs": "2024 ET" is a year and a word.
        if zone.is_some() && (glued_clock(text, all.start()) || (sep.is_empty() && (c[1].len() != 2 || !all.as_str().contains("h")))) {
            continue;
        }
        let end = if all.as_str().ends_with(')') && !all.as_str().contains('(') {
            all.end() - 1
        } else {
            all.end()
        };
        if claims.claim(all.start(), end) {
            let mut f = Fact::new(FactKind::Time, text, all.start(), end, Some(format!("{h:02}:{m:02}")));
            f.detail = zone.map(String::into_boxed_str);
            found.push(f);
        }
    }
    // the times' spans were claimed: no two start at one place (no scratch copy needed)
    found.sort_unstable_by_key(|f| f.start);
    let mut merged: Vec<Fact> = Vec::new();
    for f in found {
        if let Some(prev) = merged.last_mut() {
            let gap = text[prev.end..f.start].trim();
            let joined = gap == "/" || gap == "(" || gap == "|" || gap.eq_ignore_ascii_case("or");
            let reading = |x: &Fact| {
                let v = x.value.as_deref().unwrap_or("");
                (v.get(..2).and_then(|h| h.parse().ok()), v.get(3..5).and_then(|m| m.parse().ok()))
            };
            if let (true, Some(za), Some(zb), (Some(ha), Some(ma)), (Some(hb), Some(mb))) =
                (joined, prev.detail.clone(), f.detail.clone(), reading(prev), reading(&f))
            {
                if same_instant((ha, ma, &za), (hb, mb, &zb)) {
                    let mut end = f.end;
                    if gap == "(" && char_at(text, end) == Some(')') {
                        end += 1;
                    }
                    prev.end = end;
                    continue;
                }
            }
        }
        merged.push(f);
    }
    facts.extend(merged);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(t: &str, r: Option<NaiveDate>) -> Vec<(String, String)> {
        let mut c = Claims::default();
        let mut f = Vec::new();
        scan(t, r, &mut c, &mut f);
        f.sort_by_key(|f| f.start);
        f.into_iter()
            .map(|f| (f.text(t).to_string(), f.value.map(String::from).unwrap_or_default()))
            .collect()
    }

    fn one(t: &str, r: Option<NaiveDate>) -> String {
        let d = dates(t, r);
        assert_eq!(d.len(), 1, "{t}: {d:?}");
        d[0].1.clone()
    }

    fn times(t: &str) -> Vec<(String, String, Option<String>)> {
        let mut c = Claims::default();
        let mut f = Vec::new();
        scan_times(t, &mut c, &mut f);
        f.into_iter()
            .map(|f| {
                (
                    f.text(t).to_string(),
                    f.value.map(String::from).unwrap_or_default(),
                    f.detail.map(String::from),
                )
            })
            .collect()
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
        // a space before the comma, a day with its period, ordinals, "of"
        assert_eq!(
            dates("sold IVAC on Dec. 31 , 1994", None),
            vec![("Dec. 31 , 1994".into(), "1994-12-31".into())]
        );
        assert_eq!(one("16. Nov. 2016", None), "2016-11-16");
        assert_eq!(one("back 04th Jan 2019.", None), "2019-01-04");
        assert_eq!(one("back 01st Jan 2019.", None), "2019-01-01");
        assert_eq!(one("a meeting 5 December 1391", None), "1391-12-05");
        assert_eq!(one("on Tuesday, 3 November 2025,", None), "2025-11-03");
        assert_eq!(one("April 12th, 2024", None), "2024-04-12");
    }

    #[test]
    fn day_first_without_year() {
        let r = ymd(2016, 11, 7);
        assert_eq!(one("back 1st Jan", r), "2017-01-01");
        assert_eq!(one("back Wed, 22 of Jan", r), "2017-01-22");
        assert_eq!(dates("a booking for the 09th of May for 2 nights", r)[0].0, "the 09th of May");
        assert_eq!(one("Tim says:30 December is OK", r), "2016-12-30");
        assert_eq!(one("Oct. 2", r), "2016-10-02");
        assert_eq!(one("on April 12th the", r), "2017-04-12");
    }

    #[test]
    fn lower_case_months() {
        let r = ymd(2019, 1, 10);
        assert_eq!(one("meet on february 22nd", r), "2019-02-22");
        assert_eq!(one("due dec. 12, 1994, priced", r), "1994-12-12");
        // ordinary words are no months
        assert!(dates("we may 5 times", r).is_empty());
        assert!(dates("they march 5 miles", r).is_empty());
        assert!(dates("the dec 5 unit", r).is_empty());
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(one("back 02/22/2016", None), "2016-02-22");
        assert_eq!(one("back 21/04/2016", None), "2016-04-21");
        assert_eq!(one("back 21/04/16", None), "2016-04-21");
        assert_eq!(one("back 21-04-2016", None), "2016-04-21");
        assert_eq!(one("back 2015/08/12", None), "2015-08-12");
        assert_eq!(one("back 08/12,2015", None), "2015-08-12");
        assert_eq!(one("back 9-18-15", None), "2015-09-18");
        assert_eq!(one("free on 13.5.2015?", None), "2015-05-13");
        assert_eq!(one("available on 2015.5.13?", None), "2015-05-13");
        assert_eq!(one("friday 2018-7-6 with", None), "2018-07-06");
        assert_eq!(one("back 05/05/89", None), "1989-05-05");
        assert_eq!(one("back 3-7-27", None), "2027-03-07");
        assert_eq!(one("back 03/18/40.", None), "1940-03-18");
        assert_eq!(one("on 10/31/2024 and", None), "2024-10-31");
    }

    #[test]
    fn numeric_near_misses() {
        assert!(dates("back at 4-22", None).is_empty());
        assert!(dates("back at 4.22", None).is_empty());
        assert!(dates("version 1.2.15 ships", None).is_empty());
        assert!(dates("host 192.168.1.1 up", None).is_empty());
        assert!(dates("#07-06/07 Vision", None).is_empty());
        assert!(dates("its 6 1/4% notes", None).is_empty());
        assert!(dates("part 12-34-5678", None).is_empty());
        assert!(dates("13/13/2020", None).is_empty());
    }

    #[test]
    fn dates_without_year_take_the_nearest_year() {
        assert_eq!(
            dates("HOFFMAN ESTATES, Ill., July 22 /PRNewswire/", ymd(2004, 7, 22))[0].1,
            "2004-07-22"
        );
        assert_eq!(dates("After November 19th, the webcast", ymd(2024, 11, 6))[0].1, "2024-11-19");
        assert_eq!(dates("replay through January 5.", ymd(2024, 12, 20))[0].1, "2025-01-05");
        assert!(dates("through January 5.", None).is_empty());
        // a table column of a full-year release issued after the year end
        assert_eq!(one("Three Months Ended December 31", ymd(2025, 2, 13)), "2024-12-31");
        assert_eq!(one("Year Ended December 31", ymd(2025, 3, 28)), "2024-12-31");
        // a leap day without a year goes to a year that has one
        assert_eq!(one("Feb 29th", ymd(2019, 6, 1)), "2020-02-29");
    }

    #[test]
    fn near_misses_are_not_dates() {
        assert!(dates("results may differ materially", None).is_empty());
        assert!(dates("founded in 1997", None).is_empty());
        assert!(dates("in May 2005 the", None).is_empty());
        assert!(dates("February 30, 2004", None).is_empty());
        assert!(dates("sold March 1,000 units", None).is_empty());
        assert!(dates("6,107.31 August 2019 should", None).is_empty());
        let r = ymd(2020, 1, 1);
        assert!(dates("the 27th floor", r).is_empty());
        assert!(dates("the 25th Anniversary of", r).is_empty());
        assert!(dates("5 Marketing Plans", r).is_empty());
        // an amount and a clock reading are not days
        assert_eq!(dates("bought it for $ 12 December 27", r)[0].0, "December 27");
        assert!(dates("meet at 12:30 december", r).is_empty());
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
        assert_eq!(times("at 12 midnight")[0].1, "00:00");
        assert_eq!(times("at 9 a.m. Mountain Time")[0].2.as_deref(), Some("MT"));
        assert_eq!(times("1pm mountain timezone")[0].2.as_deref(), Some("MT"));
        assert_eq!(times("at 9:00 GMT on")[0].2.as_deref(), Some("GMT"));
        assert_eq!(times("at 10:00 a.m. AEDT")[0].2.as_deref(), Some("AEDT"));
        assert_eq!(times("at 3 pm BST")[0].2.as_deref(), Some("BST"));
        assert_eq!(times("at 9 a.m. PT")[0].2.as_deref(), Some("PT"));
        assert_eq!(times("at 1pm ACDT")[0].2.as_deref(), Some("ACDT"));
        assert_eq!(times("at 16h30 CET")[0].1, "16:30");
        assert_eq!(
            times("until 5:00 p.m., New York City time, on")[0],
            ("5:00 p.m., New York City time".into(), "17:00".into(), Some("ET".into()))
        );
    }

    #[test]
    fn seconds_and_24_hour_clocks() {
        assert_eq!(times("at 9:01:10 AM"), vec![("9:01:10 AM".into(), "09:01".into(), None)]);
        assert_eq!(times("back 7:56:30pm")[0].1, "19:56");
        assert_eq!(times("at 15:30 the")[0].1, "15:30");
        assert_eq!(times("back 12:34:25 ")[0].1, "12:34");
        assert_eq!(times("back 00:00")[0].1, "00:00");
        assert_eq!(times("23.04.2022 14:55")[0].1, "14:55");
        assert_eq!(times("at 0900 hrs GMT")[0].1, "09:00");
    }

    #[test]
    fn one_instant_in_two_zones_is_one_time() {
        let t = times("at 10:30 a.m. EDT/9:30 a.m. CDT on");
        assert_eq!(t, vec![("10:30 a.m. EDT/9:30 a.m. CDT".into(), "10:30".into(), Some("EDT".into()))]);
        let t = times("at 11:00 a.m. ET (8:00 a.m. PT) on");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].0, "11:00 a.m. ET (8:00 a.m. PT)");
        assert_eq!(times("at 4:30 p.m. Eastern Time / 1:30 p.m. Pacific Time").len(), 1);
        // two different instants stay two
        assert_eq!(times("at 10:30 a.m. EDT/3:00 p.m. EDT").len(), 2);
        assert_eq!(times("at 10:30 a.m. EDT / 9:00 a.m. CDT").len(), 2);
    }

    #[test]
    fn time_near_misses() {
        assert!(times("ratio 8:30 of the").is_empty());
        assert!(times("13 pm").is_empty());
        assert!(times("I am here at 5 amid").is_empty());
        assert!(times("a 1:10 reverse stock split").is_empty());
        assert!(times("in fiscal 2024 ET").is_empty());
        assert!(times("scored 12:34.5 seconds").is_empty());
        assert!(times("id 10:30:2020").is_empty());
    }

    /// Numbers of tables (years, amounts, decimals) have a 24-hour clock's digits but no colon
    /// and no zone: none is a time, while a clock beside them still is.
    #[test]
    fn table_numbers_are_no_times() {
        assert!(times("2024 2023\n1234 0930 12.50 23.59 1,234").is_empty());
        let t = times("2024 1234 at 14:00 CET and 0900 hrs GMT");
        assert_eq!(t.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), ["14:00", "09:00"]);
    }
}
