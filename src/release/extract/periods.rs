//! Fiscal and calendar periods: "fiscal year ended December 31, 2003", "first three quarters of
//! fiscal year 2003", "second quarter of 2004", "fiscal 2011 first quarter", "Q3 FY24".
//! A period is a span of time, never a number: "first three quarters" is not 0.75.

use crate::release::model::{Fact, FactKind};
use crate::release::pattern::Pattern;
use std::sync::LazyLock;

const ORD: &str = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)";
const YEAR: &str = r"(?:19|20)\d{2}";
const DATE: &str = r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d{2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+(?:19|20)\d{2})";

static PERIOD: LazyLock<Pattern> = LazyLock::new(|| {
    let span = format!(
        r"(?:{ORD}\s+(?:fiscal\s+)?quarter|(?:fiscal\s+)?(?:year|quarter)|(?:first|last|past)\s+(?:three|six|nine|twelve|3|6|9|12)\s+months|(?:first|last)\s+(?:two|three)\s+(?:fiscal\s+)?quarters|(?:first|second)\s+half|(?:three|six|nine|twelve)\s+months|(?:thirteen|twelve|fourteen|13|12|14|52|53)\s+weeks)"
    );
    Pattern::owned(format!(
        r"(?i-u)(?-u:\b)(?:{span}\s+(?:(?:ended|ending)\s+{DATE}|of\s+(?:fiscal\s+(?:year\s+)?)?{YEAR}|(?:of\s+)?(?:fiscal\s+)?(?:year\s+)?{YEAR}|of\s+fiscal\s+(?:year\s+)?{YEAR})|(?:fiscal\s+(?:year\s+)?|FY\s?'?){YEAR}(?:\s+{ORD}\s+quarter)?|{YEAR}\s+{ORD}\s+quarter|(?-u:\b)Q[1-4]\s?(?:FY\s?)?'?(?:{YEAR}|\d{{2}})(?-u:\b)|(?-u:\b)[1-4]Q\s?'?(?:{YEAR}|\d{{2}})(?-u:\b)|(?-u:\b)FY\s?'?\d{{2}}(?-u:\b)|{ORD}\s+(?:fiscal\s+)?quarter\s+of\s+fiscal\s+{YEAR})"
    ))
});

pub fn scan(text: &str, facts: &mut Vec<Fact>) {
    for m in PERIOD.find_iter(text) {
        let t = m.as_str();
        // "year 2003" alone is only a year, not a reporting period.
        let lower = t.to_ascii_lowercase();
        if lower.starts_with("year ") && !lower.contains("ended") && !lower.contains("ending") {
            continue;
        }
        facts.push(Fact::new(
            FactKind::Period,
            text,
            m.start(),
            m.end(),
            Some(lower.split_whitespace().collect::<Vec<_>>().join(" ")),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn periods(t: &str) -> Vec<String> {
        let mut f = Vec::new();
        scan(t, &mut f);
        f.into_iter().map(|f| f.text(t).to_string()).collect()
    }

    #[test]
    fn reporting_periods() {
        assert_eq!(
            periods("for the fiscal year ended December 31, 2003 will"),
            vec!["fiscal year ended December 31, 2003"]
        );
        assert_eq!(
            periods("the first three quarters of fiscal year 2003."),
            vec!["first three quarters of fiscal year 2003"]
        );
        assert_eq!(
            periods("for the second quarter ended July 3, 2004"),
            vec!["second quarter ended July 3, 2004"]
        );
        assert_eq!(periods("in the second quarter of 2003."), vec!["second quarter of 2003"]);
        assert_eq!(periods("year ended Dec. 31, 2003"), vec!["year ended Dec. 31, 2003"]);
        assert_eq!(periods("its fiscal 2011 first quarter"), vec!["fiscal 2011 first quarter"]);
        assert_eq!(periods("the second fiscal quarter of 2011"), vec!["second fiscal quarter of 2011"]);
        assert_eq!(periods("third quarter 2024 earnings"), vec!["third quarter 2024"]);
        assert_eq!(periods("the first nine months of 2024"), vec!["first nine months of 2024"]);
        assert_eq!(periods("Q3 FY24 and Q1 2025 and FY2023"), vec!["Q3 FY24", "Q1 2025", "FY2023"]);
    }

    #[test]
    fn not_periods() {
        assert!(periods("founded in 1997").is_empty());
        assert!(periods("the year 2003 was").is_empty());
        assert!(periods("a quarter of the staff").is_empty());
    }
}
