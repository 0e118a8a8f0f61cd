//! Conference IDs, access codes, passcodes and PINs: digits that follow such a keyword. They are
//! never phones (phones are claimed first, and codes have no phone shape).

use super::Claims;
use crate::release::model::{Fact, FactKind};
use crate::release::pattern::Pattern;
use std::sync::LazyLock;

static CODE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(concat!(
        r"(?i-u)(?-u:\b)(?:",
        r"(?:replay\s+|participant\s+|conference\s+)?(?:access|entry|confirmation|participant|attendee|meeting|webinar|event|replay|playback|conference|reservation)\s+(?:code|id|pin|passcode|number|no\.|#)(?:\s+(?:number|no\.|#))?",
        r"|pass\s?codes?|pin(?:\s+(?:code|number))?|id\s+number|code",
        r")(?:\s*[:#]|(?-u:\b))",
        r"((?u:[^0-9\n.;]){0,24}?)",
        r"(\d[\d -]{2,14}\d)(?-u:\b)",
    ))
});

pub fn scan(text: &str, claims: &mut Claims, facts: &mut Vec<Fact>) {
    for caps in CODE.captures_iter(text) {
        let (Some(all), Some(gap), Some(m)) = (caps.get(0), caps.get(1), caps.get(2)) else {
            continue;
        };
        let before = &text.as_bytes()[..all.start()];
        let ends_with = |w: &str| before.len() >= w.len() && before[before.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes());
        if ends_with("zip ") || ends_with("postal ") || ends_with("area ") {
            continue;
        }
        // "access number" or "dial 1-800..." style gaps that lead into a phone are left alone.
        let gap = gap.as_str().to_ascii_lowercase();
        if gap.contains("call") || gap.contains("dial") || gap.contains('+') || gap.contains('(') {
            continue;
        }
        let raw = m.as_str().trim();
        // Cut at a run of two spaces or a word break that starts something else.
        let raw = raw.split("  ").next().unwrap_or(raw);
        let value: String = raw.chars().filter(char::is_ascii_digit).collect();
        if value.len() < 4 || value.len() > 12 {
            continue;
        }
        let year_like = value.len() == 4 && (value.starts_with("19") || value.starts_with("20"));
        if year_like {
            continue;
        }
        let (start, end) = (m.start(), m.start() + raw.len());
        if claims.claim(start, end) {
            facts.push(Fact::new(FactKind::Code, text, start, end, Some(value)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(t: &str) -> Vec<String> {
        let mut c = Claims::default();
        let mut f = Vec::new();
        super::super::phones::scan(t, &mut c, &mut f);
        scan(t, &mut c, &mut f);
        f.into_iter()
            .filter(|f| f.kind == FactKind::Code)
            .filter_map(|f| f.value.map(String::from))
            .collect()
    }

    #[test]
    fn keywords_then_digits() {
        assert_eq!(codes("The access code for the replay is 21190372. The"), vec!["21190372"]);
        assert_eq!(codes("+1-888-506-0062 entry code 139838"), vec!["139838"]);
        assert_eq!(codes("and entering conference ID number 51559. After"), vec!["51559"]);
        assert_eq!(codes("passcode 822011"), vec!["822011"]);
        assert_eq!(codes("replay access code 5018166"), vec!["5018166"]);
        assert_eq!(codes("Conference ID: 1234 5678"), vec!["12345678"]);
        assert_eq!(codes("The replay number is 1-866-499-4546, access code 7072."), vec!["7072"]);
    }

    #[test]
    fn near_misses() {
        assert!(codes("Dial-in number: +1-888-326-7098").is_empty());
        assert!(codes("the code of conduct adopted in 2004").is_empty());
        assert!(codes("access code. 12345").is_empty());
        assert!(codes("Boston, zip code 02134").is_empty());
    }
}
