//! Telephone numbers, North American and international, normalised to E.164.
//!
//! A number needs its usual separators ("978-614-8672", "(408) 974-1896", "+65 6222 5223"): a
//! bare run of digits is an ID or an access code, not a phone.

use super::Claims;
use crate::release::model::{Fact, FactKind};
use crate::release::text::{char_at, char_before};
use regex::Regex;
use std::sync::LazyLock;

static NANP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+\s?1[\s.\-]?|(?-u:\b)1[\s.\-])?(?:\(\s?[2-9]\d{2}\s?\)\s?|(?-u:\b)[2-9]\d{2}[\s.\-/]\s?)[2-9]\d{2}[\s.\-]\d{4}")
        .expect("nanp regex")
});
static INTL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(?\+\s?[2-9]\d{0,2}\)?(?:[\s.\-]?(?:\(0\)\s?)?\(?\d{1,5}\)?){2,6}").expect("intl regex"));

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

pub fn scan(text: &str, claims: &mut Claims, facts: &mut Vec<Fact>) {
    for m in NANP.find_iter(text) {
        let (start, end) = (m.start(), m.end());
        // No digit or digit-joining mark right before or after: "000-30229-555-1234" is no phone.
        if matches!(char_before(text, start), Some(c) if c.is_ascii_alphanumeric() || c == '-' || c == '/' || c == '.' || c == '$')
            || matches!(char_at(text, end), Some(c) if c.is_ascii_digit() || c == '-' && text[end..].chars().nth(1).is_some_and(|d| d.is_ascii_digit()))
        {
            continue;
        }
        let mut d = digits(m.as_str());
        if d.len() == 11 {
            d.remove(0);
        }
        if d.len() == 10 && claims.claim(start, end) {
            facts.push(Fact::new(FactKind::Phone, text, start, end, Some(format!("+1{d}"))));
        }
    }
    for m in INTL.find_iter(text) {
        let s = m.as_str().trim_end();
        let (start, end) = (m.start(), m.start() + s.len());
        let cleaned = s.replace("(0)", "");
        let d = digits(&cleaned);
        if !(8..=15).contains(&d.len()) || matches!(char_at(text, end), Some(c) if c.is_ascii_digit()) {
            continue;
        }
        if claims.claim(start, end) {
            facts.push(Fact::new(FactKind::Phone, text, start, end, Some(format!("+{d}"))));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phones(t: &str) -> Vec<String> {
        let mut c = Claims::default();
        let mut f = Vec::new();
        scan(t, &mut c, &mut f);
        f.into_iter().filter_map(|f| f.value).collect()
    }

    #[test]
    fn north_american_forms() {
        assert_eq!(
            phones("Dial-in number: +1-888-326-7098 or +1-706-758-2365"),
            vec!["+18883267098", "+17067582365"]
        );
        assert_eq!(phones("Jocelyn Philbrook, 978-614-8672"), vec!["+19786148672"]);
        assert_eq!(phones("(408) 974-1896 and 1-866-499-4546"), vec!["+14089741896", "+18664994546"]);
        assert_eq!(phones("+1 866-440-2278"), vec!["+18664402278"]);
        assert_eq!(phones("Office: (646) 893-5835Email"), vec!["+16468935835"]);
        assert_eq!(phones("call 877.481.4010 now"), vec!["+18774814010"]);
        assert_eq!(phones("(201)343-5202x121"), vec!["+12013435202"]);
    }

    #[test]
    fn international() {
        assert_eq!(phones("Singapore 608526(+65) 6222 5223Email"), vec!["+6562225223"]);
        assert_eq!(phones("+44 (0)20 7946 0958"), vec!["+442079460958"]);
        assert_eq!(phones("+31 20 59 77215"), vec!["+31205977215"]);
    }

    #[test]
    fn near_misses_are_not_phones() {
        assert!(phones("access code 21190372").is_empty());
        assert!(phones("File No. 000-30229").is_empty());
        assert!(phones("EIN 04-3387074").is_empty());
        assert!(phones("dated 2004-03-29").is_empty());
        assert!(phones("revenue of $123 456 7890").is_empty());
        assert!(phones("8883267098").is_empty());
        assert!(phones("ISBN 978-614-8672-1").is_empty());
        assert!(phones("up +5 points").is_empty());
    }
}
