//! The conference call: when it is, the live dial-in and its code, the replay's numbers, code and
//! window, the webcast.
//!
//! Live and replay details often share a paragraph ("To listen live, dial ...; a replay will be
//! available through May 2 at ..."). Each number and code belongs to the clause it stands in: the
//! last live or replay word before it in its sentence decides, else the first one after it in the
//! sentence, else the last one earlier in the call details (a "Replay:" heading), else it is live.
//! The replay's last day comes from "until", "through" or "for 30 days" (counted from the call);
//! "available after November 19" is when it starts, not when it ends.

use crate::release::model::{Call, CallLive, CallReplay, CallWhen, Deadline, DeadlineKind, Fact, FactKind, Section, SectionKind};
use crate::release::pattern::Pattern;
use crate::release::text::{ceil_boundary, sentence_around};
use chrono::{Duration, NaiveDate};
use std::sync::LazyLock;

static REPLAY: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i-u)(?-u:\b)(?:replays?|re-play|playback|play\s?back|recording|rebroadcast|archived?|encore|on[- ]demand)(?-u:\b)")
});
static LIVE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i-u)(?-u:\b)(?:live|participate|participants?|participating|join\s+the\s+(?:call|conference))(?-u:\b)")
});
static UNTIL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i-u)(?-u:\b)(?:until|through|thru|till|up\s+to\s+and\s+including|ending(?:\s+on)?|expires?\s+on)\s+(?:[A-Za-z]+day,?\s+)?$",
    )
});
static FROM: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i-u)(?-u:\b)(?:after|beginning|starting|from|as\s+of)(?:\s+on)?\s+(?:[A-Za-z]+day,?\s+)?$"));
static FOR_DAYS: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i-u)(?-u:\b)for\s+(?:a\s+period\s+of\s+)?([0-9]{1,3}|seven|fourteen|thirty|sixty|ninety)\s+(?:calendar\s+)?days(?-u:\b)",
    )
});
static TELEPHONE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i-u)(?-u:\b)(?:telephon[a-z]*|phone|dial[a-z]*|calling|toll[- ]free)(?-u:\b)"));
static WEBCAST: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"(?i-u)(?-u:\b)(?:webcast|listen|live|stream|register|webinar)"));
static CALL_WORDS: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i-u)(?-u:\b)(?:conference\s+call|dial|replay|webcast|teleconference|webinar|call\s+to\s+discuss)"));

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Live,
    Replay,
}

fn mode_of(m: &crate::release::pattern::Match) -> Mode {
    if REPLAY.is_match(m.as_str()) { Mode::Replay } else { Mode::Live }
}

/// Live and replay words of `text[from..to]`, in order.
fn keywords(text: &str, from: usize, to: usize) -> Vec<(usize, Mode)> {
    let part = &text[from..to];
    let mut k: Vec<(usize, Mode)> = REPLAY
        .find_iter(part)
        .chain(LIVE.find_iter(part))
        .map(|m| (from + m.start(), mode_of(&m)))
        .collect();
    k.sort_by_key(|x| x.0);
    k
}

/// Whether the item at `start..end` is the live call's or the replay's.
fn mode_at(text: &str, scope: &[(usize, usize)], start: usize, end: usize) -> Mode {
    let (ss, se) = sentence_around(text, start, end);
    if let Some(&(_, m)) = keywords(text, ss, start).last() {
        return m;
    }
    if let Some(&(_, m)) = keywords(text, end, se).first() {
        return m;
    }
    for &(a, b) in scope.iter().rev() {
        if a >= ss {
            continue;
        }
        if let Some(&(_, m)) = keywords(text, a, b.min(ss)).iter().rev().find(|k| !names_the_whole_call(text, k.0)) {
            return m;
        }
    }
    Mode::Live
}

/// A heading that names the call and its replay together ("Conference Call, Webcast and Replay
/// Information") says nothing about the numbers below it.
fn names_the_whole_call(text: &str, pos: usize) -> bool {
    let a = text[..pos].rfind('\n').map_or(0, |p| p + 1);
    let b = text[pos..].find('\n').map_or(text.len(), |p| pos + p);
    let line = text[a..b].trim();
    let l = line.to_ascii_lowercase();
    line.len() < 90
        && !line.ends_with('.')
        && ["call", "webcast", "conference", "information", "details"]
            .iter()
            .any(|w| l.contains(w))
}

fn word_number(w: &str) -> Option<i64> {
    match w.to_ascii_lowercase().as_str() {
        "seven" => Some(7),
        "fourteen" => Some(14),
        "thirty" => Some(30),
        "sixty" => Some(60),
        "ninety" => Some(90),
        n => n.parse().ok(),
    }
}

/// The paragraphs that hold the call details: the call sections, or, when they hold no number,
/// paragraphs elsewhere in the news that speak of a call and carry a dial-in.
fn scope(text: &str, sections: &[Section], facts: &[Fact]) -> Vec<(usize, usize)> {
    // facts are in text order: those of a paragraph are found by bisection, not a walk of all
    let has_number = |a: usize, b: usize| {
        facts[facts.partition_point(|f| f.start < a)..facts.partition_point(|f| f.start < b)]
            .iter()
            .any(|f| matches!(f.kind, FactKind::Phone | FactKind::Code) && f.end <= b)
    };
    let n = text.len();
    let calls: Vec<(usize, usize)> = sections
        .iter()
        .filter(|s| s.kind == SectionKind::Call && s.start < n)
        .map(|s| (s.start, s.end.min(n)))
        .collect();
    if calls.iter().any(|&(a, b)| has_number(a, b)) {
        return calls;
    }
    let mut out = calls;
    for s in sections.iter().filter(|s| {
        matches!(
            s.kind,
            SectionKind::Status | SectionKind::Other | SectionKind::About | SectionKind::Quote | SectionKind::Financials
        ) && s.start < n
    }) {
        let end = s.end.min(n);
        let mut a = s.start;
        while a < end {
            let b = text[a..end].find("\n\n").map_or(end, |p| a + p);
            if has_number(a, b) && CALL_WORDS.is_match(&text[a..b]) {
                out.push((a, b));
            }
            a = b + 2;
        }
    }
    out.sort();
    out
}

pub fn find(text: &str, sections: &[Section], facts: &[Fact], deadlines: &[Deadline], reference: Option<NaiveDate>) -> Option<Call> {
    let scope = scope(text, sections, facts);
    let inside = |f: &Fact| scope.iter().any(|&(a, b)| a <= f.start && f.end <= b);
    let mut call = Call::default();
    let conference = deadlines.iter().filter(|d| d.what == DeadlineKind::ConferenceCall);
    let when = conference
        .clone()
        .find(|d| scope.iter().any(|&(a, b)| a <= d.start && d.start < b))
        .or_else(|| conference.clone().next());
    if let Some(d) = when {
        call.when = CallWhen {
            date: Some(d.date),
            time: d.time,
            tz: d.tz.clone(),
        };
    }
    let (mut live, mut replay) = (CallLive::default(), CallReplay::default());
    for f in facts.iter().filter(|f| inside(f)) {
        let Some(v) = f.value.as_deref().map(str::to_string) else {
            continue;
        };
        let mode = mode_at(text, &scope, f.start, f.end);
        match (f.kind, mode) {
            (FactKind::Phone, Mode::Live) if !live.phones.contains(&v) => live.phones.push(v),
            (FactKind::Phone, Mode::Replay) if !replay.phones.contains(&v) => replay.phones.push(v),
            (FactKind::Code, Mode::Live) if live.code.is_none() => live.code = Some(v),
            (FactKind::Code, Mode::Replay) if replay.code.is_none() => replay.code = Some(v),
            _ => {}
        }
    }
    let call_date = call.when.date.or(reference);
    // The replay window: the surest sentence wins (a telephone replay over a webcast archive).
    let mut best_until: Option<(u8, NaiveDate)> = None;
    for &(a, b) in &scope {
        let mut s = a;
        while s < b {
            let (ss, se) = sentence_around(text, s, s);
            let se = ceil_boundary(text, se.min(b).max(s + 1));
            let sentence = &text[ss.max(a)..se];
            s = se;
            let replayish = REPLAY.is_match(sentence);
            let webcast = sentence.to_ascii_lowercase().contains("webcast");
            if !replayish && !webcast {
                continue;
            }
            let in_sentence = &facts[facts.partition_point(|f| f.start < ss)
                ..facts.partition_point(|f| f.start < se).max(facts.partition_point(|f| f.start < ss))];
            let phoned = TELEPHONE.is_match(sentence) || in_sentence.iter().any(|f| f.kind == FactKind::Phone && f.end <= se);
            let rank = if replayish && phoned {
                3
            } else if replayish {
                2
            } else {
                1
            };
            let mut candidates: Vec<NaiveDate> = Vec::new();
            for f in in_sentence.iter().filter(|f| f.kind == FactKind::Date && f.end <= se) {
                let Some(d) = f.as_date() else { continue };
                let lead = &text[ceil_boundary(text, ss.max(f.start.saturating_sub(40)))..f.start];
                if UNTIL.is_match(lead) {
                    candidates.push(d);
                } else if FROM.is_match(lead) && replayish && replay.from.is_none() {
                    replay.from = Some(d);
                }
            }
            if let (Some(c), Some(base)) = (FOR_DAYS.captures(sentence), call_date) {
                if let Some(n) = c.get(1).and_then(|m| word_number(m.as_str())) {
                    candidates.push(base + Duration::days(n));
                }
            }
            if let Some(d) = candidates.first() {
                if best_until.is_none_or(|(r, _)| rank > r) {
                    best_until = Some((rank, *d));
                }
            }
        }
    }
    replay.until = best_until.map(|(_, d)| d);
    let urls: Vec<&Fact> = facts.iter().filter(|f| f.kind == FactKind::Url && inside(f)).collect();
    let webcast = urls
        .iter()
        .find(|f| {
            let (ss, se) = sentence_around(text, f.start, f.end);
            WEBCAST.is_match(&text[ss..se])
        })
        .or(urls.first());
    call.webcast = webcast.map(|f| f.value.as_deref().unwrap_or(f.text(text)).to_string());
    call.live = live;
    call.replay = replay;
    if call == Call::default() { None } else { Some(call) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::release::extract::{Claims, codes, dates, phones, web};

    fn facts_of(text: &str, reference: Option<NaiveDate>) -> Vec<Fact> {
        let mut c = Claims::default();
        let mut f = Vec::new();
        web::scan(text, &mut c, &mut f);
        phones::scan(text, &mut c, &mut f);
        codes::scan(text, &mut c, &mut f);
        dates::scan(text, reference, &mut c, &mut f);
        dates::scan_times(text, &mut c, &mut f);
        f.sort_by_key(|f| f.start);
        f
    }

    fn call_of(text: &str, reference: Option<NaiveDate>, deadlines: &[Deadline]) -> Option<Call> {
        let sections = vec![Section {
            kind: SectionKind::Call,
            title: "Call".into(),
            start: 0,
            end: text.len(),
        }];
        find(text, &sections, &facts_of(text, reference), deadlines, reference)
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn live_and_replay_in_separate_paragraphs() {
        let t = "Conference Call, Webcast and Replay Information\n\nTo listen via telephone:\n\nDial-in number: +1-888-326-7098 or +1-706-758-2365\n\nReplay:\n\nA telephone playback of the call will be available following the conference and can be accessed by calling +1-402-977-9140 or +1-800-633-8284. The access code for the replay is 21190372. The telephone playback will be available through April 12, 2004.\n\nThe webcast will be available on the site through March 29, 2005.";
        let c = call_of(t, day(2004, 3, 29), &[]).expect("call");
        assert_eq!(c.live.phones, vec!["+18883267098", "+17067582365"]);
        assert_eq!(c.replay.phones, vec!["+14029779140", "+18006338284"]);
        assert_eq!(c.replay.code.as_deref(), Some("21190372"));
        assert_eq!(c.live.code, None);
        // the telephone replay's window, not the webcast archive's
        assert_eq!(c.replay.until, day(2004, 4, 12));
    }

    #[test]
    fn replay_numbers_in_a_shared_paragraph_stay_the_replays() {
        let t = "You may listen to the call by dialing (913) 312-6699, Passcode: 822011. To access the live webcast visit http://www.example.com/investor.\n\nA replay of the conference call will also be available by dialing (719) 457-0820 or (888) 203-1112, Passcode: 1625971.";
        let c = call_of(t, None, &[]).expect("call");
        assert_eq!(c.live.phones, vec!["+19133126699"]);
        assert_eq!(c.live.code.as_deref(), Some("822011"));
        assert_eq!(c.replay.phones, vec!["+17194570820", "+18882031112"]);
        assert_eq!(c.replay.code.as_deref(), Some("1625971"));
        assert_eq!(c.webcast.as_deref(), Some("http://www.example.com/investor"));
        let t = "To participate in the live call, dial 877-497-9071; a replay will be available at 1-877-344-7529, access code 3269980.";
        let c = call_of(t, None, &[]).expect("call");
        assert_eq!(c.live.phones, vec!["+18774979071"]);
        assert_eq!(c.replay.phones, vec!["+18773447529"]);
        assert_eq!(c.replay.code.as_deref(), Some("3269980"));
    }

    #[test]
    fn after_is_a_start_and_for_days_counts_from_the_call() {
        let t = "The voice recording will be available through November 19, 2024 by dialing (Toll Free) 877-481-4010 and entering conference ID number 51559. After November 19th, the webcast will be available on the website.";
        let c = call_of(t, day(2024, 11, 6), &[]).expect("call");
        assert_eq!(c.replay.until, day(2024, 11, 19));
        assert_eq!(c.replay.code.as_deref(), Some("51559"));
        let t = "A telephone replay will be available after November 19, 2024 for 30 days by dialing 1-877-344-7529, passcode 5018166.";
        let when = Deadline {
            date: NaiveDate::from_ymd_opt(2024, 11, 12).expect("date"),
            time: chrono::NaiveTime::from_hms_opt(11, 0, 0),
            tz: Some("PST".into()),
            what: DeadlineKind::ConferenceCall,
            start: 0,
            end: 1,
        };
        let c = call_of(t, day(2024, 11, 6), &[when]).expect("call");
        assert_eq!(c.replay.from, day(2024, 11, 19));
        assert_eq!(c.replay.until, day(2024, 12, 12));
        assert_eq!(c.when.label().as_deref(), Some("2024-11-12 11:00 PST"));
    }

    #[test]
    fn no_call_details_no_call() {
        assert_eq!(call_of("The company sells granite memorials in 15 states.", None, &[]), None);
        // "deliver" holds no live word; a number with no replay word is the live dial-in
        let c = call_of("We deliver results. Call 1-888-506-0062 to join.", None, &[]).expect("call");
        assert_eq!(c.live.phones, vec!["+18885060062"]);
        assert!(c.replay.phones.is_empty());
    }
}
