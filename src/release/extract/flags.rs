//! Red flags: restatement, non-reliance, late filing, delisting, symbol change, investigation,
//! auditor change, going concern, material weakness. Each comes with the sentence that proves
//! it and the kind of section it stands in; a negated statement ("does not expect that these
//! restatements will...") is no flag.

use crate::release::model::{Flag, FlagKind, Section, SectionKind};
use crate::release::text::{floor_boundary, sentence_around};
use regex::{Regex, RegexSet};
use std::sync::LazyLock;

struct Cue {
    kind: FlagKind,
    re: Regex,
    /// A "not" just before the cue cancels it.
    negatable: bool,
}

static CUES: LazyLock<Vec<Cue>> = LazyLock::new(|| {
    let c = |kind, re: &str, negatable| Cue {
        kind,
        re: Regex::new(&format!("(?i){re}")).expect("flag regex"),
        negatable,
    };
    vec![
        c(
            FlagKind::NonReliance,
            r"(?-u:\b)(?:should|can|could|may)\s+no\s+longer\s+be\s+relied\s+(?:up)?on|(?-u:\b)should\s+not\s+be\s+relied\s+(?:up)?on|(?-u:\b)non-reliance(?-u:\b)|(?-u:\b)item\s+4\.02(?-u:\b)",
            false,
        ),
        c(
            FlagKind::Restatement,
            r"(?-u:\b)restatements?(?-u:\b)|(?-u:\b)restated?(?-u:\b)|(?-u:\b)restating(?-u:\b)",
            true,
        ),
        c(
            FlagKind::LateFiling,
            r"(?-u:\b)delay(?:ed)?\s+in\s+(?:the\s+)?filing(?-u:\b)|(?-u:\b)filing\s+of\s+its(?-u:\b).{0,120}?(?-u:\b)will\s+be\s+delayed(?-u:\b)|(?-u:\b)will\s+not\s+(?:be\s+able\s+to\s+)?file(?-u:\b).{0,120}?(?-u:\b)(?:timely|on\s+time|today|by\s+the|within\s+the|as\s+required)|(?-u:\b)(?:not|unable\s+to)\s+timely\s+file(?-u:\b)|(?-u:\b)(?:rule|form)\s+12b-25(?-u:\b)|(?-u:\b)NT\s+10-[KQ](?-u:\b)|(?-u:\b)late\s+filing(?-u:\b)|(?-u:\b)fail(?:ed|ure)\s+to\s+(?:timely\s+)?file(?-u:\b)|(?-u:\b)delinquent\s+(?:in\s+)?(?:filing|filer)(?-u:\b)|(?-u:\b)delay\s+in\s+(?:its|the)\s+(?:annual|quarterly)\s+report",
            false,
        ),
        c(
            FlagKind::Delisting,
            r"(?-u:\b)not\s+in\s+compliance\s+with(?-u:\b).{0,80}?(?-u:\b)listing(?-u:\b)|(?-u:\b)listing\s+qualifications(?-u:\b)|(?-u:\b)minimum\s+bid\s+price\s+(?:requirement|rule)|(?-u:\b)(?:did|does|do)\s+not\s+(?:meet|satisfy|comply\s+with)(?-u:\b).{0,80}?(?-u:\b)(?:listing|bid\s+price)(?-u:\b)|(?-u:\b)deficiency\s+(?:letter|notice|notification)(?-u:\b)|(?-u:\b)delinquency\s+(?:notification|notice|letter)(?-u:\b)",
            false,
        ),
        c(
            FlagKind::Delisting,
            r"(?-u:\b)delist(?:ing|ed)?(?-u:\b)|(?-u:\b)suspension\s+of\s+trading(?-u:\b)",
            true,
        ),
        c(
            FlagKind::SymbolChange,
            r#"(?-u:\b)(?:trading|ticker)\s+symbol(?-u:\b).{0,40}?(?-u:\b)from\s+["“]?[A-Z]{1,6}["”]?\s+to\s+["“]?[A-Z]{1,6}|(?-u:\b)fifth\s+character\s+["“]?E["”]?"#,
            false,
        ),
        c(
            FlagKind::Investigation,
            r"(?-u:\b)investigations?(?-u:\b)|(?-u:\b)subpoenas?(?-u:\b)|(?-u:\b)wells\s+notice(?-u:\b)|(?-u:\b)formal\s+order\s+of\s+investigation(?-u:\b)",
            true,
        ),
        c(
            FlagKind::AuditorChange,
            r"(?-u:\b)dismiss(?:ed|al\s+of)(?-u:\b).{0,100}?(?-u:\b)(?:auditors?|accounting\s+firm|accountants)(?-u:\b)|(?-u:\b)(?:auditors?|accounting\s+firm)(?-u:\b).{0,60}?(?-u:\b)resign(?:ed|ation)(?-u:\b)|(?-u:\b)item\s+4\.01(?-u:\b)|(?-u:\b)changes?\s+in\s+(?:the\s+)?(?:registrant's\s+)?certifying\s+accountant",
            false,
        ),
        c(
            FlagKind::GoingConcern,
            r"(?-u:\b)going\s+concern(?-u:\b)|(?-u:\b)substantial\s+doubt(?-u:\b).{0,80}?(?-u:\b)ability\s+to\s+continue(?-u:\b)",
            true,
        ),
        c(FlagKind::MaterialWeakness, r"(?-u:\b)material\s+weakness(?:es)?(?-u:\b)", true),
    ]
});

/// All cues at once: one pass tells which cues a section holds at all.
static ANY_CUE: LazyLock<RegexSet> = LazyLock::new(|| RegexSet::new(CUES.iter().map(|c| c.re.as_str())).expect("cue set"));

static NEGATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:not|no|never|neither|nor|without)(?-u:\b)|n['’]t(?-u:\b)").expect("negation regex"));

/// Is the cue at `start` negated by a word shortly before it in its sentence?
fn negated(text: &str, sentence_start: usize, start: usize) -> bool {
    let from = floor_boundary(text, start.saturating_sub(45)).max(sentence_start);
    NEGATION.is_match(&text[from..start])
}

/// A singular mention tied to this company: "the SEC's investigation", "an investigation by".
fn specific(text: &str, sentence_start: usize, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    if word.ends_with('s') && !word.ends_with("ss") {
        return false;
    }
    let from = floor_boundary(text, start.saturating_sub(24)).max(sentence_start);
    let before = text[from..start].to_lowercase();
    let last: Vec<&str> = before.split_whitespace().rev().take(2).collect();
    last.iter().any(|w| {
        matches!(
            *w,
            "the" | "an" | "a" | "its" | "our" | "this" | "pending" | "formal" | "informal" | "ongoing"
        ) || w.ends_with("'s")
            || w.ends_with("’s")
    })
}

pub fn find(text: &str, sections: &[Section]) -> Vec<Flag> {
    let mut out: Vec<Flag> = Vec::new();
    for s in sections
        .iter()
        .filter(|s| !matches!(s.kind, SectionKind::Trademarks | SectionKind::Financials | SectionKind::Dateline))
    {
        let body = &text[s.start..s.end];
        let present = ANY_CUE.matches(body);
        for cue in CUES.iter().enumerate().filter(|(i, _)| present.matched(*i)).map(|(_, c)| c) {
            for m in cue.re.find_iter(body) {
                let (a, b) = (s.start + m.start(), s.start + m.end());
                let (ss, se) = sentence_around(text, a, b);
                // "Amended and Restated 1993 Directors' Stock Plan" names a document.
                if cue.kind == FlagKind::Restatement
                    && text[floor_boundary(text, a.saturating_sub(12))..a]
                        .to_lowercase()
                        .ends_with("amended and ")
                {
                    continue;
                }
                if cue.negatable && negated(text, ss, a) {
                    continue;
                }
                let boiler = s.kind == SectionKind::Risk;
                // Boilerplate lists generic risks ("regulatory investigations, proceedings or
                // inquiries"); only a specific one counts there ("the SEC's investigation").
                if boiler && cue.negatable && !specific(text, ss, a, b) {
                    continue;
                }
                match out.iter_mut().find(|f| f.kind == cue.kind) {
                    // Prefer evidence from the news over boilerplate.
                    Some(f) if f.section == SectionKind::Risk && !boiler => {
                        *f = Flag {
                            kind: cue.kind,
                            evidence: text[ss..se].trim().to_string(),
                            start: ss,
                            end: se,
                            section: s.kind,
                        };
                    }
                    Some(_) => {}
                    None => out.push(Flag {
                        kind: cue.kind,
                        evidence: text[ss..se].trim().to_string(),
                        start: ss,
                        end: se,
                        section: s.kind,
                    }),
                }
            }
        }
    }
    out.sort_by_key(|f| (f.section == SectionKind::Risk, f.start));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &str) -> Vec<FlagKind> {
        let s = vec![Section {
            kind: SectionKind::Status,
            title: String::new(),
            start: 0,
            end: t.len(),
        }];
        find(t, &s).into_iter().map(|f| f.kind).collect()
    }

    #[test]
    fn positive_cues() {
        assert_eq!(
            kinds("The review will lead to a restatement of historical financial statements."),
            vec![FlagKind::Restatement]
        );
        assert_eq!(
            kinds("Existing financial statements for those periods should not be relied upon."),
            vec![FlagKind::NonReliance]
        );
        assert_eq!(
            kinds("The filing of its amended Annual Report on Form 10-K/A will be delayed."),
            vec![FlagKind::LateFiling]
        );
        assert_eq!(
            kinds("Its securities could be subject to delisting from the Nasdaq National Market."),
            vec![FlagKind::Delisting]
        );
        assert_eq!(
            kinds("Nasdaq may change the trading symbol from \"SONS\" to \"SONSE.\""),
            vec![FlagKind::SymbolChange]
        );
        assert_eq!(
            kinds("The Company did not meet the minimum bid price requirement."),
            vec![FlagKind::Delisting]
        );
        assert_eq!(
            kinds("Management identified a material weakness in internal control."),
            vec![FlagKind::MaterialWeakness]
        );
        assert_eq!(
            kinds("There is substantial doubt about our ability to continue as a going concern."),
            vec![FlagKind::GoingConcern]
        );
    }

    #[test]
    fn negated_cues_are_not_flags() {
        assert!(kinds("Sonus does not expect that these restatements will impact its cash.").is_empty());
        assert!(kinds("The letter does not result in the immediate delisting of the shares.").is_empty());
        assert!(kinds("There was no material weakness.").is_empty());
    }

    #[test]
    fn generic_boilerplate_is_no_flag() {
        let t = "Risks include litigation, regulatory investigations, proceedings or inquiries.";
        let s = vec![Section {
            kind: SectionKind::Risk,
            title: String::new(),
            start: 0,
            end: t.len(),
        }];
        assert!(find(t, &s).is_empty());
    }

    #[test]
    fn boilerplate_flag_records_its_section() {
        let t = "Risks include the SEC's investigation of these matters.";
        let s = vec![Section {
            kind: SectionKind::Risk,
            title: String::new(),
            start: 0,
            end: t.len(),
        }];
        let f = find(t, &s);
        assert_eq!(f[0].section, SectionKind::Risk);
    }
}
