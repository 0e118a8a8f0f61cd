//! Amounts of money ("$300 million", "$(0.05) per share", "($0.04)", "€1.2 billion") and
//! percentages ("2.9 percent", "61%"). A number with no currency sign is not money.

use super::Claims;
use crate::release::model::{Fact, FactKind};
use crate::release::pattern::Pattern;
use crate::release::text::{char_at, char_before};
use std::sync::LazyLock;

/// A currency sign or code, then the amount: "$300 million", "US$18.1 trillion", "CDN$7 billion",
/// "€45 million", "£3.2bn", "USD 22.5 million", "$    (1,234" (a table cell).
static MONEY: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?-u)(?:US\$|U\.S\.[ ]?\$|CDN\$|CAD\$|CA\$|C\$|AU\$|A\$|NZ\$|HK\$|S\$|R\$|\$|€|£|¥|(?-u:\b)(?:USD|EUR|GBP|CHF|JPY|CAD|AUD|CNY|HKD|SGD|SEK|NOK|DKK|INR|BRL|MXN|ZAR)[ ]?)[ \t]{0,12}(\(?)[ ]?(-?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|-?[0-9]+(?:\.[0-9]+)?|-?\.[0-9]+)(\)?)(?:[ ]?((?i:million|billion|trillion|thousand|mln|bn|mm)|[MBK](?-u:\b)))?",
    )
});
/// An amount, then a currency word or code: "20 million dollars", "50 cents", "500 USD",
/// "125 million Australian dollars", "470 pence", "a 12-cent dividend".
static WORDED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?-u)(?-u:\b)([0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?:[ ]((?i:million|billion|trillion|thousand)))?(?:[ ]|-)((?i:(?:(?:U\.S\.|US|american|canadian|australian|new[ ]zealand|hong[ ]kong|singapore)[ ])?dollars?|cents?|euros?|(?:british[ ])?pounds?(?:[ ]sterling)?|pence|yen|yuan|renminbi|(?:swiss[ ])?francs?|rupees?)|USD|EUR|GBP|CHF|JPY|CAD|AUD|CNY)(?-u:\b)",
    )
});
static RANGE_GAP: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"(?-u)^[ ]?(?:to|-|–|and|or)[ ]?$"));
static PERCENT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?-u)(?:(?-u:\b)|-)[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?[ ]?(?:%|(?i:percent|per[ ]cent|pct)(?-u:\b))")
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
    const CODES: &[(&str, &str)] = &[
        ("€", "EUR"),
        ("EUR", "EUR"),
        ("£", "GBP"),
        ("GBP", "GBP"),
        ("¥", "JPY"),
        ("JPY", "JPY"),
        ("C$", "CAD"),
        ("CA$", "CAD"),
        ("CDN$", "CAD"),
        ("CAD$", "CAD"),
        ("CAD", "CAD"),
        ("A$", "AUD"),
        ("AU$", "AUD"),
        ("AUD", "AUD"),
        ("NZ$", "NZD"),
        ("HK$", "HKD"),
        ("HKD", "HKD"),
        ("S$", "SGD"),
        ("SGD", "SGD"),
        ("R$", "BRL"),
        ("BRL", "BRL"),
        ("CHF", "CHF"),
        ("CNY", "CNY"),
        ("SEK", "SEK"),
        ("NOK", "NOK"),
        ("DKK", "DKK"),
        ("INR", "INR"),
        ("MXN", "MXN"),
        ("ZAR", "ZAR"),
    ];
    let s = sign.trim();
    CODES.iter().find(|(k, _)| *k == s).map_or("USD", |(_, v)| v)
}

/// The currency and the unit factor of a currency word written after the amount.
fn currency_word(word: &str) -> (&'static str, f64) {
    let l = word.to_ascii_lowercase();
    let code = match l.as_str() {
        "usd" | "eur" | "gbp" | "chf" | "jpy" | "cad" | "aud" | "cny" => return (currency(&word.to_ascii_uppercase()), 1.0),
        _ if l.starts_with("cent") => return ("USD", 0.01),
        "pence" => return ("GBP", 0.01),
        _ if l.starts_with("canadian") => "CAD",
        _ if l.starts_with("australian") => "AUD",
        _ if l.starts_with("new zealand") => "NZD",
        _ if l.starts_with("hong kong") => "HKD",
        _ if l.starts_with("singapore") => "SGD",
        _ if l.contains("dollar") => "USD",
        _ if l.starts_with("euro") => "EUR",
        _ if l.contains("pound") => "GBP",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        _ if l.contains("franc") => "CHF",
        _ if l.starts_with("rupee") => "INR",
        _ => "USD",
    };
    (code, 1.0)
}

/// One amount as found, before ranges lend it their scale.
/// An amount found, before it becomes a fact (a span, not a copy of one: a list of them is small).
struct Amount {
    start: usize,
    end: usize,
    currency: &'static str,
    amount: f64,
    scale: Option<f64>,
}

impl Amount {
    fn value(&self) -> String {
        format!("{} {}", self.currency, fmt_amount(self.amount * self.scale.unwrap_or(1.0)))
    }
}

pub fn scan(text: &str, claims: &mut Claims, facts: &mut Vec<Fact>) {
    let mut found: Vec<Amount> = Vec::new();
    for c in WORDED.captures_iter(text) {
        let (Some(all), Some(word)) = (c.get(0), c.get(3)) else { continue };
        // "$5 million dollars" is read from its sign; "5 pounds of copper" is a weight.
        if matches!(char_before(text, all.start()), Some(ch) if ch.is_ascii_alphanumeric() || matches!(ch, '$' | '€' | '£' | '¥' | '.' | ',' | '-'))
        {
            continue;
        }
        let rest = text[all.end()..].trim_start().to_ascii_lowercase();
        if word.as_str().to_ascii_lowercase().contains("pound")
            && (rest.starts_with("of ") || rest.starts_with("per ") || rest.starts_with("force"))
        {
            continue;
        }
        let (cur, unit) = currency_word(word.as_str());
        let amount: f64 = c[1].replace(',', "").parse().unwrap_or(0.0) * unit;
        let scale = c.get(2).map(|s| scale_factor(s.as_str()));
        if claims.claim(all.start(), all.end()) {
            found.push(Amount {
                start: all.start(),
                end: all.end(),
                currency: cur,
                amount,
                scale,
            });
        }
    }
    for c in MONEY.captures_iter(text) {
        let all = c.get(0).expect("match");
        let num = c.get(2).expect("group");
        let mut start = all.start();
        let mut end = all.end();
        let open = c.get(1).is_some_and(|m| !m.is_empty());
        let close = c.get(3).is_some_and(|m| !m.is_empty());
        let number = num.as_str();
        // "$(0.05)" has both parentheses inside; "($0.04)" opens before the sign; a table cell
        // "$    (1,234" opens before the number and closes after some room, or in the next cell.
        let mut negative = number.starts_with('-') || open;
        if !open && close {
            if char_before(text, start) == Some('(') {
                start -= 1;
                negative = true;
            } else {
                end = c.get(3).expect("group").start();
            }
        }
        if open && !close {
            end = num.end();
            let after = &text[end..];
            let gap = after.len() - after.trim_start_matches([' ', '\t']).len();
            if gap <= 12 && after[gap..].starts_with(')') {
                end += gap + 1;
            }
        }
        let mut scale = None;
        if let Some(s) = c.get(4) {
            let letter = s.as_str().len() == 1;
            // "Million1" is a footnote mark; "Millions" or "millionaire" are words; a scale letter
            // stands right after the figures ("$5M", not "a $25,000,000 B-Note").
            let glued_word = char_at(text, s.end()).is_some_and(char::is_alphabetic);
            let bad_letter =
                letter && (s.start() != num.end() + usize::from(close) || matches!(char_at(text, s.end()), Some('-' | '\'' | '&')));
            if glued_word || bad_letter {
                end = end.min(s.start()).max(num.end());
                end = text[..end].trim_end().len();
            } else {
                scale = Some(scale_factor(s.as_str()));
            }
        }
        if char_before(text, all.start()).is_some_and(|ch| ch.is_ascii_alphanumeric())
            && !all.as_str().starts_with(|ch: char| ch.is_ascii_uppercase())
        {
            continue;
        }
        // "20 Million Dollars ($20,000,000)", "Twenty Million Dollars ($20,000,000)": the bracket
        // repeats the amount before it, it is no loss.
        if negative && !number.starts_with('-') {
            let before = text[..start].trim_end();
            let before = before.strip_suffix('(').unwrap_or(before).trim_end();
            let last = before
                .rsplit(|ch: char| !ch.is_ascii_alphabetic())
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            if found.iter().any(|a| a.end == before.len()) || matches!(last.as_str(), "dollars" | "euros" | "pounds" | "francs" | "yen") {
                negative = false;
            }
        }
        let sign = &text[all.start()..c.get(1).map_or(all.start(), |m| m.start())];
        let amount: f64 = number.replace(',', "").parse::<f64>().unwrap_or(0.0).abs() * if negative { -1.0 } else { 1.0 };
        if claims.claim(start, end) {
            found.push(Amount {
                start,
                end,
                currency: currency(sign),
                amount,
                scale,
            });
        }
    }
    // claimed spans do not overlap: no two amounts start at one place
    found.sort_unstable_by_key(|a| a.start);
    // "$1.2 to $1.4 billion": the first end of a range takes the scale of the second.
    for i in 1..found.len() {
        let (head, tail) = found.split_at_mut(i);
        let (a, b) = (&mut head[i - 1], &tail[0]);
        if a.scale.is_none()
            && b.scale.is_some()
            && a.currency == b.currency
            && a.amount.abs() < b.amount.abs()
            && a.end <= b.start
            && RANGE_GAP.is_match(&text[a.end..b.start])
        {
            a.scale = b.scale;
        }
    }
    for a in found {
        facts.push(Fact::new(FactKind::Money, text, a.start, a.end, Some(a.value())));
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

/// An amount's digits: a whole number as it is, else rounded to 4 places with trailing zeros dropped.
///
/// Printing an `f64` to a fixed number of places reads its exact binary value, which can take
/// thousands of instructions; the shortest digits that read back as the same `f64` are far quicker
/// and are the same answer wherever they have 4 places or fewer and the amount is below a billion
/// (it is then within half a unit in the last place, under 0.0000001, of those digits, so they are
/// what rounding to 4 places gives). Anything else is printed the exact way.
fn fmt_amount(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 && v != 0.0 {
        // whole and below 2^53: the integer is the value
        return (v as i64).to_string();
    }
    if v.fract() != 0.0 && v.abs() < 1e9 {
        let shortest = v.to_string();
        if shortest.find('.').is_some_and(|dot| shortest.len() - dot - 1 <= 4) {
            return shortest;
        }
    }
    fmt_amount_exact(v)
}

/// The exact way, places read from the binary value.
fn fmt_amount_exact(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v:.4}").trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amount_digits_are_those_of_exact_rounding() {
        let scales = [1.0, 0.01, 1e3, 1e6, 1e9, 1e12, 1e-3];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut values = vec![
            0.0,
            -0.0,
            0.5,
            0.00005,
            0.000049,
            1.00005,
            2.5e-5,
            999_999_999.999_95,
            1e15,
            1e16,
            f64::NAN,
            f64::INFINITY,
        ];
        for i in 0..200_000u64 {
            // amounts as written: up to 4 places, then scaled as "million" or "billion" scale them
            let written = (i % 100_000) as f64 / [1.0, 10.0, 100.0, 1000.0, 10_000.0][(i % 5) as usize];
            values.push(written * scales[(i % scales.len() as u64) as usize]);
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            values.push(f64::from_bits(seed));
            values.push((seed % 10_000_000) as f64 / 7.0);
        }
        for v in values {
            assert_eq!(fmt_amount(v), fmt_amount_exact(v), "{v:e}");
        }
    }

    fn found(t: &str) -> Vec<(FactKind, String, String)> {
        let mut c = Claims::default();
        let mut f = Vec::new();
        scan(t, &mut c, &mut f);
        f.into_iter()
            .map(|f| (f.kind, f.text(t).to_string(), f.value.map(String::from).unwrap_or_default()))
            .collect()
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
    fn currency_words_and_codes() {
        assert_eq!(found("Give me 5 dollars")[0].2, "USD 5");
        assert_eq!(found("a fee of 20 million dollars")[0].2, "USD 20000000");
        assert_eq!(found("rose 50 cents to")[0].2, "USD 0.5");
        assert_eq!(found("rose 1.20 cents")[0].2, "USD 0.012");
        assert_eq!(found("a 12-cent-a-share dividend")[0].1, "12-cent");
        assert_eq!(found("The cost is 500 USD,100 times")[0].1, "500 USD");
        assert_eq!(found("bid of 470 pence a share")[0].2, "GBP 4.7");
        assert_eq!(found("profit of 361 million pounds ")[0].2, "GBP 361000000");
        assert_eq!(found("for 323 million euros.")[0].2, "EUR 323000000");
        assert_eq!(found("125 million Australian dollars of bonds")[0].2, "AUD 125000000");
        assert_eq!(found("fined 10,000 Swiss francs")[0].2, "CHF 10000");
        assert_eq!(found("spent 309,381 yen")[0].2, "JPY 309381");
        assert_eq!(found("a CDN$7 billion plan")[0].2, "CAD 7000000000");
        assert_eq!(found("debt of US$18.1 trillion")[0].2, "USD 18100000000000");
        assert_eq!(found("raised €45 million")[0].2, "EUR 45000000");
        assert_eq!(found("sales of £3.2bn")[0].2, "GBP 3200000000");
        assert_eq!(found("par value $.01 per share")[0].2, "USD 0.01");
    }

    #[test]
    fn ranges_signs_and_glosses() {
        let r = found("between $1.2 to $1.4 billion");
        assert_eq!(
            r.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(),
            vec!["USD 1200000000", "USD 1400000000"]
        );
        assert_eq!(found("of $5-$6 million")[0].2, "USD 5000000");
        // per-share ranges have no scale to lend
        assert_eq!(found("$0.02 - $0.03 per diluted share")[0].2, "USD 0.02");
        assert_eq!(found("a $25,000,000 B-Note")[0].2, "USD 25000000");
        let g = found("a fee of Twenty Million Dollars ($20,000,000) or 20 Million Dollars ($20,000,000)");
        assert!(g.iter().all(|x| !x.2.contains('-')), "{g:?}");
        assert_eq!(g.last().unwrap().1, "($20,000,000)");
        assert_eq!(
            found("Net loss  $    (1,234 )")[0],
            (FactKind::Money, "$    (1,234 )".into(), "USD -1234".into())
        );
        assert_eq!(found("Net loss  $    (1,234\t")[0].2, "USD -1234");
    }

    #[test]
    fn not_money() {
        assert!(found("5 million pounds of copper").is_empty());
        assert!(found("rose 5 per cent").iter().all(|x| x.0 == FactKind::Percent));
        assert!(found("All 70 of us, ALL 5 solutions").is_empty());
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
