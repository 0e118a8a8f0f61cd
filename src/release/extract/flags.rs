//! Red flags: restatement, non-reliance, late filing, delisting, symbol change, investigation,
//! auditor change, going concern, material weakness. Each comes with the sentence that proves
//! it and the kind of section it stands in; a negated statement ("does not expect that these
//! restatements will...") is no flag.

use crate::release::model::{Flag, FlagKind, Section, SectionKind};
use crate::release::text::{floor_boundary, sentence_around};
use regex::Regex;
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
            r"\b(?:should|can|could|may)\s+no\s+longer\s+be\s+relied\s+(?:up)?on|\bshould\s+not\s+be\s+relied\s+(?:up)?on|\bnon-reliance\b|\bitem\s+4\.02\b",
            false,
        ),
        c(FlagKind::Restatement, r"\brestatements?\b|\brestated?\b|\brestating\b", true),
        c(
            FlagKind::LateFiling,
            r"\bdelay(?:ed)?\s+in\s+(?:the\s+)?filing\b|\bfiling\s+of\s+its\b.{0,120}?\bwill\s+be\s+delayed\b|\bwill\s+not\s+(?:be\s+able\s+to\s+)?file\b.{0,120}?\b(?:timely|on\s+time|today|by\s+the|within\s+the|as\s+required)|\b(?:not|unable\s+to)\s+timely\s+file\b|\b(?:rule|form)\s+12b-25\b|\bNT\s+10-[KQ]\b|\blate\s+filing\b|\bfail(?:ed|ure)\s+to\s+(?:timely\s+)?file\b|\bdelinquent\s+(?:in\s+)?(?:filing|filer)\b|\bdelay\s+in\s+(?:its|the)\s+(?:annual|quarterly)\s+report",
            false,
        ),
        c(
            FlagKind::Delisting,
            r"\bnot\s+in\s+compliance\s+with\b.{0,80}?\blisting\b|\blisting\s+qualifications\b|\bminimum\s+bid\s+price\s+(?:requirement|rule)|\b(?:did|does|do)\s+not\s+(?:meet|satisfy|comply\s+with)\b.{0,80}?\b(?:listing|bid\s+price)\b|\bdeficiency\s+(?:letter|notice|notification)\b|\bdelinquency\s+(?:notification|notice|letter)\b",
            false,
        ),
        c(FlagKind::Delisting, r"\bdelist(?:ing|ed)?\b|\bsuspension\s+of\s+trading\b", true),
        c(
            FlagKind::SymbolChange,
            r#"\b(?:trading|ticker)\s+symbol\b.{0,40}?\bfrom\s+["“]?[A-Z]{1,6}["”]?\s+to\s+["“]?[A-Z]{1,6}|\bfifth\s+character\s+["“]?E["”]?"#,
            false,
        ),
        c(
            FlagKind::Investigation,
            r"\binvestigations?\b|\bsubpoenas?\b|\bwells\s+notice\b|\bformal\s+order\s+of\s+investigation\b",
            true,
        ),
        c(
            FlagKind::AuditorChange,
            r"\bdismiss(?:ed|al\s+of)\b.{0,100}?\b(?:auditors?|accounting\s+firm|accountants)\b|\b(?:auditors?|accounting\s+firm)\b.{0,60}?\bresign(?:ed|ation)\b|\bitem\s+4\.01\b|\bchanges?\s+in\s+(?:the\s+)?(?:registrant's\s+)?certifying\s+accountant",
            false,
        ),
        c(
            FlagKind::GoingConcern,
            r"\bgoing\s+concern\b|\bsubstantial\s+doubt\b.{0,80}?\bability\s+to\s+continue\b",
            true,
        ),
        c(FlagKind::MaterialWeakness, r"\bmaterial\s+weakness(?:es)?\b", true),
    ]
});

static NEGATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:not|no|never|neither|nor|without)\b|n['’]t\b").expect("negation regex"));

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
        for cue in CUES.iter() {
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
