//! Exchange tickers: "(Nasdaq: SONS)", "(NYSE:ORCL)", "OTC BB: JAVA", "NASDAQ/NMS: ROAC",
//! normalised to "EXCHANGE:SYMBOL".

use crate::release::model::{Fact, FactKind};
use regex::Regex;
use std::sync::LazyLock;

static TICKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)((?i:nasdaq|nyse|amex|otc|tsx|tsxv|tsx-v|lse|asx|euronext|six|hkex|sgx|otcqb|otcqx|otcbb|nyse\s+american|nyse\s+arca|nyse\s+mkt)(?:[ /-]?(?i:global\s+select\s+market|global\s+select|global\s+market|capital\s+market|national\s+market|stock\s+market|nms|gs|gm|cm|bb|markets|pink|amsterdam|paris|brussels)(?-u:\b))?)\s?:\s?([A-Z]{1,6}(?:\.[A-Z]{1,2})?)(?-u:\b)").expect("ticker regex")
});

pub fn exchange_name(raw: &str) -> String {
    let l = raw.to_ascii_lowercase();
    if l.starts_with("nasdaq") {
        "NASDAQ".into()
    } else if l.starts_with("otc") {
        "OTC".into()
    } else if l.starts_with("nyse american") || l.starts_with("nyse mkt") || l.starts_with("amex") {
        "NYSEAMERICAN".into()
    } else if l.starts_with("nyse arca") {
        "NYSEARCA".into()
    } else if l.starts_with("nyse") {
        "NYSE".into()
    } else if l.starts_with("tsx") {
        if l.contains('v') { "TSXV".into() } else { "TSX".into() }
    } else {
        raw.split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or(raw)
            .to_ascii_uppercase()
    }
}

pub fn scan(text: &str, facts: &mut Vec<Fact>) {
    for c in TICKER.captures_iter(text) {
        let all = c.get(0).expect("match");
        let value = format!("{}:{}", exchange_name(&c[1]), &c[2]);
        facts.push(Fact::new(FactKind::Ticker, text, all.start(), all.end(), Some(value)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tickers(t: &str) -> Vec<String> {
        let mut f = Vec::new();
        scan(t, &mut f);
        f.into_iter().filter_map(|f| f.value).collect()
    }

    #[test]
    fn exchanges() {
        assert_eq!(tickers("Sonus Networks (Nasdaq: SONS), a"), vec!["NASDAQ:SONS"]);
        assert_eq!(tickers("(NYSE:ORCL) and (NYSE: S)"), vec!["NYSE:ORCL", "NYSE:S"]);
        assert_eq!(tickers("(OTC BB: JAVA)"), vec!["OTC:JAVA"]);
        assert_eq!(tickers("(OTC: IONI)"), vec!["OTC:IONI"]);
        assert_eq!(tickers("(NASDAQ/NMS: ROAC)"), vec!["NASDAQ:ROAC"]);
        assert_eq!(tickers("(Nasdaq Global Select Market: ABC)"), vec!["NASDAQ:ABC"]);
        assert_eq!(tickers("(NYSE: BRK.B)"), vec!["NYSE:BRK.B"]);
    }

    #[test]
    fn not_tickers() {
        assert!(tickers("listed on Nasdaq: the company").is_empty());
        assert!(tickers("Nasdaq National Market. In").is_empty());
    }
}
