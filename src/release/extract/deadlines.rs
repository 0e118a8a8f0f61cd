//! Deadlines: dated events and cut-offs a reader must act on (the call itself, "replay available
//! through April 12", "no later than", hearings, record and payment dates), each with its time and
//! zone where the sentence gives one. Past dates, period ends and the dateline are not deadlines.

use crate::release::model::{Deadline, DeadlineKind, Fact, FactKind, Section, SectionKind};
use crate::release::text::{floor_boundary, sentence_around};
use chrono::NaiveDate;

/// What kind of event a sentence describes, if any.
fn event_of(sentence: &str) -> Option<DeadlineKind> {
    let l = sentence.to_lowercase();
    let has = |w: &[&str]| w.iter().any(|x| l.contains(x));
    let window = has(&["through", "until", "till", "available", "archived", "expire"]);
    if has(&["replay", "playback", "recording", "rebroadcast"]) && window {
        return Some(if has(&["telephone", "dial", "phone"]) {
            DeadlineKind::TelephoneReplay
        } else {
            DeadlineKind::Replay
        });
    }
    if has(&["webcast", "archive"]) && window {
        return Some(DeadlineKind::WebcastReplay);
    }
    if has(&["hearing"]) {
        return Some(DeadlineKind::Hearing);
    }
    if has(&["record date", "of record", "holders of record"]) {
        return Some(DeadlineKind::RecordDate);
    }
    if has(&["payable", "will be paid", "payment date"]) {
        return Some(DeadlineKind::PaymentDate);
    }
    if has(&["annual meeting", "special meeting", "shareholder meeting", "stockholder meeting"]) {
        return Some(DeadlineKind::ShareholderMeeting);
    }
    if has(&[
        "conference call",
        "webcast",
        "teleconference",
        "earnings call",
        "investor call",
        "call to discuss",
        "host a call",
        "live stream",
        "analyst call",
        "webinar",
    ]) {
        return Some(DeadlineKind::ConferenceCall);
    }
    if has(&[
        "no later than",
        "deadline",
        "compliance period",
        "regain compliance",
        "grace period",
        "must be received",
        "must file",
        "is due",
        "are due",
        "due date",
    ]) {
        return Some(DeadlineKind::Deadline);
    }
    if has(&["expire", "expiration", "will close", "closing date", "offer period", "tender offer"]) {
        return Some(DeadlineKind::Expiration);
    }
    if has(&[
        "will report",
        "will release",
        "will announce",
        "will host",
        "will hold",
        "will present",
        "scheduled",
        "will be held",
    ]) {
        return Some(DeadlineKind::ScheduledEvent);
    }
    None
}

/// The facts of a list sorted by start whose start lies in `from..to`.
fn starting_in<F: std::borrow::Borrow<Fact>>(sorted: &[F], from: usize, to: usize) -> &[F] {
    let a = sorted.partition_point(|f| f.borrow().start < from);
    let b = sorted.partition_point(|f| f.borrow().start < to).max(a);
    &sorted[a..b]
}

/// A deadline on `date`, at the time (and zone) of `time` if there is one.
fn deadline(date: NaiveDate, time: Option<&Fact>, what: DeadlineKind, start: usize, end: usize) -> Deadline {
    let clock = time.and_then(Fact::as_time);
    Deadline {
        date,
        time: clock,
        tz: time
            .filter(|_| clock.is_some())
            .and_then(|t| t.detail.as_deref().map(str::to_string)),
        what,
        start,
        end,
    }
}

pub fn find(text: &str, sections: &[Section], facts: &[Fact], reference: Option<NaiveDate>) -> Vec<Deadline> {
    let eligible = |pos: usize| {
        sections.iter().filter(|s| s.start <= pos && pos < s.end).all(|s| {
            matches!(
                s.kind,
                SectionKind::Status | SectionKind::Call | SectionKind::Quote | SectionKind::Other
            )
        }) && sections.iter().any(|s| s.start <= pos && pos < s.end)
    };
    let periods: Vec<&Fact> = facts.iter().filter(|f| f.kind == FactKind::Period).collect();
    let times: Vec<&Fact> = facts.iter().filter(|f| f.kind == FactKind::Time).collect();
    let mut out: Vec<Deadline> = Vec::new();
    let push = |d: Deadline, out: &mut Vec<Deadline>| {
        if !out.iter().any(|o| o.date == d.date && o.time == d.time && o.what == d.what) {
            out.push(d);
        }
    };
    for f in facts.iter().filter(|f| f.kind == FactKind::Date && eligible(f.start)) {
        let Some(date) = f.as_date() else { continue };
        if starting_in(&periods, f.start.saturating_sub(200), f.start + 1)
            .iter()
            .any(|p| f.end <= p.end)
        {
            continue;
        }
        let (ss, se) = sentence_around(text, f.start, f.end);
        let sentence = &text[ss..se];
        let before = text[ss..f.start].to_lowercase();
        if before.trim_end().ends_with("dated")
            || before.trim_end().ends_with("ended")
            || before.trim_end().ends_with("as of")
            || before.trim_end().ends_with("since")
        {
            continue;
        }
        // With several dates in a sentence, the words since the previous date say what this one is
        // ("payable on July 30 to holders of record on July 9").
        let clause_start = starting_in(facts, ss, f.start)
            .iter()
            .filter(|g| g.kind == FactKind::Date && g.end <= f.start)
            .map(|g| g.end)
            .max()
            .unwrap_or(ss);
        let time = starting_in(&times, ss, se)
            .iter()
            .filter(|t| t.end <= se)
            .min_by_key(|t| t.start.abs_diff(f.end));
        let Some(mut what) = event_of(&text[clause_start..f.end]).or_else(|| event_of(sentence)) else {
            continue;
        };
        if time.is_some() && matches!(what, DeadlineKind::Replay | DeadlineKind::WebcastReplay) {
            what = DeadlineKind::ConferenceCall;
        }
        if reference.is_some_and(|r| date < r) || (reference == Some(date) && time.is_none() && what != DeadlineKind::ConferenceCall) {
            continue;
        }
        push(deadline(date, time.copied(), what, ss, se), &mut out);
    }
    // Label lines: "Date: Tuesday, November 12, 2024" then "Time: 11 am Pacific Standard Time".
    for f in facts.iter().filter(|f| f.kind == FactKind::Date && eligible(f.start)) {
        let line_start = crate::release::text::line_start(text, f.start, 200);
        if !text[line_start..f.start].trim_start().to_ascii_lowercase().starts_with("date") {
            continue;
        }
        let Some(date) = f.as_date() else { continue };
        if reference.is_some_and(|r| date < r) {
            continue;
        }
        let time = starting_in(&times, f.end + 1, f.end + 300).iter().find(|t| {
            let ls = crate::release::text::line_start(text, t.start, 200);
            text[ls..t.start].trim_start().to_ascii_lowercase().starts_with("time")
        });
        let context_start = floor_boundary(text, line_start.saturating_sub(600));
        let what = event_of(&text[context_start..f.end]).unwrap_or(DeadlineKind::ScheduledEvent);
        let end = time.map_or(f.end, |t| t.end);
        out.retain(|d| !(d.date == date && d.time.is_none() && d.start == line_start));
        push(deadline(date, time.copied(), what, line_start, end), &mut out);
    }
    // A call time with no date in its sentence is today's call ("at 4:45 pm Eastern today").
    if let Some(r) = reference {
        for t in times.iter().filter(|t| eligible(t.start)) {
            let (ss, se) = sentence_around(text, t.start, t.end);
            if starting_in(facts, ss, se).iter().any(|f| f.kind == FactKind::Date && f.end <= se) {
                continue;
            }
            let sentence = &text[ss..se];
            if event_of(sentence) != Some(DeadlineKind::ConferenceCall) {
                continue;
            }
            push(deadline(r, Some(t), DeadlineKind::ConferenceCall, ss, se), &mut out);
        }
    }
    out.sort_by_key(|d| (d.date, d.time));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events() {
        assert_eq!(
            event_of("The telephone playback will be available through April 12, 2004."),
            Some(DeadlineKind::TelephoneReplay)
        );
        assert_eq!(
            event_of("The webcast will be available on the site through March 29, 2005."),
            Some(DeadlineKind::WebcastReplay)
        );
        assert_eq!(
            event_of("The Company will host a conference call on Monday, March 29, 2004 at 8:30 am."),
            Some(DeadlineKind::ConferenceCall)
        );
        assert_eq!(
            event_of("it must complete the split no later than March 17, 2025."),
            Some(DeadlineKind::Deadline)
        );
        assert_eq!(event_of("Revenue for the year ended December 31, 2003 rose."), None);
    }
}
