//! Exchange tickers: "(Nasdaq: SONS)", "(NYSE:ORCL)", "OTC BB: JAVA", "NASDAQ/NMS: ROAC", markets
//! beyond the US ("TSX: RCI.A and RCI.B", "TSXV: ABC", "LSE: BP.", "Euronext Paris: SU",
//! "FSE: HPHA", "AEX: PHIA", "ASX: BHP") and "listed on the Toronto Stock Exchange under the symbol
//! ABC", normalised to "EXCHANGE:SYMBOL" in upper case.

use crate::release::model::{Fact, FactKind};
use crate::release::pattern::{Match, Pattern};
use crate::release::text::{char_before, floor_boundary};
use std::ops::Range;
use std::sync::LazyLock;

/// Exchange names as releases write them before a colon, longest first within a family.
const EXCHANGE: &str = concat!(
    r"(?i:nasdaq(?:[ /-]?(?:global\s+select\s+market|global\s+select|global\s+market|capital\s+market|national\s+market|stock\s+market|nms|gs|gm|cm)(?-u:\b))?",
    r"|nasdaq\s+(?:stockholm|copenhagen|helsinki|iceland|first\s+north|tallinn|riga|vilnius)",
    r"|nyse\s+american|nyse\s+arca|nyse\s+mkt|nyse|amex",
    r"|otcqb|otcqx|otc\s*bb|otc\s+pink|otc\s+markets|otc",
    r"|tsx\s+venture|tsx-v|tsxv|tsx|cse|neo|cboe\s+canada",
    r"|euronext(?:\s+(?:paris|amsterdam|brussels|lisbon|dublin|oslo|growth\s+paris|growth))?",
    r"|lse|aim|asx|nzx|fse|fwb|xetra|aex|six|swx|hkex|sehk|sgx|jse|tase|tse|tyo|krx|bse|nse|bmv|ose)"
);

static TICKER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r"(?-u)(?-u:\b)({EXCHANGE})[ \t]?:[ \t]?({SYMBOL})(?-u:\b)",
        SYMBOL = SYMBOL
    ))
});

/// "listed on the Toronto Stock Exchange under the symbol "ABC"".
static LISTED_UNDER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r#"(?-u)(?i:(?:listed|trades?|traded|trading|quoted)\s+on\s+(?:the\s+)?)((?i:toronto\s+stock\s+exchange|tsx\s+venture\s+exchange|london\s+stock\s+exchange|australian\s+securities\s+exchange|frankfurt\s+stock\s+exchange|canadian\s+securities\s+exchange|nasdaq(?:\s+(?:global\s+select|global|capital)\s+market)?|new\s+york\s+stock\s+exchange|nyse(?:\s+american)?)){LINK}(?i:under\s+the\s+(?:ticker\s+|trading\s+)?symbols?)\s+(?:"|“)?({SYMBOL})(?:"|”)?(?-u:\b)"#,
        LINK = r"(?:\s+\([A-Za-z ]+\))?\s+",
        SYMBOL = SYMBOL
    ))
});

/// A symbol: capitals and digits with a letter among them ("RCI.B", "1A9", "BP."); an all-digit
/// code only where the exchange uses numbers (Tokyo, Hong Kong).
const SYMBOL: &str = r"[A-Z0-9]{1,6}(?:\.[A-Z]{1,2}|\.)?";

/// Short exchange words that are ordinary words or other abbreviations as well ("AIM:", "SIX:",
/// "NEO:"): a ticker only inside a listing, after "(" or a separator.
const AMBIGUOUS: &[&str] = &["AIM", "SIX", "NEO", "CSE", "TSE", "OSE", "BSE", "NSE", "JSE", "AEX", "FSE", "FWB"];

/// Exchanges whose symbols are numbers ("TSE: 7203", "HKEX: 0700").
const NUMERIC: &[&str] = &["TSE", "TYO", "HKEX", "SEHK", "KRX", "BSE", "NSE", "SGX", "TASE"];

pub fn exchange_name(raw: &str) -> String {
    let l = raw.split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_lowercase();
    let name = if let Some(market) = l.strip_prefix("nasdaq ").filter(|m| {
        [
            "stockholm",
            "copenhagen",
            "helsinki",
            "iceland",
            "first north",
            "tallinn",
            "riga",
            "vilnius",
        ]
        .contains(m)
    }) {
        return format!("NASDAQ {}", market.to_ascii_uppercase());
    } else if l.starts_with("nasdaq") {
        "NASDAQ"
    } else if l.starts_with("otcqb") {
        "OTCQB"
    } else if l.starts_with("otcqx") {
        "OTCQX"
    } else if l.starts_with("otc") {
        "OTC"
    } else if l.starts_with("nyse american") || l.starts_with("nyse mkt") || l.starts_with("amex") {
        "NYSEAMERICAN"
    } else if l.starts_with("nyse arca") {
        "NYSEARCA"
    } else if l.starts_with("nyse") || l == "new york stock exchange" {
        "NYSE"
    } else if l.starts_with("tsx") && (l.contains('v') || l.contains("venture")) {
        "TSXV"
    } else if l.starts_with("tsx") || l == "toronto stock exchange" {
        "TSX"
    } else if l == "london stock exchange" {
        "LSE"
    } else if l == "australian securities exchange" {
        "ASX"
    } else if l == "frankfurt stock exchange" || l == "fwb" {
        "FSE"
    } else if l == "canadian securities exchange" {
        "CSE"
    } else if l == "cboe canada" {
        "CBOE CANADA"
    } else if l == "swx" {
        "SIX"
    } else if l == "sehk" {
        "HKEX"
    } else if l == "tyo" {
        "TSE"
    } else {
        // "Euronext Paris" keeps its market
        return l.to_ascii_uppercase();
    };
    name.to_string()
}

/// What an exchange's name is made of, up to its colon: ASCII letters, the ASCII spaces of `\s`
/// (the pattern is ASCII: no `\v` is left out) and the separators of "NASDAQ/NMS", "TSX-V".
fn exchange_byte(b: u8) -> bool {
    b.is_ascii_alphabetic() || matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b'/' | b'-')
}

/// At most this many bytes of a match follow its colon: a space and the longest symbol ("ABCDEF.AB").
const AFTER_COLON: usize = 1 + 6 + 3;

/// The matches of [`TICKER`], each found in the window of its colon.
fn ticker_matches(text: &str) -> impl Iterator<Item = Match<'_>> {
    TICKER.find_iter_around(text, b':', exchange_byte, AFTER_COLON)
}

/// The exchange and the symbol of a match of [`TICKER`], the pattern's two groups: the two sides
/// of its one colon, less the space or tab each side may hold next to it (a name ends in a letter,
/// a symbol starts with a letter or a digit). Read so, a listing's groups cost no engine.
fn sides(m: &Match) -> (Range<usize>, Range<usize>) {
    let s = m.as_str();
    let colon = s.find(':').expect("a listing's colon");
    let name = &s[..colon];
    let name = name.strip_suffix([' ', '\t']).unwrap_or(name);
    let symbol = &s[colon + 1..];
    let symbol = symbol.strip_prefix([' ', '\t']).unwrap_or(symbol);
    (m.start()..m.start() + name.len(), m.end() - symbol.len()..m.end())
}

pub fn scan(text: &str, facts: &mut Vec<Fact>) {
    for all in ticker_matches(text) {
        let (name, first) = sides(&all);
        let name = &text[name];
        let exchange = exchange_name(name);
        if AMBIGUOUS.contains(&exchange.as_str()) {
            // inside a listing: "(FSE: HPHA)", "NYSE: PHG, AEX: PHIA", "; AIM: ABC"
            let before = text[..all.start()].trim_end_matches([' ', '\t']);
            let opened =
                before.ends_with(['(', ',', ';', '/', '[']) || before.ends_with(" and") || before.ends_with('\n') || before.is_empty();
            if !opened || !name.bytes().all(|b| b.is_ascii_uppercase()) {
                continue;
            }
        }
        // "RCI.A and RCI.B": more symbols of the same exchange; one with its own colon is the
        // next exchange's name
        let mut spans = vec![(first.start, first.end)];
        let mut at = first.end;
        while let Some(m) = MORE_SYMBOL.captures(&text[at..]).and_then(|m| m.get(1)) {
            let (s, e) = (at + m.start(), at + m.end());
            if text[e..].trim_start_matches([' ', '\t']).starts_with(':') || spans.len() >= 8 {
                break;
            }
            spans.push((s, e));
            at = e;
        }
        for (i, (s, e)) in spans.into_iter().enumerate() {
            let raw = &text[s..e];
            let symbol = if raw.len() > 1 { raw.trim_end_matches('.') } else { raw };
            if symbol.bytes().all(|b| b.is_ascii_digit()) && !NUMERIC.contains(&exchange.as_str()) {
                continue;
            }
            let value = format!("{exchange}:{symbol}");
            let start = if i == 0 { all.start() } else { s };
            facts.push(Fact::new(FactKind::Ticker, text, start, e, Some(value)));
        }
    }
    for c in LISTED_UNDER.captures_iter(text) {
        let (exchange, symbol) = (c.get(1).expect("exchange"), c.get(2).expect("symbol"));
        if facts
            .iter()
            .any(|f| f.kind == FactKind::Ticker && f.start <= symbol.start() && symbol.end() <= f.end)
        {
            continue;
        }
        if char_before(text, symbol.start()).is_some_and(|ch| ch.is_ascii_alphanumeric()) {
            continue;
        }
        let value = format!("{}:{}", exchange_name(exchange.as_str()), symbol.as_str().trim_end_matches('.'));
        facts.push(Fact::new(FactKind::Ticker, text, symbol.start(), symbol.end(), Some(value)));
    }
}

/// One more symbol of the same listing: ", RCI.B", " and RCI.B".
static MORE_SYMBOL: LazyLock<Pattern> = LazyLock::new(|| Pattern::owned(format!(r"(?-u)\A[ \t]*(?:,|and|&)[ \t]*({SYMBOL})(?-u:\b)")));

/// The common stock's row of a filing's cover table ("Securities registered pursuant to Section
/// 12(b) of the Act"): "Common stock  JPM  The New York Stock Exchange".
static COVER_ROW: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(concat!(
        r"(?m)^(?:Class[ \t][A-Z][ \t])?(?:Common|Ordinary)[ \t](?:[Ss]tock|[Ss]hares)[^\n]{0,200}?[ \t]{2}([A-Z]{1,5}(?:\.[A-Z])?)[ \t]{2}",
        r"(?:The[ \t])?(New[ \t]York[ \t]Stock[ \t]Exchange|NYSE(?:[ \t](?:American|Arca))?|Nasdaq|NASDAQ)(?-u:\b)",
    ))
});

/// Tickers of the issuer's common stock in the cover table of a filing, which lists them even
/// when the press release does not.
pub fn scan_cover(text: &str, facts: &mut Vec<Fact>) {
    let Some(at) = text.find("registered pursuant to Section 12(b)") else {
        return;
    };
    let table = &text[at..floor_boundary(text, (at + 4000).min(text.len()))];
    for c in COVER_ROW.captures_iter(table) {
        let symbol = c.get(1).expect("symbol");
        let value = format!("{}:{}", exchange_name(&c[2]), symbol.as_str());
        let (s, e) = (at + symbol.start(), at + symbol.end());
        if !facts.iter().any(|f| f.kind == FactKind::Ticker && f.start <= s && e <= f.end) {
            facts.push(Fact::new(FactKind::Ticker, text, s, e, Some(value)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tickers(t: &str) -> Vec<String> {
        let mut f = Vec::new();
        scan(t, &mut f);
        f.into_iter().filter_map(|f| f.value.map(String::from)).collect()
    }

    /// A listing's span and its two groups, as the pattern's engines read them.
    fn groups(c: crate::release::pattern::Captures) -> (Range<usize>, (Range<usize>, Range<usize>)) {
        let g = |i| c.get(i).expect("group").range();
        (g(0), (g(1), g(2)))
    }

    /// The windows around the colons find what a search of the whole text finds, and the two sides
    /// of a colon are the pattern's groups: real listings, near-misses, a name cut by an earlier
    /// colon, symbols at the window's end, colons in a row.
    #[test]
    fn colon_windows_and_sides_read_as_the_pattern() {
        let texts = [
            "Sonus Networks (Nasdaq: SONS), a leader; (NYSE:ORCL) and OTC BB: JAVA.",
            "NASDAQ/NMS: ROAC NASDAQ Global Select Market: ABCDEF.AB TSX-V: AB.C LSE: BP.",
            "Nasdaq\n  Global   Market:\tABC nasdaq\x0bgs: X1 Euronext Paris: SU, AEX: PHIA",
            "NYSE: ABCDEFG NYSE: ABCDEF.ABC NYSE:  ABC xNYSE: ABC NYSE : ABC NYSE:ABC:DEF",
            "time: 10:00 a.m. ET; Note: see: NYSE:: A:B:C ::: NYSE:A NYSE:\u{e9}AB NYSE:AB\u{e9}",
            "TSE: 7203 HKEX: 0700 ; AIM: ABC, SIX: SREN and NEO: XYZ (FSE: HPHA) [OTCQX: ABCD]",
            "aaa aaa: aaa: a a a: NASDAQ:ab NASDAQ: AB\u{2019}s otc markets: OTCM otc pink:ABC",
        ];
        let mut checked = 0;
        for text in texts {
            // every suffix, so windows start and end at every kind of byte
            for (i, _) in text.char_indices() {
                let t = &text[i..];
                let windowed: Vec<_> = ticker_matches(t).map(|m| (m.range(), sides(&m))).collect();
                let whole: Vec<_> = TICKER.captures_iter(t).map(groups).collect();
                assert_eq!(windowed, whole, "{t:?}");
                checked += whole.len();
            }
        }
        assert!(checked > 100, "the texts hold listings: {checked}");
    }

    proptest::proptest! {
        /// Texts made of exchange names, symbols, colons and the bytes between them.
        #[test]
        fn colon_windows_agree_on_any_text(
            parts in proptest::collection::vec(proptest::string::string_regex(
                r"(?:NYSE|Nasdaq|nasdaq/nms|TSX-V|otc bb|AIM|TSE|LSE|Euronext\s+Paris)|[A-Z0-9.]{0,8}|[ \t\n:;(,x\u{e9}]"
            ).expect("strategy"), 0..24)
        ) {
            let t = parts.concat();
            let windowed: Vec<_> = ticker_matches(&t).map(|m| (m.range(), sides(&m))).collect();
            let whole: Vec<_> = TICKER.captures_iter(&t).map(groups).collect();
            proptest::prop_assert_eq!(windowed, whole, "{:?}", t);
        }
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
    fn markets_beyond_the_us() {
        assert_eq!(
            tickers("Rogers (TSX: RCI.A and RCI.B; NYSE: RCI)"),
            vec!["TSX:RCI.A", "TSX:RCI.B", "NYSE:RCI"]
        );
        assert_eq!(tickers("Sparq Systems (TSXV:SPRQ, OTC:SPRQF)"), vec!["TSXV:SPRQ", "OTC:SPRQF"]);
        assert_eq!(tickers("(TSX Venture: ABC)"), vec!["TSXV:ABC"]);
        assert_eq!(tickers("Heidelberg Pharma AG (FSE: HPHA), a"), vec!["FSE:HPHA"]);
        assert_eq!(tickers("Royal Philips (NYSE: PHG, AEX: PHIA) is"), vec!["NYSE:PHG", "AEX:PHIA"]);
        assert_eq!(
            tickers("Beta (Euronext Paris: BETA; OTCQX: BTAXF)"),
            vec!["EURONEXT PARIS:BETA", "OTCQX:BTAXF"]
        );
        assert_eq!(tickers("(LSE: BP.)"), vec!["LSE:BP"]);
        assert_eq!(tickers("(AIM: ABC)"), vec!["AIM:ABC"]);
        assert_eq!(tickers("(ASX: BHP)"), vec!["ASX:BHP"]);
        assert_eq!(tickers("(OTCQB: ABCD)"), vec!["OTCQB:ABCD"]);
        assert_eq!(tickers("(NYSE American: XYZ)"), vec!["NYSEAMERICAN:XYZ"]);
        assert_eq!(tickers("Frankfurt Stock Exchange (FSE: 1A9) and"), vec!["FSE:1A9"]);
        assert_eq!(tickers("Toyota (TSE: 7203)"), vec!["TSE:7203"]);
        assert_eq!(
            tickers("Its shares are listed on the Toronto Stock Exchange under the symbol \"ABC\"."),
            vec!["TSX:ABC"]
        );
    }

    #[test]
    fn filing_cover_table() {
        let cover = |t: &str| {
            let mut f = Vec::new();
            scan_cover(t, &mut f);
            f.into_iter().filter_map(|f| f.value.map(String::from)).collect::<Vec<_>>()
        };
        let t = "Securities registered pursuant to Section 12(b) of the Act:\n\nTitle of each class  Trading Symbol(s)  Name of each exchange on which registered\nCommon stock  JPM  The New York Stock Exchange\nDepositary Shares, each representing a share of 5.75% Preferred Stock, Series DD  JPM PR D  The New York Stock Exchange\nGuarantee of Notes of JPMorgan Chase Financial Company LLC  AMJB  NYSE Arca, Inc.";
        assert_eq!(cover(t), vec!["NYSE:JPM"]);
        let t = "Securities registered pursuant to Section 12(b) of the Act:\nTitle of Each Class  Trading Symbol  Name of each exchange on which registered\nCommon Stock, par value $0.001 per share  ABVC  The Nasdaq Stock Market LLC";
        assert_eq!(cover(t), vec!["NASDAQ:ABVC"]);
        // near-miss: the same row shape outside the cover table
        assert!(cover("Common stock  JPM  The New York Stock Exchange").is_empty());
    }

    #[test]
    fn not_tickers() {
        assert!(tickers("listed on Nasdaq: the company").is_empty());
        assert!(tickers("Nasdaq National Market. In").is_empty());
        assert!(tickers("ISIN: DE000A11QVV0 / WKN A11QVV / Symbol HPHA").is_empty());
        assert!(tickers("at 10:00 a.m. ET: 10 minutes").is_empty());
        assert!(tickers("Our AIM: Growth. Our AIM: TO grow").is_empty());
        assert!(tickers("(NYSE: 2024)").is_empty());
    }
}
