//! Red flags: restatement, non-reliance, late filing, delisting, symbol change, investigation,
//! auditor change, going concern, material weakness, litigation, bankruptcy. Each comes with the
//! sentence that proves it and the kind of section it stands in. A flag needs a statement about
//! this company: a negated statement ("does not expect that these restatements will...", a form
//! item answered "None." or "Not applicable."), a conditional clause of risk boilerplate ("our
//! ability to continue as a going concern"), a policy that applies "in the event of" one, and
//! other senses of the word ("further investigation of UNO in combination with...", "restated for
//! certain non-recurring items", "sold as a going concern") are none.

use crate::release::gate::{Gap, Gate, Spread};
use crate::release::model::{Flag, FlagKind, Section, SectionKind};
use crate::release::pattern::Pattern;
use crate::release::text::{floor_boundary, sentence_around};
use std::sync::LazyLock;

/// One cue of a flag: a pattern, or a head and a tail found within a few characters of it on
/// its line ("filing of its ... will be delayed").
struct Cue {
    kind: FlagKind,
    /// The cue's place in the catalogue's order: cues of one group are one list of matches.
    group: u8,
    /// Words one of which each match holds (the keyword gate).
    words: &'static [&'static str],
    spread: Spread,
    /// A "not" just before the cue cancels it.
    negatable: bool,
}

const fn cue(kind: FlagKind, group: u8, words: &'static [&'static str], head: &'static str, negatable: bool) -> Cue {
    Cue {
        kind,
        group,
        words,
        spread: Spread::one(head),
        negatable,
    }
}

const fn gap(
    (kind, group, negatable): (FlagKind, u8, bool),
    words: &'static [&'static str],
    head: &'static str,
    within: usize,
    tail: &'static str,
) -> Cue {
    Cue {
        kind,
        group,
        words,
        spread: Spread::lazy(head, Gap::line(within), tail),
        negatable,
    }
}

static CUES: [Cue; 21] = [
    cue(
        FlagKind::NonReliance,
        0,
        &["relied", "non-reliance", "4.02"],
        r"(?i)(?-u:\b)(?:should|can|could|may)\s+no\s+longer\s+be\s+relied\s+(?:up)?on|(?-u:\b)should\s+not\s+be\s+relied\s+(?:up)?on|(?-u:\b)non-reliance(?-u:\b)|(?-u:\b)item\s+4\.02(?-u:\b)",
        false,
    ),
    cue(
        FlagKind::Restatement,
        1,
        &["restat"],
        r"(?i)(?-u:\b)restatements?(?-u:\b)|(?-u:\b)restated?(?-u:\b)|(?-u:\b)restating(?-u:\b)",
        true,
    ),
    cue(
        FlagKind::LateFiling,
        2,
        &["delay", "file", "12b-25", "10-k", "10-q", "filing", "delinquent"],
        r"(?i)(?-u:\b)delay(?:ed)?\s+in\s+(?:the\s+)?filing(?-u:\b)|(?-u:\b)(?:not|unable\s+to)\s+timely\s+file(?-u:\b)|(?-u:\b)(?:rule|form)\s+12b-25(?-u:\b)|(?-u:\b)NT\s+10-[KQ](?-u:\b)|(?-u:\b)late\s+filing(?-u:\b)|(?-u:\b)fail(?:ed|ure)\s+to\s+(?:timely\s+)?file(?-u:\b)|(?-u:\b)delinquent\s+(?:in\s+)?(?:filing|filer)(?-u:\b)|(?-u:\b)delay\s+in\s+(?:its|the)\s+(?:annual|quarterly)\s+report",
        false,
    ),
    gap(
        (FlagKind::LateFiling, 2, false),
        &["filing"],
        r"(?i)(?-u:\b)filing\s+of\s+its(?-u:\b)",
        120,
        r"(?i)(?-u:\b)will\s+be\s+delayed(?-u:\b)",
    ),
    gap(
        (FlagKind::LateFiling, 2, false),
        &["file"],
        r"(?i)(?-u:\b)will\s+not\s+(?:be\s+able\s+to\s+)?file(?-u:\b)",
        120,
        r"(?i)(?-u:\b)(?:timely|on\s+time|today|by\s+the|within\s+the|as\s+required)",
    ),
    cue(
        FlagKind::Delisting,
        3,
        &["qualifications", "minimum", "deficiency", "delinquency"],
        r"(?i)(?-u:\b)listing\s+qualifications(?-u:\b)|(?-u:\b)minimum\s+bid\s+price\s+(?:requirement|rule)|(?-u:\b)deficiency\s+(?:letter|notice|notification)(?-u:\b)|(?-u:\b)delinquency\s+(?:notification|notice|letter)(?-u:\b)",
        false,
    ),
    gap(
        (FlagKind::Delisting, 3, false),
        &["compliance"],
        r"(?i)(?-u:\b)not\s+in\s+compliance\s+with(?-u:\b)",
        80,
        r"(?i)(?-u:\b)listing(?-u:\b)",
    ),
    gap(
        (FlagKind::Delisting, 3, false),
        &["not"],
        r"(?i)(?-u:\b)(?:did|does|do)\s+not\s+(?:meet|satisfy|comply\s+with)(?-u:\b)",
        80,
        r"(?i)(?-u:\b)(?:listing|bid\s+price)(?-u:\b)",
    ),
    gap(
        (FlagKind::Delisting, 3, false),
        &["regain"],
        r"(?i)(?-u:\b)regain(?:s|ed|ing)?\s+compliance(?-u:\b)",
        80,
        r"(?i)(?-u:\b)(?:listing|nasdaq|nyse|exchange)(?-u:\b)",
    ),
    cue(
        FlagKind::Delisting,
        4,
        &["delist", "suspension"],
        r"(?i)(?-u:\b)delist(?:ing|ed)?(?-u:\b)|(?-u:\b)suspension\s+of\s+trading(?-u:\b)",
        true,
    ),
    gap(
        (FlagKind::SymbolChange, 5, false),
        &["symbol"],
        r"(?i)(?-u:\b)(?:trading|ticker)\s+symbol(?-u:\b)",
        40,
        r#"(?i)(?-u:\b)from\s+["“]?[A-Z]{1,6}["”]?\s+to\s+["“]?[A-Z]{1,6}"#,
    ),
    cue(
        FlagKind::SymbolChange,
        5,
        &["fifth"],
        r#"(?i)(?-u:\b)fifth\s+character\s+["“]?E["”]?"#,
        false,
    ),
    cue(
        FlagKind::Investigation,
        6,
        &["investigation", "subpoena", "wells"],
        r"(?i)(?-u:\b)investigations?(?-u:\b)|(?-u:\b)subpoenas?(?-u:\b)|(?-u:\b)wells\s+notice(?-u:\b)|(?-u:\b)formal\s+order\s+of\s+investigation(?-u:\b)",
        true,
    ),
    gap(
        (FlagKind::AuditorChange, 7, false),
        &["dismiss"],
        r"(?i)(?-u:\b)dismiss(?:ed|al\s+of)(?-u:\b)",
        100,
        r"(?i)(?-u:\b)(?:auditors?|accounting\s+firm|accountants)(?-u:\b)",
    ),
    gap(
        (FlagKind::AuditorChange, 7, false),
        &["auditor", "accounting"],
        r"(?i)(?-u:\b)(?:auditors?|accounting\s+firm)(?-u:\b)",
        60,
        r"(?i)(?-u:\b)resign(?:ed|ation)(?-u:\b)",
    ),
    cue(
        FlagKind::AuditorChange,
        7,
        &["4.01", "certifying"],
        r"(?i)(?-u:\b)item\s+4\.01(?-u:\b)|(?-u:\b)changes?\s+in\s+(?:the\s+)?(?:registrant's\s+)?certifying\s+accountant",
        false,
    ),
    cue(FlagKind::GoingConcern, 8, &["going"], r"(?i)(?-u:\b)going\s+concern(?-u:\b)", true),
    gap(
        (FlagKind::GoingConcern, 8, true),
        &["doubt"],
        r"(?i)(?-u:\b)substantial\s+doubt(?-u:\b)",
        80,
        r"(?i)(?-u:\b)ability\s+to\s+continue(?-u:\b)",
    ),
    cue(
        FlagKind::MaterialWeakness,
        9,
        &["weakness"],
        r"(?i)(?-u:\b)material\s+weakness(?:es)?(?-u:\b)",
        true,
    ),
    cue(
        FlagKind::Litigation,
        10,
        &[
            "class",
            "plaintiff",
            "derivative",
            "against",
            "claims",
            "behalf",
            "litigation",
            "legal",
            "damages",
            "verdict",
        ],
        r"(?i)(?-u:\b)(?:securities\s+(?:fraud\s+)?class\s+actions?|class\s+action\s+(?:lawsuits?|complaints?|suits?|litigation)|(?:lead|named)\s+plaintiffs?|class\s+period|derivative\s+(?:actions?|suits?|lawsuits?|complaints?)|(?:lawsuits?|complaints?|suits?)\s+(?:was\s+|were\s+|has\s+been\s+)?(?:filed|brought|commenced)\s+against|(?:filed|brought|commenced)\s+(?:a\s+)?(?:lawsuits?|complaints?|suits?|class\s+actions?)\s+against|potential\s+securities\s+claims|on\s+behalf\s+of\s+(?:investors|shareholders|stockholders|purchasers)|litigation|legal\s+(?:matters|proceedings)|damages\s+awarded|jury\s+verdict)(?-u:\b)",
        true,
    ),
    cue(
        FlagKind::Bankruptcy,
        11,
        &[
            "chapter",
            "bankruptcy",
            "petition",
            "ccaa",
            "creditors",
            "administrat",
            "receiver",
            "insolvency",
        ],
        r"(?i)(?-u:\b)(?:chapter\s+(?:11|7|15)(?-u:\b)|bankruptcy\s+(?:court|code|protection|proceedings?|filing|petition)|voluntary\s+petitions?|CCAA|companies['’]\s+creditors\s+arrangement\s+act|(?:entered|placed|went|go)\s+into\s+(?:administration|receivership)|administrators?\s+(?:have\s+been\s+|were\s+|was\s+)?appointed|appointment\s+of\s+(?:joint\s+)?(?:administrators?|a\s+receiver)|insolvency\s+proceedings?|filed\s+for\s+bankruptcy)",
        true,
    ),
];

/// The cues' words, one family a cue.
static GATE: LazyLock<Gate> = LazyLock::new(|| Gate::new(&CUES.iter().map(|c| c.words).collect::<Vec<_>>()));

static NEGATION: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)(?-u:\b)(?:not|no|never|neither|nor|without)(?-u:\b)|n['’]t(?-u:\b)"));

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

/// A form item answered "None." or "Not applicable." on its line or the next: "ITEM 4. CHANGES IN
/// REGISTRANT'S CERTIFYING ACCOUNTANT." / "None.", an exhibit list's "(16) Letter ..." / "Not Applicable.".
fn answered_none(text: &str, end: usize) -> bool {
    let after = &text[end..floor_boundary(text, end + 240)];
    let none = |t: &str| {
        let t = t
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ':' | '-' | '—' | '–'))
            .to_ascii_lowercase();
        // "None." answers the item; "None of its officers..." starts a sentence.
        let word = |w: &str| {
            t.starts_with(w) && !t[w.len()..].starts_with(|c: char| c.is_alphabetic() || c == ' ' && t[w.len()..].starts_with(" of"))
        };
        ["none", "not applicable", "n/a", "inapplicable", "not required"]
            .iter()
            .any(|w| word(w))
    };
    // The answer follows the item's title: after its first sentence end or line break.
    let title_end = [after.find(". "), after.find(".\n"), after.find('\n')].into_iter().flatten().min();
    none(after) || title_end.is_some_and(|e| none(&after[e..]))
}

/// Clause words that make a risk list's mention a hypothesis: "our ability to continue as a going
/// concern", "in the event of a restatement", "any investigation", "could result in delisting".
static CONDITIONAL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)(?-u:\b)(?:ability\s+to|inability\s+to|if|whether|in\s+the\s+event\s+(?:of|that)|in\s+case\s+of|any|potential|possible|possibility|risks?\s+of|could|may|might|would|failure\s+to|unable\s+to|avoid)(?-u:\b)",
    )
});

/// Is the cue at `start` in a hypothetical clause (since the last ";", ":" or line start)?
fn conditional(text: &str, sentence_start: usize, start: usize) -> bool {
    let from = floor_boundary(text, start.saturating_sub(80)).max(sentence_start);
    let clause = &text[from..start];
    let clause = clause.rsplit([';', '\n', '•']).next().unwrap_or(clause);
    CONDITIONAL.is_match(clause)
}

/// Who investigates: an investigation is a red flag when an authority or the board runs it, not
/// in the scientific sense ("further investigation of UNO in combination with PD-1 inhibitors").
static AUTHORITY: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)(?-u:\b)(?:SEC|Securities\s+and\s+Exchange\s+Commission|Department\s+of\s+Justice|DOJ|attorneys?\s+general|U\.S\.\s+attorney|FTC|FINRA|CFTC|FCA|AMF|BaFin|OSC|ESMA|regulators?|regulatory|authorit(?:y|ies)|government(?:al)?|prosecutors?|police|grand\s+jury|audit\s+committee|special\s+committee|board|internal|independent\s+counsel|forensic|commission|agency|Nasdaq|NYSE|subpoenas?|criminal|civil)(?-u:\b)",
    )
});

/// Does the sentence use the cue in its red-flag sense?
fn in_flag_sense(kind: FlagKind, sentence: &str) -> bool {
    let l = sentence.to_lowercase();
    let has = |w: &[&str]| w.iter().any(|x| l.contains(x));
    // A form's check box ("CHECK BOX IF LEGAL PROCEEDINGS IS REQUIRED ...") states nothing.
    if has(&["check box if", "check the appropriate box", "check mark"]) {
        return false;
    }
    // A contract filed as an exhibit allocates rights ("the Parties agree ... based upon the
    // litigation described in Schedule 2.1 hereto"): it states no event. One drafting word alone
    // ("the press release attached hereto") does not make a sentence a contract's.
    const DRAFTING: [&str; 9] = [
        "hereto",
        "hereof",
        "hereunder",
        "herein",
        "the parties",
        "purchaser",
        "seller",
        "notwithstanding",
        "shall be deemed",
    ];
    if DRAFTING.iter().filter(|w| l.contains(*w)).count() >= 2 {
        return false;
    }
    match kind {
        FlagKind::Investigation => AUTHORITY.is_match(sentence),
        // A restatement corrects financial statements; "restated for certain non-recurring items",
        // "restated to reflect discontinued operations", a clawback policy's trigger are not one.
        FlagKind::Restatement => {
            has(&[
                "financial statement",
                "financial results",
                "previously issued",
                "previously reported",
                "prior period",
                "restated period",
            ]) && !has(&[
                "non-recurring",
                "nonrecurring",
                "to exclude",
                "to reflect",
                "clawback",
                "claw back",
                "recoupment",
                "recovery of erroneously",
            ])
        }
        // "purchasing certain of the Company's business segments as a going concern", "sold as a going concern".
        FlagKind::GoingConcern => {
            has(&[
                "doubt",
                "qualification",
                "qualified",
                "explanatory paragraph",
                "emphasis of matter",
                "uncertainty",
            ]) || !has(&[
                "sold",
                "sale",
                "sell",
                "purchas",
                "buyer",
                "acquir",
                "transfer",
                "value maximization",
            ])
        }
        // The Private Securities Litigation Reform Act is the safe-harbor statute, not a lawsuit.
        // A gain from a case the company won is no red flag.
        FlagKind::Litigation => {
            (!has(&["securities litigation reform act"]) || has(&["class action", "lawsuit", "complaint", "plaintiff"]))
                && (!has(&["benefit", "gain"]) || has(&["charge", "damages", "against", "loss"]))
        }
        _ => true,
    }
}

fn generic_noun(cue: &str) -> bool {
    let l = cue.to_ascii_lowercase();
    l == "litigation" || l.starts_with("legal")
}

/// A determiner or possessive among the two words before the cue.
fn determined(text: &str, sentence_start: usize, start: usize) -> bool {
    let from = floor_boundary(text, start.saturating_sub(40)).max(sentence_start);
    let before = text[from..start].to_lowercase();
    before.split_whitespace().rev().take(2).any(|w| {
        matches!(
            w,
            "the" | "its" | "our" | "this" | "that" | "these" | "those" | "such" | "certain" | "pending" | "ongoing" | "a" | "an" | "of"
        ) && w != "of"
            || w.ends_with("'s")
            || w.ends_with("’s")
    }) || before.trim_end().ends_with("consisted of")
}

pub fn find(text: &str, sections: &[Section]) -> Vec<Flag> {
    let mut out: Vec<Flag> = Vec::new();
    for s in sections
        .iter()
        .filter(|s| !matches!(s.kind, SectionKind::Trademarks | SectionKind::Financials | SectionKind::Dateline))
    {
        let body = &text[s.start..s.end];
        let present = GATE.present(body);
        if !present.any() {
            continue;
        }
        let mut found: Vec<(usize, usize)> = Vec::new();
        for (i, cue) in CUES.iter().enumerate() {
            if present.has(i) {
                found.extend(cue.spread.find_iter(body));
            }
            // The cues of a group are one list of matches, in order and not overlapping, as one
            // pattern's would be; the group's flag is decided when the group ends.
            if CUES.get(i + 1).is_some_and(|next| next.group == cue.group) || found.is_empty() {
                continue;
            }
            found.sort_by_key(|&(a, b)| (a, std::cmp::Reverse(b)));
            let mut last_end = 0;
            let matches: Vec<(usize, usize)> = std::mem::take(&mut found)
                .into_iter()
                .filter(|&(a, b)| {
                    let keep = a >= last_end;
                    if keep {
                        last_end = b;
                    }
                    keep
                })
                .collect();
            for (ma, mb) in matches {
                let (a, b) = (s.start + ma, s.start + mb);
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
                if answered_none(text, b) || !in_flag_sense(cue.kind, &text[ss..se]) {
                    continue;
                }
                // "litigation", "legal proceedings" on their own are a topic ("unfavorable results of
                // legal proceedings"); a determiner makes them this company's ("the litigation",
                // "certain legacy legal matters").
                if cue.kind == FlagKind::Litigation && generic_noun(&text[a..b]) && !determined(text, ss, a) {
                    continue;
                }
                // A policy that applies "in the event of a restatement" states no restatement.
                if cue.kind == FlagKind::Restatement && conditional(text, ss, a) {
                    continue;
                }
                let boiler = s.kind == SectionKind::Risk;
                // Risk boilerplate lists hypotheses ("our ability to continue as a going concern").
                if boiler && conditional(text, ss, a) {
                    continue;
                }
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
            kinds("Mawson presented a plan to Nasdaq to regain compliance with Nasdaq's continued listing standards."),
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

    fn risk_kinds(t: &str) -> Vec<FlagKind> {
        let s = vec![Section {
            kind: SectionKind::Risk,
            title: String::new(),
            start: 0,
            end: t.len(),
        }];
        find(t, &s).into_iter().map(|f| f.kind).collect()
    }

    #[test]
    fn form_items_answered_none_are_not_flags() {
        assert!(kinds("ITEM 4. CHANGES IN REGISTRANT'S CERTIFYING ACCOUNTANT.\n\nNone.\n").is_empty());
        assert!(kinds("(16) Letter referencing change in certifying accountant\n\nNot Applicable.\n").is_empty());
        assert!(kinds("Item 4.01 Changes in Registrant's Certifying Accountant. Not applicable.").is_empty());
        assert_eq!(
            kinds("The Company received a subpoena from the SEC. None of its officers was named."),
            vec![FlagKind::Investigation]
        );
        // Answered with a statement, the item is a flag.
        assert_eq!(
            kinds(
                "Item 4.01 Changes in Registrant's Certifying Accountant.\n\nOn May 1, the Audit Committee dismissed Acme LLP as the Company's auditors."
            ),
            vec![FlagKind::AuditorChange]
        );
    }

    #[test]
    fn other_senses_are_not_flags() {
        assert!(
            kinds("We look forward to the Phase 1b trial results to establish the basis of further investigation of UNO in combination with PD-1 inhibitors.")
                .is_empty()
        );
        assert!(
            kinds("Equity incentives are subject to the Bonus Recoupment Policy which applies in the event of a restatement of financial results.")
                .is_empty()
        );
        assert!(kinds("EPRA earnings were restated for certain non-recurring items.").is_empty());
        assert!(kinds("These one-off gains should be restated to exclude them from recurring income.").is_empty());
        assert!(
            kinds(
                "The Company intends to engage with buyers interested in purchasing certain of its business segments as a going concern."
            )
            .is_empty()
        );
        assert!(kinds("The division was sold as a going concern to a competitor.").is_empty());
        assert!(kinds("This release is made under the Private Securities Litigation Reform Act of 1995.").is_empty());
        assert!(
            kinds(
                "The Parties agree that Purchaser is reserving all rights arising as a result of a breach of Seller's representations based upon the litigation described in Schedule 3.9 hereto."
            )
            .is_empty()
        );
        // The red-flag senses still count.
        assert_eq!(
            kinds(
                "As announced in the press release attached hereto, the Company will restate its previously issued financial statements."
            ),
            vec![FlagKind::Restatement]
        );
        assert_eq!(
            kinds("The Company received a subpoena and is cooperating with the SEC's investigation."),
            vec![FlagKind::Investigation]
        );
        assert_eq!(
            kinds("The Audit Committee concluded that the previously issued financial statements should be restated."),
            vec![FlagKind::Restatement]
        );
    }

    #[test]
    fn conditional_boilerplate_is_not_a_flag() {
        assert!(
            risk_kinds("Risks include our ability to continue as a going concern; our ability to maintain the listing of our stock.")
                .is_empty()
        );
        assert!(risk_kinds("Factors include any investigation by the SEC and potential bankruptcy proceedings.").is_empty());
        assert_eq!(
            risk_kinds("Risks include the SEC's investigation of these matters."),
            vec![FlagKind::Investigation]
        );
    }

    #[test]
    fn litigation() {
        assert_eq!(
            kinds(
                "Rosen Law Firm announces the filing of a securities class action lawsuit on behalf of purchasers of Acme Corp. securities."
            ),
            vec![FlagKind::Litigation]
        );
        assert_eq!(
            kinds("Apple today announced it has reached a settlement of shareholder derivative action known as Kostick vs. Crisp."),
            vec![FlagKind::Litigation]
        );
        assert_eq!(
            kinds("Mawson is advancing efforts to resolve certain legacy legal matters."),
            vec![FlagKind::Litigation]
        );
        assert_eq!(
            kinds("A complaint was filed against the Company in federal court."),
            vec![FlagKind::Litigation]
        );
        assert!(kinds("The Company is not a party to any litigation.").is_empty());
        assert!(kinds("Expenses included a benefit of $306 million related to certain litigation.").is_empty());
        assert!(kinds("Risks include competition and unfavorable results of legal proceedings.").is_empty());
        assert!(kinds("5  CHECK BOX IF LEGAL PROCEEDINGS IS REQUIRED PURSUANT TO ITEMS 2(d) or 2(e)").is_empty());
        assert_eq!(
            kinds("Expenses consisted of litigation related charges totaling $4.7 billion."),
            vec![FlagKind::Litigation]
        );
        assert!(risk_kinds("Risks include litigation, regulatory proceedings or inquiries.").is_empty());
    }

    #[test]
    fn bankruptcy() {
        assert_eq!(
            kinds("Acme announced today that it has voluntarily filed for chapter 11 relief in the United States Bankruptcy Court."),
            vec![FlagKind::Bankruptcy]
        );
        assert_eq!(
            kinds("Acme Ltd. obtained an initial order under the Companies' Creditors Arrangement Act (CCAA)."),
            vec![FlagKind::Bankruptcy]
        );
        assert_eq!(
            kinds("Acme plc has entered into administration and joint administrators were appointed."),
            vec![FlagKind::Bankruptcy]
        );
        assert!(kinds("The company has no plans to file for Chapter 11.").is_empty());
        assert!(kinds("The business was sold as a going concern.").is_empty());
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
