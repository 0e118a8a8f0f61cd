//! Key figures from financial tables: a row whose label names a metric ("Total net sales",
//! "Operating income (loss)", "Diluted" under "Earnings per share:") gives the figure of the first
//! numeric column, the current period. The scale line above the table ("(In millions, except per
//! share data)", "($ in billions except profit per share)", "(Amounts in Thousands ...)") applies
//! to every cell but the per-share ones; the header lines above the first row name the period.
//! In a reconciliation table the "Non-GAAP" column gives the adjusted EPS (the adjustment column
//! may be left empty in a row: the row then has fewer cells than the header).

use super::figures::MainPeriod;
use crate::release::model::{Basis, Figure, FigureSource, Metric, Section, SectionKind};
use crate::release::pattern::Pattern;
use std::sync::LazyLock;

static SCALE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i-u)^\(\s*(?:\$|dollars|amounts|u\.s\.\s+dollars|us\$|€|eur)?\s*(?:in\s+)?(thousands|millions|billions)(?-u:\b)")
});
static TAIL_NUMBERS: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"(?-u)(?:\s+\$?\s?\(?-?[0-9][0-9,]*(?:\.[0-9]+)?\)?%?){2,}\s*$"));
static FOOTNOTE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?-u)\s*\((?:[0-9]{1,2}|[a-z])\)|\s+[0-9]$|[:*]+$|\s*\(loss\)|\s*\(unaudited\)"));
static PERIOD_WORDS: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i-u)(?:months|weeks|quarter|year|ended|(?-u:\b)(?:19|20)[0-9]{2}(?-u:\b)|(?-u:\b)(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*(?-u:\b))",
    )
});

/// A cell: its number (None for a dash), and whether it is a percentage.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Cell {
    value: Option<f64>,
    percent: bool,
    dollar: bool,
}

fn parse_cell(s: &str) -> Option<Cell> {
    let t = s.trim();
    if matches!(t, "—" | "-" | "–" | "*" | "n/a" | "N/A" | "nm" | "NM" | "$ —" | "$—" | "$-") {
        return Some(Cell {
            value: None,
            percent: false,
            dollar: false,
        });
    }
    // a cell holds digits, separators, signs, brackets, "$", "%" and spaces, nothing else: a
    // label is told at once, without a copy
    if !t
        .bytes()
        .all(|b| matches!(b, b'0'..=b'9' | b'.' | b',' | b'(' | b')' | b'-' | b'%' | b'$' | b' '))
    {
        return None;
    }
    let dollar = t.contains('$');
    let kept: String = t.chars().filter(|&c| c != '$' && c != ' ').collect();
    let (t, percent) = match kept.strip_suffix('%') {
        Some(x) => (x, true),
        None => (kept.as_str(), false),
    };
    let negative = t.starts_with('(') && t.ends_with(')') || t.starts_with('-');
    let number = t.trim_matches(|c| c == '(' || c == ')' || c == '-');
    if !number.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',') || number.bytes().all(|b| b == b',') {
        return None;
    }
    let v: f64 = if number.contains(',') {
        number.replace(',', "").parse().ok()?
    } else {
        number.parse().ok()?
    };
    Some(Cell {
        value: Some(if negative { -v } else { v }),
        percent,
        dollar,
    })
}

/// The parts of a line between its cell gaps: runs of two or more ASCII white-space bytes, or
/// one tab (as `(?-u)\s{2,}|\t` splits it), the empty parts left out.
fn cell_pieces(line: &str) -> Vec<&str> {
    // `(?-u)\s`: ASCII white space and the vertical tab, which `u8::is_ascii_whitespace` leaves out
    let space = |b: u8| b.is_ascii_whitespace() || b == b'\x0b';
    let bytes = line.as_bytes();
    let mut pieces = Vec::new();
    let (mut from, mut at) = (0, 0);
    while at < bytes.len() {
        if !space(bytes[at]) {
            at += 1;
            continue;
        }
        let run_end = at + bytes[at..].iter().take_while(|&&b| space(b)).count();
        if run_end - at >= 2 || bytes[at] == b'\t' {
            if from < at {
                pieces.push(&line[from..at]);
            }
            from = run_end;
        }
        at = run_end;
    }
    if from < bytes.len() {
        pieces.push(&line[from..]);
    }
    pieces
}

/// A line as a label, its cells (none when it holds no number) and its pieces: the parts
/// between its cell gaps (two or more spaces, or a tab), the whole line when it has none.
fn parse_row(line: &str) -> (&str, Vec<Cell>, Vec<&str>) {
    let trimmed = line.trim();
    let pieces = cell_pieces(trimmed);
    if pieces.len() >= 2 {
        let first_is_cell = parse_cell(pieces[0]).is_some();
        let label = if first_is_cell { "" } else { pieces[0] };
        let rest = if first_is_cell { &pieces[..] } else { &pieces[1..] };
        let cells: Vec<Cell> = rest.iter().filter_map(|p| parse_cell(p)).collect();
        if cells.len() == rest.len() {
            return (label, cells, pieces);
        }
        return (trimmed, Vec::new(), pieces);
    }
    // numbers at the end of a trimmed line end it with a digit, a bracket or a percent sign
    if trimmed.ends_with(|c: char| c.is_ascii_digit() || c == ')' || c == '%')
        && let Some(m) = TAIL_NUMBERS.find(trimmed)
    {
        let cells: Vec<Cell> = m.as_str().split_whitespace().filter_map(parse_cell).collect();
        return (&trimmed[..m.start()], cells, vec![trimmed]);
    }
    (trimmed, Vec::new(), vec![trimmed])
}

fn clean_label(label: &str) -> String {
    let mut l = label.trim().trim_start_matches(['–', '-', '—', '•']).trim().to_lowercase();
    loop {
        let next = FOOTNOTE.replace_all(&l, "");
        let next = next.trim();
        if next == l {
            break;
        }
        l = next.to_string();
    }
    l.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The metric a row's label names; `per_share` says a per-share heading stands above it.
fn label_metric(label: &str, per_share: bool) -> Option<Metric> {
    let l = label;
    if l.contains("diluted")
        && !l.contains("shares")
        && (per_share || l.contains("per share") || l.contains("per common share") || l.contains("eps"))
    {
        return Some(if l.contains("non-gaap") || l.contains("adjusted") {
            Metric::AdjustedEps
        } else {
            Metric::Eps
        });
    }
    if l.contains("adjusted ebitda") && !l.contains("margin") {
        return Some(Metric::AdjustedEbitda);
    }
    const REVENUE: &[&str] = &[
        "revenue",
        "revenues",
        "total revenue",
        "total revenues",
        "net revenue",
        "net revenues",
        "total net revenue",
        "total net revenues",
        "net sales",
        "total net sales",
        "sales and revenues",
        "total sales and revenues",
    ];
    if REVENUE.contains(&l) || l.starts_with("sales, net") {
        return Some(Metric::Revenue);
    }
    if matches!(
        l,
        "net income" | "net loss" | "net earnings" | "net profit" | "profit" | "net income (loss)"
    ) || l.starts_with("net income attributable to")
    {
        return Some(Metric::NetIncome);
    }
    if matches!(
        l,
        "operating income" | "income from operations" | "operating profit" | "operating loss" | "loss from operations"
    ) {
        return Some(Metric::OperatingIncome);
    }
    if l == "free cash flow" {
        return Some(Metric::FreeCashFlow);
    }
    None
}

fn scale_factor(word: &str) -> f64 {
    match word.to_ascii_lowercase().as_str() {
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => 1.0,
    }
}

/// The period the header lines name, tidied, at most a line long.
fn header_period(headers: &[Vec<&str>]) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for h in headers {
        let Some(first) = h.first() else { continue };
        let f = first.trim();
        if f.starts_with('(') || f.to_ascii_lowercase().contains("share") || !PERIOD_WORDS.is_match(f) {
            continue;
        }
        let words: Vec<&str> = f
            .split_whitespace()
            .filter(|w| {
                !matches!(
                    w.to_ascii_lowercase().trim_end_matches('.'),
                    "gaap" | "non-gaap" | "adj" | "as" | "reported"
                )
            })
            .collect();
        parts.push(words.join(" "));
    }
    let p = parts.join(" ").to_lowercase();
    let p = p.replace("-quarter", " quarter");
    let p: String = p.chars().take(60).collect();
    let p = p.trim().trim_end_matches([',', ' ']).to_string();
    // a header of years only ("2004 2003 2004 2003") names the first column's year
    if p.split_whitespace()
        .all(|w| w.trim_matches('*').chars().all(|c| c.is_ascii_digit()))
    {
        return p.split_whitespace().next().map(|w| w.trim_matches('*').to_string());
    }
    if p.is_empty() { None } else { Some(p) }
}

/// Where in a row the non-GAAP figure stands, from the header: (index with the adjustment
/// column, index without it, header cells, adjustment cells).
fn non_gaap_column(headers: &[Vec<&str>]) -> Option<(usize, usize, usize, usize)> {
    let h = headers
        .iter()
        .rev()
        .find(|h| h.iter().any(|c| c.to_ascii_lowercase().contains("non-gaap")))?;
    let j = h.iter().position(|c| c.to_ascii_lowercase().contains("non-gaap"))?;
    let adj = |c: &&str| c.to_ascii_lowercase().starts_with("adj");
    let adj_before = h[..j].iter().filter(|c| adj(c)).count();
    Some((j, j - adj_before, h.len(), h.iter().filter(|c| adj(c)).count()))
}

pub fn find(text: &str, sections: &[Section], main: &MainPeriod) -> Vec<Figure> {
    let skip = |pos: usize| {
        sections
            .iter()
            .any(|s| s.start <= pos && pos < s.end && matches!(s.kind, SectionKind::Filing | SectionKind::Contacts))
    };
    let mut out: Vec<Figure> = Vec::new();
    let mut scale = 1.0;
    let mut headers: Vec<Vec<&str>> = Vec::new();
    let mut in_data = false;
    let mut per_share = false;
    let mut pos = 0;
    for line in text.split('\n') {
        let start = pos;
        pos += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || skip(start) {
            continue;
        }
        if let Some(c) = SCALE.captures(trimmed) {
            scale = scale_factor(&c[1]);
            if in_data {
                headers.clear();
                in_data = false;
            }
            let (_, _, pieces) = parse_row(trimmed);
            headers.push(pieces.into_iter().skip(1).collect());
            per_share = false;
            continue;
        }
        let (label, cells, pieces) = parse_row(line);
        if cells.is_empty() {
            // (a trimmed line has a cell gap exactly where it splits in pieces)
            if trimmed.len() > 150 && pieces.len() < 2 {
                // prose: the table is over
                scale = 1.0;
                headers.clear();
                in_data = false;
                continue;
            }
            let l = clean_label(label);
            let header_like = pieces.len() >= 2
                || l.contains("months ended")
                || l.contains("weeks ended")
                || l.contains("year ended")
                || l.contains("quarter");
            if !in_data || (header_like && pieces.len() >= 2) {
                if in_data {
                    headers.clear();
                    in_data = false;
                }
                headers.push(pieces);
                // only the lines right above a table are its header
                if headers.len() > 6 {
                    headers.remove(0);
                }
            } else {
                per_share = l.contains("per share") || l.contains("per common share") || l.contains("eps");
            }
            continue;
        }
        let years_only = cells
            .iter()
            .all(|c| !c.dollar && !c.percent && c.value.is_some_and(|v| v.fract() == 0.0 && (1990.0..2100.0).contains(&v)));
        if years_only || label.trim().is_empty() {
            if in_data {
                headers.clear();
                in_data = false;
            }
            headers.push(pieces);
            continue;
        }
        in_data = true;
        // "revenues" under "Credit and financial products" continues that label
        if label.trim_start().starts_with(|c: char| c.is_lowercase()) {
            continue;
        }
        let l = clean_label(label);
        let Some(metric) = label_metric(&l, per_share) else {
            if !l.starts_with("basic") {
                per_share = per_share && l.starts_with("diluted");
            }
            continue;
        };
        let Some(first) = cells.first().and_then(|c| if c.percent { None } else { c.value }) else {
            continue;
        };
        let per = metric.is_per_share();
        let period = header_period(&headers)
            .or_else(|| main.quarter.clone())
            .or_else(|| main.year.map(|y| y.to_string()));
        let mut push = |metric: Metric, value: f64, basis: Basis| {
            let f = Figure {
                metric,
                value: Some(if per { value } else { value * scale }),
                low: None,
                high: None,
                currency: Some("USD".into()),
                period: period.clone(),
                basis,
                guidance: false,
                change: None,
                source: FigureSource::Table,
                text: line.trim_end().to_string(),
                start,
                end: start + line.trim_end().len(),
            };
            // a "Total ..." row stands for the table over the lines it sums
            let total = f.text.trim_start().to_ascii_lowercase().starts_with("total");
            match out.iter().position(|g| g.metric == f.metric && g.period == f.period) {
                None => out.push(f),
                Some(i) if total && !out[i].text.trim_start().to_ascii_lowercase().starts_with("total") => out[i] = f,
                _ => {}
            }
        };
        push(
            metric,
            first,
            if metric == Metric::AdjustedEps {
                Basis::Adjusted
            } else {
                Basis::Gaap
            },
        );
        if metric == Metric::Eps {
            if let Some((with_adj, without_adj, n, adj)) = non_gaap_column(&headers) {
                let idx = if cells.len() == n {
                    Some(with_adj)
                } else if cells.len() + adj == n {
                    Some(without_adj)
                } else {
                    None
                };
                if let Some(v) = idx.and_then(|i| cells.get(i)).and_then(|c| c.value) {
                    push(Metric::AdjustedEps, v, Basis::Adjusted);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_at_a_line_end_are_cells() {
        let (label, cells, _) = parse_row("Net income 1,234 (56)");
        assert_eq!((label, cells.len()), ("Net income", 2));
        assert_eq!(cells[1].value, Some(-56.0));
        assert_eq!(parse_row("Margin 12.5% 11.0%").1.len(), 2);
        // numbers inside the line, or one alone, are prose
        assert!(parse_row("Revenue grew 12 13 percent").1.is_empty());
        assert!(parse_row("Founded in 1998").1.is_empty());
    }

    #[test]
    fn cells_part_at_runs_of_spaces_and_at_tabs() {
        assert_eq!(cell_pieces("Net sales  $1,234   $1,100"), vec!["Net sales", "$1,234", "$1,100"]);
        assert_eq!(cell_pieces("Revenue\t12\t \t13"), vec!["Revenue", "12", "13"]);
        assert_eq!(cell_pieces("a \x0b b  c"), vec!["a", "b", "c"]);
        // one space is no gap, and no gap at the ends makes an empty cell
        assert_eq!(cell_pieces("Net income 4"), vec!["Net income 4"]);
        assert_eq!(cell_pieces("  x  "), vec!["x"]);
        assert_eq!(cell_pieces("\t"), Vec::<&str>::new());
        // a no-break space is no ASCII white space
        assert_eq!(cell_pieces("1\u{a0}\u{a0}2"), vec!["1\u{a0}\u{a0}2"]);
    }

    fn table(text: &str) -> Vec<(Metric, f64, Option<String>)> {
        find(text, &[], &MainPeriod::default())
            .into_iter()
            .map(|f| (f.metric, f.value.unwrap_or(f64::NAN), f.period))
            .collect()
    }

    #[test]
    fn scale_applies_to_cells_not_per_share() {
        let t = "(In millions, except share and per share amounts)\nThree Months Ended\nDecember 30, 2023  December 31, 2022\nTotal net sales (1)  119,575  117,154\nOperating income  40,373  36,016\nNet income  $33,916  $29,998\nEarnings per share:\nBasic  $2.19  $1.89\nDiluted  $2.18  $1.88\nShares used in computing earnings per share:\nDiluted  15,576,641  15,892,723";
        let got = table(t);
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0].0, Metric::Revenue);
        assert!((got[0].1 - 119_575e6).abs() < 1.0);
        assert_eq!(got[0].2.as_deref(), Some("three months ended december 30, 2023"));
        assert_eq!((got[1].0, got[1].1), (Metric::OperatingIncome, 40_373e6));
        assert_eq!((got[3].0, got[3].1), (Metric::Eps, 2.18));
    }

    #[test]
    fn thousands_footnotes_and_years() {
        let t = "(Amounts in Thousands Except Per Share Amounts)\nThirteen Weeks Ended  Thirty-Nine Weeks Ended\nINCOME FROM OPERATIONS  54,483  64,065  145,139  174,556\nProfit 1  $1,537  $1,530\n";
        let got = table(t);
        assert_eq!((got[0].0, got[0].1), (Metric::OperatingIncome, 54_483e3));
        assert_eq!((got[1].0, got[1].1), (Metric::NetIncome, 1_537e3));
        // a header of years is no row, and shares are no EPS
        let t = "($ in billions except profit per share)  2022  2021\nSales and Revenues  $13.6  $11.9\nWeighted-average common shares outstanding (millions)\n– Diluted 2  538.3  551.4";
        let got = table(t);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!((got[0].1 - 13.6e9).abs() < 1.0);
    }

    #[test]
    fn non_gaap_column_of_a_reconciliation() {
        let t = "($ in millions, except per share data)\nYear Ended May 31,\n2014 GAAP  Adj.  2014 Non-GAAP  2013 GAAP  Adj.  2013 Non-GAAP\nOPERATING INCOME  $14,759  $3,350  $18,109  $14,684  $2,928  $17,612\nDILUTED EARNINGS PER SHARE  $2.38  $2.87  $2.26  $2.68";
        let got = table(t);
        assert!(
            got.contains(&(Metric::Eps, 2.38, Some("year ended may 31, 2014".into()))),
            "{got:?}"
        );
        assert!(got.iter().any(|g| g.0 == Metric::AdjustedEps && g.1 == 2.87));
    }

    #[test]
    fn prose_ends_a_table_and_unrelated_rows_are_skipped() {
        let t = "(In millions)\nCost of sales  1,455  1,117\nGross margin  559  428\n";
        assert!(table(t).is_empty());
        let t = "(In millions)\nThe company reported that its results for the quarter were in line with the expectations it had set out at the start of the year, and it thanks its staff.\nNet sales  2,014  1,545";
        assert_eq!(table(t)[0].1, 2014.0);
    }
}
