//! Amounts of money ("$300 million", "$(0.05) per share", "($0.04)", "€1.2 billion") and
//! percentages ("2.9 percent", "61%"). A number with no currency sign is not money.

use super::Claims;
use crate::release::model::{Fact, FactKind};
use crate::release::text::{char_at, char_before};
use regex::Regex;
use std::sync::LazyLock;

static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:US\$|U\.S\.\s?\$|C\$|A\$|HK\$|S\$|\$|€|£|¥|(?-u:\b)(?:USD|EUR|GBP|CHF|JPY|CAD)\s?)\s{0,3}(\(?)\s?(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)(\)?)(?:\s?((?i:million|billion|trillion|thousand|mln|bn|mm)|[MBK](?-u:\b)))?").expect("money regex")
});
static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?-u:\b)|-)\d{1,3}(?:,\d{3})*(?:\.\d+)?\s?(?:%|(?i:percent|per\s+cent|pct)(?-u:\b))").expect("percent regex")
});

fn scale_factor(word: &str) -> f64 {
    match word.to_ascii_lowercase().as_str() {
        "thousand" | "k" => 1e3,
        "million" | "mln" | "mm" | "m" => 1e6,
        "billion" | "bn" | "b" => 1e9,
        "trillion" => 1e12,
        _ => 1.0,
    }
}

fn currency(sign: &str) -> &'static str {
    let s = sign.trim();
    match s {
        "€" | "EUR" => "EUR",
        "£" | "GBP" => "GBP",
        "¥" | "JPY" => "JPY",
        "C$" | "CAD" => "CAD",
        "A$" => "AUD",
        "HK$" => "HKD",
        "S$" => "SGD",
        "CHF" => "CHF",
        _ => "USD",
    }
}

pub fn scan(text: &str, claims: &mut Claims, facts: &mut Vec<Fact>) {
    for c in MONEY.captures_iter(text) {
        let all = c.get(0).expect("match");
        let mut start = all.start();
        let mut end = all.end();
        let open = c.get(1).is_some_and(|m| !m.is_empty());
        let close = c.get(3).is_some_and(|m| !m.is_empty());
        let number = &c[2];
        // "$(0.05)" has both parentheses inside; "($0.04)" opens before the sign.
        let mut negative = number.starts_with('-') || (open && close);
        if !open && close {
            if char_before(text, start) == Some('(') {
                start -= 1;
                negative = true;
            } else {
                end = c.get(3).expect("group").start();
            }
        }
        if open && !close {
            end = c.get(2).expect("group").end();
        }
        let mut scale = 1.0;
        if let Some(s) = c.get(4) {
            // "Million1" is a footnote mark; "Millions" or "millionaire" are words.
            if char_at(text, s.end()).is_some_and(char::is_alphabetic) {
                end = end.min(s.start()).max(c.get(2).expect("group").end());
                end = text[..end].trim_end().len();
            } else {
                scale = scale_factor(s.as_str());
            }
        }
        if char_before(text, all.start()).is_some_and(|ch| ch.is_ascii_alphanumeric())
            && !all.as_str().starts_with(|ch: char| ch.is_ascii_uppercase())
        {
            continue;
        }
        let sign = &text[all.start()..c.get(1).map_or(all.start(), |m| m.start())];
        let amount: f64 = number.replace(',', "").parse().unwrap_or(0.0);
        let value = amount.abs() * scale * if negative { -1.0 } else { 1.0 };
        if claims.claim(start, end) {
            facts.push(Fact::new(
                FactKind::Money,
                text,
                start,
                end,
                Some(format!("{} {}", currency(sign), fmt_amount(value))),
            ));
        }
    }
    for m in PERCENT.find_iter(text) {
        let start = if m.as_str().starts_with('-') && !char_before(text, m.start()).is_some_and(|c| c == ' ' || c == '(') {
            m.start() + 1
        } else {
            m.start()
        };
        if char_before(text, start).is_some_and(|c| c == '.' || c == ',') {
            continue;
        }
        if claims.claim(start, m.end()) {
            let num: String = text[start..m.end()]
                .chars()
                .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
                .filter(|c| *c != ',')
                .collect();
            facts.push(Fact::new(FactKind::Percent, text, start, m.end(), Some(format!("{num}%"))));
        }
    }
}

fn fmt_amount(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v:.4}").trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(t: &str) -> Vec<(FactKind, String, String)> {
        let mut c = Claims::default();
        let mut f = Vec::new();
        scan(t, &mut c, &mut f);
        f.into_iter().map(|f| (f.kind, f.text, f.value.unwrap_or_default())).collect()
    }

    #[test]
    fn amounts() {
        assert_eq!(
            found("exceeded $300 million."),
            vec![(FactKind::Money, "$300 million".into(), "USD 300000000".into())]
        );
        assert_eq!(found("loss of $(0.05) per share")[0].2, "USD -0.05");
        assert_eq!(found("loss of ($0.04) per share")[0].1, "($0.04)");
        assert_eq!(found("€1.2 billion")[0].2, "EUR 1200000000");
        assert_eq!(found("$295,000 and $1.00")[1].1, "$1.00");
        // a footnote mark after the scale word is not part of the amount
        assert_eq!(found("revenue $18.3 Million1 up")[0].1, "$18.3 Million");
        assert_eq!(found("a $2 millionaire")[0].1, "$2");
        assert_eq!(found("$0.02 - $0.03 per diluted share").len(), 2);
        assert_eq!(found("$5M deal")[0].2, "USD 5000000");
    }

    #[test]
    fn not_money() {
        assert!(found("a 65 million gallon per year plant").is_empty());
        assert!(found("($ in millions)").is_empty());
    }

    #[test]
    fn percentages() {
        let p = found("rose 2.9 percent and 61% and 71 Percent");
        assert_eq!(
            p.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
            vec!["2.9 percent", "61%", "71 Percent"]
        );
        assert!(found("version 3.5percentile").is_empty());
    }
}
