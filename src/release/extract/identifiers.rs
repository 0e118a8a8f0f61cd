//! SEC forms ("Form 10-K/A", "8-K") become facts; other SEC identifiers that look like phones,
//! dates or amounts ("Rule 12b-25", "Item 2.02", file numbers, tax IDs, listing rules) are only
//! claimed, so that no later pass mistakes them.

use super::Claims;
use crate::release::model::{Fact, FactKind};
use crate::release::pattern::Pattern;
use std::sync::LazyLock;

const FORM_NAMES: &str = r"10-K405|10-KSB|10-QSB|10-KT|10-K|10-Q|8-K12B|8-K|6-K|20-F|40-F|11-K|S-1|S-3|S-4|S-8|F-1|F-3|F-4|F-6|SC[ ]?TO-[TIC]|SC[ ]?TO|SC[ ]?13[DG]|SC[ ]?14D9|13[DG]|DEF[ ]?14A|DEFA14A|PRE[ ]?14A|NT[ ]?10-[KQ]|N-CSR|424B[1-8]|144|12b-25";

static FORM: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r"(?-u)(?-u:\b)(?:Forms?|FORMS?)\s+(?:{FORM_NAMES})(?:/A)?(?-u:\b)|(?-u:\b)(?:10-K|10-Q|8-K|6-K|20-F|NT[ ]10-K)(?:/A)?(?-u:\b)"
    ))
});

static SEC_ID: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(concat!(
        r"(?i-u)(?-u:\b)(?:rules?)\s+\d+[a-z]?-\d+[a-z0-9()-]*",
        r"|(?i)(?-u:\b)(?:listing\s+)?rules?\s+\d{3,4}(?:\([a-z0-9]+\))+",
        r"|(?-u:\b)(?i:items?)\s+\d{1,2}\.\d{2}(?-u:\b)",
        r"|(?-u:\b)(?i:items?)\s+\d{1,2}(?-u:\b)",
        r"|(?-u:\b)(?i:sections?)\s+\d+[a-z]?(?:\([a-z0-9]+\))*",
        r"|(?i)(?-u:\b)(?:file|commission\s+file|registration|i\.?r\.?s\.?\s+employer\s+identification|cusip|cik)\s+(?:no\.?|number|#)\s*:?\s*[0-9][0-9a-z-]*",
        r"|(?-u:\b)\d{1,3}-\d{5}(?-u:\b)",
        r"|(?-u:\b)\d{2}-\d{7}(?-u:\b)",
        r"|(?-u:\b)(?:Act\s+of\s+)\d{4}(?-u:\b)",
    ))
});

pub fn scan(text: &str, claims: &mut Claims, facts: &mut Vec<Fact>) {
    for m in FORM.find_iter(text) {
        if claims.claim(m.start(), m.end()) {
            let norm = m
                .as_str()
                .split_whitespace()
                .last()
                .unwrap_or("")
                .replace(' ', "")
                .to_ascii_uppercase();
            facts.push(Fact::new(FactKind::Form, text, m.start(), m.end(), Some(norm)));
        }
    }
    for m in SEC_ID.find_iter(text) {
        claims.claim(m.start(), m.end());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(t: &str) -> Vec<String> {
        let mut c = Claims::default();
        let mut f = Vec::new();
        scan(t, &mut c, &mut f);
        f.into_iter().map(|f| f.text(t).to_string()).collect()
    }

    #[test]
    fn forms_found() {
        assert_eq!(forms("its Annual Report on Form 10-K/A for 2003"), vec!["Form 10-K/A"]);
        assert_eq!(forms("a Current Report on Form 8-K and Form 10-Q."), vec!["Form 8-K", "Form 10-Q"]);
        assert_eq!(forms("expect to file our 10-K within"), vec!["10-K"]);
    }

    #[test]
    fn identifiers_are_claimed_not_forms() {
        let t = "Rule 12b-25 Item 2.02 File No. 000-30229 (04-3387074) Listing Rule 5550(a)(2)";
        let mut c = Claims::default();
        let mut f = Vec::new();
        scan(t, &mut c, &mut f);
        assert!(f.is_empty());
        for id in ["12b-25", "2.02", "000-30229", "04-3387074", "5550(a)(2)"] {
            let p = t.find(id).unwrap();
            assert!(c.overlaps(p, p + id.len()), "{id} not claimed");
        }
    }
}
