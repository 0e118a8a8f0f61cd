//! Telephone numbers, North American and international, normalised to E.164.
//!
//! A number needs its usual separators ("978-614-8672", "(408) 974-1896", "+65 6222 5223",
//! "0161 123 4567"): a bare run of digits is an ID or an access code, not a phone, unless a phone
//! word introduces it ("Tel: 4156667777"). North American numbers are checked against the numbering
//! plan here; every other number is validated and normalised by libphonenumber's metadata (the
//! `phonenumber` crate), which is loaded only when a release has such a number. A number that runs
//! on into letters, digits or a currency sign ("415-666-7777def", "$415-666-7777",
//! "Formula 45+31-339243873") is none. A number introduced by "Fax", "F:" or "facsimile" carries the
//! detail "fax".

use super::Claims;
use crate::release::model::{Fact, FactKind};
use crate::release::pattern::Pattern;
use crate::release::text::{char_at, char_before, floor_boundary};
use phonenumber::metadata::Database;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

static NANP: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?-u)(?:\+[ ]?1[ .\-]?|\b1[ .\-]?)?(?:\([ ]?[2-9][0-9]{2}[ ]?\)[ ]?|[2-9][0-9]{2}[ .\-/][ ]?|[2-9][0-9]{2})[2-9][0-9]{2}[ .\-]?[0-9]{4}",
    )
});
static INTL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?-u)(?:\(?\+[ ]?|\b00[ ]?|\b011[ ]?)[1-9][0-9]{0,2}\)?(?:[ .\-]?(?:\(0\)[ ]?)?\(?[0-9]{1,11}\)?){1,6}")
});
/// A national number in the trunk-prefix style of the UK and much of Europe: "0161 123 4567",
/// "(0131) 496 0537", "07700 900873", "020 7946 0958".
static TRUNK: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?-u)(?:\(0[1-9][0-9]{1,4}\)|\b0[1-9][0-9]{1,4})(?:[ \-]?[0-9]{2,8}){1,3}"));
static EXT: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"(?-u)^(?i-u)(?:,?[ ]?(?:ext\.?|extension|x)[ ]?[0-9]{1,6}\b)"));

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// The words that introduce a phone number on a contact line.
const CUES: &[&str] = &[
    "phone",
    "tel",
    "call",
    "dial",
    "fax",
    "mobile",
    "cell",
    "number is",
    "number:",
    "contact",
];

/// Is a bare run of digits introduced as a phone ("My phone number is 4156667777")? Code words in
/// between ("conference ID", "passcode") say it is a code.
fn cued(text: &str, start: usize) -> bool {
    let before = text[floor_boundary(text, start.saturating_sub(32))..start].to_ascii_lowercase();
    let before = before.rsplit('\n').next().unwrap_or("");
    CUES.iter().any(|c| before.contains(c))
        && !["code", " id", "pin", "passcode", "account", "card", "number is:", "no."]
            .iter()
            .any(|w| before.contains(w))
}

/// The North American numbering plan: an area code and an exchange start with 2-9, and neither is
/// a service code (N11).
fn nanp_valid(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10 && b[0] >= b'2' && !(b[1] == b'1' && b[2] == b'1') && b[3] >= b'2' && !(b[4] == b'1' && b[5] == b'1')
}

/// What stands right before and after a candidate may make it part of something else: a longer
/// number ("000-30229-555-1234", "650-253-4561--455-234-3451"), a word it is glued to
/// ("abc415-666-7777", "415-666-7777def"), an amount ("$415-666-7777", "415-666-7777%"). A
/// capitalised word glued after it is the next label of a flattened table ("(646) 893-5835Email").
fn isolated(text: &str, start: usize, end: usize) -> bool {
    let before = char_before(text, start);
    // A plus or a bracket opens a number even right after a word ("abc+14156667777", "abc(415)6667777").
    let plus = text[start..].starts_with(['+', '(']);
    let bad_before = match before {
        // "Singapore 608526(+65) 6222 5223": a postcode glued to a bracketed country code.
        Some(c) if c.is_ascii_digit() && text[start..].starts_with("(+") => false,
        Some(c) if c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥' | '#' | '/' | '.' | '*' | '+' | '=') => true,
        Some(c) if c.is_ascii_alphabetic() => !plus,
        // "number-415-666-7777" is glued to a word; "30229-555-1234" to a number.
        Some('-') => !char_before(text, start - 1).is_some_and(|c| c.is_ascii_alphabetic()),
        _ => false,
    };
    let rest = &text[end..];
    let dashes = rest.len() - rest.trim_start_matches('-').len();
    let bad_after = match char_at(text, end) {
        Some(c) if c.is_ascii_digit() || matches!(c, '$' | '%' | '*' | '+' | '=') => true,
        Some(c) if c.is_ascii_lowercase() => !EXT.is_match(rest),
        Some('-') => rest[dashes..].starts_with(|c: char| c.is_ascii_digit()),
        _ => false,
    };
    !bad_before && !bad_after
}

/// A fax is introduced by "Fax", "F:", "facsimile" since the previous number or the line start.
fn is_fax(text: &str, start: usize, prev_end: usize) -> bool {
    let from = floor_boundary(text, start.saturating_sub(40)).max(prev_end).min(start);
    let lead = &text[from..start];
    let lead = lead.rsplit('\n').next().unwrap_or(lead);
    let l = lead.to_ascii_lowercase();
    if l.contains("fax") || l.contains("facsimile") {
        return true;
    }
    // "F: 212-555-0100" or "F 212-555-0100" after a "T:" number.
    let t = lead.trim_end().trim_end_matches([':', '.']).trim_end();
    t == "F" || t.ends_with(" F") || t.ends_with("|F") || t.ends_with("\tF")
}

/// libphonenumber's metadata, as the `phonenumber` crate ships it (Apache-2.0). Loading the
/// crate's whole database costs some 60 ms of CPU (it checks every pattern of every country), so
/// the territories of one country code are read from this file when a number with that code turns up.
const METADATA_XML: &str = include_str!("../../../assets/libphonenumber/PhoneNumberMetadata.xml");

type Databases = Mutex<HashMap<u16, Option<Arc<Database>>>>;
static DATABASES: LazyLock<Databases> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// Where each `<territory>` element of the metadata lies, by calling code: one pass over the file.
static TERRITORIES: LazyLock<HashMap<u16, Vec<std::ops::Range<usize>>>> = LazyLock::new(|| {
    let mut by_code: HashMap<u16, Vec<std::ops::Range<usize>>> = HashMap::new();
    let close = memchr::memmem::Finder::new("</territory>");
    let mut at = 0;
    while let Some(i) = memchr::memmem::find(&METADATA_XML.as_bytes()[at..], b"<territory ").map(|i| at + i) {
        let Some(j) = close.find(&METADATA_XML.as_bytes()[i..]).map(|j| i + j + "</territory>".len()) else {
            break;
        };
        let element = &METADATA_XML[i..j];
        let open = &element[..element.find('>').unwrap_or(0)];
        let code = open
            .split_once(" countryCode=\"")
            .and_then(|(_, rest)| rest.split('"').next())
            .and_then(|c| c.parse::<u16>().ok());
        if let Some(code) = code {
            by_code.entry(code).or_default().push(i..j);
        }
        at = j;
    }
    by_code
});

/// One territory element as the parser and the validator need it. Its `<availableFormats>` only
/// say how to print a number (irview prints E.164), so they go: the crate checks every pattern it
/// is given. The patterns' `\d` becomes `[0-9]`: in the regex crate `\d` is every Unicode digit,
/// which makes each pattern costly to compile, and the numbers matched are ASCII digits only (the
/// candidates are found by ASCII patterns and the crate matches the national number's decimal
/// form), where the two classes are the same.
fn for_validation(element: &str, out: &mut String) {
    let mut rest = element;
    while let Some(i) = rest.find("<availableFormats>") {
        compact_patterns(&rest[..i].replace("\\d", "[0-9]"), out);
        rest = rest[i..]
            .find("</availableFormats>")
            .map_or("", |j| &rest[i + j + "</availableFormats>".len()..]);
    }
    compact_patterns(&rest.replace("\\d", "[0-9]"), out);
}

/// `xml` into `out`, the white space inside each `<nationalNumberPattern>` left out. The crate
/// reads these patterns in verbose mode (white space means nothing in them, and none is escaped),
/// but it first checks each one's syntax as written, where three quarters of the characters are
/// the file's indentation: without it the check and the compile read a quarter as much.
fn compact_patterns(xml: &str, out: &mut String) {
    const OPEN: &str = "<nationalNumberPattern>";
    const CLOSE: &str = "</nationalNumberPattern>";
    let mut rest = xml;
    while let Some(i) = rest.find(OPEN) {
        let body = i + OPEN.len();
        let Some(j) = rest[body..].find(CLOSE).map(|j| body + j) else {
            break;
        };
        out.push_str(&rest[..body]);
        out.extend(rest[body..j].chars().filter(|c| !c.is_ascii_whitespace()));
        rest = &rest[j..];
    }
    out.push_str(rest);
}

/// The territory elements of one calling code, as a database of their own.
fn database_for(code: u16) -> Option<Arc<Database>> {
    let mut cache = DATABASES.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    cache
        .entry(code)
        .or_insert_with(|| {
            let elements = TERRITORIES.get(&code)?;
            let mut xml = String::from("<phoneNumberMetadata><territories>");
            for r in elements {
                for_validation(&METADATA_XML[r.clone()], &mut xml);
            }
            xml.push_str("</territories></phoneNumberMetadata>");
            Database::parse(&xml).ok().map(Arc::new)
        })
        .clone()
}

/// The calling code a "+" number starts with: the longest of its first one to three digits that
/// some territory uses.
fn calling_code(digits: &str) -> Option<u16> {
    (1..=3.min(digits.len()))
        .rev()
        .filter_map(|n| digits[..n].parse::<u16>().ok())
        .find(|c| TERRITORIES.contains_key(c))
}

/// Validate and normalise a number outside North America with libphonenumber's metadata: an
/// international form ("+49 6203 1009 0"), or a national one read as British ("0161 123 4567").
/// A number a phone word introduces needs only a length its country's numbers can have ("My phone
/// number is 07700 900873", a range kept unassigned for fiction); any other must be a valid number.
fn international(raw: &str, introduced: bool) -> Option<String> {
    let plus = raw.trim_start_matches('(').starts_with('+');
    let code = if plus { calling_code(&digits(raw))? } else { 44 };
    if code == 1 {
        return None;
    }
    let db = database_for(code)?;
    let region = (!plus).then_some(phonenumber::country::Id::GB);
    let n = parse(&db, region, raw, code)?;
    if n.code().value() != code {
        return None;
    }
    let national = n.national().value().to_string();
    let zeros = "0".repeat(usize::from(n.national().zeros()));
    let possible = || {
        let len = (national.len() + zeros.len()) as u16;
        db.by_code(&code).is_some_and(|metas| {
            metas.iter().any(|m| {
                let d = m.descriptors();
                [Some(d.general()), d.fixed_line(), d.mobile()]
                    .into_iter()
                    .flatten()
                    .any(|x| x.possible_length().contains(&len))
            })
        })
    };
    // the length check first: validating compiles the country's number patterns
    if !(introduced && possible() || is_valid(&db, code, &format!("{zeros}{national}"))) {
        return None;
    }
    Some(format!("+{code}{zeros}{national}"))
}

/// The metadata's patterns as regex-lite compiles them (once each), verbose as the crate reads
/// them; `None` where regex-lite cannot read one.
static LITE: LazyLock<Mutex<HashMap<String, Option<Arc<regex_lite::Regex>>>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// Whether a pattern of the metadata matches at the start of `value`, as the crate asks
/// (`find(value)` starting at 0): by regex-lite, which compiles a pattern in a fraction of the
/// time the regex crate takes and reads a national number (at most 17 digits) as fast. Where
/// regex-lite cannot read the pattern, the crate's own regex (`crate_says`) answers.
fn matches_at_start(source: &str, value: &str, crate_says: impl FnOnce() -> bool) -> bool {
    let lite = {
        let mut cache = LITE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        cache
            .entry(source.to_string())
            .or_insert_with(|| regex_lite::Regex::new(&format!("(?x){source}")).ok().map(Arc::new))
            .clone()
    };
    match lite {
        Some(re) => re.find(value).is_some_and(|m| m.start() == 0),
        None => crate_says(),
    }
}

/// `Descriptor::is_match`: a length the descriptor allows and its pattern.
fn descriptor_matches(d: &phonenumber::metadata::Descriptor, value: &str) -> bool {
    let len = u16::try_from(value.len()).unwrap_or(u16::MAX);
    (d.possible_length().is_empty() || d.possible_length().contains(&len))
        && matches_at_start(d.national_number().as_str(), value, || d.is_match(value))
}

/// Whether a territory's metadata gives `national` a type (`number_type(..) != Type::Unknown`):
/// the general pattern, and the pattern of any one type.
fn has_type(meta: &phonenumber::metadata::Metadata, national: &str) -> bool {
    let d = meta.descriptors();
    descriptor_matches(d.general(), national)
        && [
            d.premium_rate(),
            d.toll_free(),
            d.shared_cost(),
            d.voip(),
            d.personal_number(),
            d.pager(),
            d.uan(),
            d.voicemail(),
            d.fixed_line(),
            d.mobile(),
        ]
        .into_iter()
        .flatten()
        .any(|x| descriptor_matches(x, national))
}

/// `phonenumber::is_valid_with`, decided as the crate decides it (the territory a number of a
/// shared code belongs to by its leading digits, else the first whose patterns it matches; then
/// its type), with the patterns compiled by regex-lite. `national` has its leading zeros.
fn is_valid(db: &Database, code: u16, national: &str) -> bool {
    let Some(regions) = db.region(&code) else { return false };
    let meta = if let [region] = regions.as_slice() {
        if *region == "001" {
            db.by_code(&code).and_then(|m| m.into_iter().next())
        } else {
            region.parse::<phonenumber::country::Id>().ok().and_then(|_| db.by_id(*region))
        }
    } else {
        shared_territory(db, &regions, national)
    };
    meta.is_some_and(|meta| has_type(meta, national))
}

/// Of the territories that share a calling code, the one a national number belongs to, as
/// `phonenumber::validator::source_for` decides it: the first whose leading digits it starts
/// with, or (for one without leading digits) whose patterns give it a type.
fn shared_territory<'d>(db: &'d Database, regions: &[&str], national: &str) -> Option<&'d phonenumber::metadata::Metadata> {
    regions
        .iter()
        .filter_map(|r| db.by_id(*r))
        .find(|meta| match meta.leading_digits() {
            Some(pattern) => matches_at_start(pattern.as_str(), national, || {
                pattern.find(national).is_some_and(|m| m.start() == 0)
            }),
            None => has_type(meta, national),
        })
}

/// `phonenumber::parse_with(db, region, raw)`. For a "+" number of a code several territories
/// share, the parser works out the territory with the regex crate (compiling its patterns);
/// here it is worked out as the parser would (see [`shared_territory`]) and given to it, which
/// makes the same number: where the territory's international prefix follows the "+", or the
/// number holds anything but digits and separators, the parser decides alone.
fn parse(db: &Database, region: Option<phonenumber::country::Id>, raw: &str, code: u16) -> Option<phonenumber::PhoneNumber> {
    let given = || {
        if region.is_some() || !raw.bytes().all(|b| b.is_ascii_digit() || b" +-.()/".contains(&b)) {
            return None;
        }
        let regions = db.region(&code).filter(|r| r.len() > 1)?;
        let all = digits(raw);
        let national = all.get(code.to_string().len()..)?.trim_start_matches('0');
        let meta = shared_territory(db, &regions, national)?;
        let idd = meta.international_prefix().map(|re| re.as_str());
        if idd.is_some_and(|idd| matches_at_start(idd, &all, || true)) {
            return None;
        }
        meta.id().parse::<phonenumber::country::Id>().ok()
    };
    phonenumber::parse_with(db, region.or_else(given), raw).ok()
}

struct Candidate {
    start: usize,
    end: usize,
    value: String,
}

pub fn scan(text: &str, claims: &mut Claims, facts: &mut Vec<Fact>) {
    let mut found: Vec<Candidate> = Vec::new();
    let mut taken = Claims::default();
    for m in NANP.find_iter(text) {
        let (start, end) = (m.start(), m.end());
        if !isolated(text, start, end) {
            continue;
        }
        let raw = m.as_str();
        let mut d = digits(raw);
        if d.len() == 11 && d.starts_with('1') {
            d.remove(0);
        }
        // A bare run ("4156667777") is a phone only when a phone word introduces it.
        let grouped = raw.contains([' ', '-', '.', '(', '/', '+']);
        if d.len() != 10 || !nanp_valid(&d) || (!grouped && !cued(text, start)) {
            continue;
        }
        if taken.claim(start, end) {
            found.push(Candidate {
                start,
                end,
                value: format!("+1{d}"),
            });
        }
    }
    for m in INTL.find_iter(text) {
        let s = m.as_str().trim_end_matches([' ', '-', '.']);
        let (start, end) = (m.start(), m.start() + s.len());
        if taken.overlaps(start, end) || !isolated(text, start, end) {
            continue;
        }
        let (start, s) = match s.strip_prefix('(').filter(|r| !r.contains(')') || r.find(')') > r.find('+')) {
            Some(r) if !r.contains(')') => (start + 1, r),
            _ => (start, s),
        };
        let d = digits(&s.replace("(0)", ""));
        let plus = s.starts_with('+') || s.starts_with("(+");
        if !(8..=17).contains(&d.len()) || (!plus && !s.contains([' ', '-', '.']) && !cued(text, start)) {
            continue;
        }
        // "00 44 161 ...", "011 44 ...": an international call prefix stands for the plus.
        let intl = if plus {
            format!("+{d}")
        } else {
            let rest = d.strip_prefix("011").or_else(|| d.strip_prefix("00")).unwrap_or(&d);
            format!("+{rest}")
        };
        // "+44 (0)20 ..." and "0044 07700 ..." repeat the trunk zero after the country code.
        let intl = trunk_zero(&intl);
        // "+86 20 61302222-8866": a last group after a dash may be an extension.
        let short = s
            .rfind('-')
            .map(|i| (digits(&s[i..]).len(), &s[..i]))
            .filter(|(n, _)| (1..=5).contains(n));
        let introduced = cued(text, start);
        let value = international(&intl, false)
            .or_else(|| short.and_then(|(n, _)| international(&intl[..intl.len() - n], false)))
            .or_else(|| introduced.then(|| international(&intl, true)).flatten());
        if let Some(v) = value {
            if taken.claim(start, end) {
                found.push(Candidate { start, end, value: v });
            }
        }
    }
    for m in TRUNK.find_iter(text) {
        let (start, end) = (m.start(), m.end());
        let raw = m.as_str();
        let d = digits(raw);
        let grouped = raw.contains([' ', '-', '(']);
        if taken.overlaps(start, end) || !isolated(text, start, end) || !(10..=11).contains(&d.len()) || (!grouped && !cued(text, start)) {
            continue;
        }
        if let Some(v) = international(raw, cued(text, start)) {
            if taken.claim(start, end) {
                found.push(Candidate { start, end, value: v });
            }
        }
    }
    // the candidates' spans were claimed: no two start at one place (no scratch copy needed)
    found.sort_unstable_by_key(|c| c.start);
    let mut prev_end = 0;
    for c in found {
        let mut end = c.end;
        if let Some(x) = EXT.find(&text[end..]) {
            end += x.end();
        }
        if claims.claim(c.start, end) {
            // a fax is a number too, but not one to call: its own kind
            let kind = if is_fax(text, c.start, prev_end) {
                FactKind::Fax
            } else {
                FactKind::Phone
            };
            let mut f = Fact::new(kind, text, c.start, end, Some(c.value));
            if kind == FactKind::Fax {
                f.detail = Some("fax".into());
            }
            facts.push(f);
        }
        prev_end = end;
    }
}

/// Drop a trunk zero written after the country code: "+44 (0)20" and "0044 07700" dial as "+4420",
/// "+447700". Countries whose numbers start with 0 after the code (Italy, +39) keep it.
fn trunk_zero(intl: &str) -> String {
    for code in [
        "44", "49", "33", "31", "32", "41", "43", "61", "64", "27", "91", "81", "86", "852", "65", "353", "34", "46", "47", "45",
    ] {
        if let Some(rest) = intl.strip_prefix('+').and_then(|r| r.strip_prefix(code)) {
            if let Some(national) = rest.strip_prefix('0') {
                return format!("+{code}{national}");
            }
            return intl.to_string();
        }
    }
    intl.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phones(t: &str) -> Vec<String> {
        let mut c = Claims::default();
        let mut f = Vec::new();
        scan(t, &mut c, &mut f);
        f.into_iter().filter_map(|f| f.value.map(String::from)).collect()
    }

    /// The example numbers the crate's metadata gives for one territory (general, fixed line,
    /// mobile, toll free, voip).
    fn examples(meta: &phonenumber::metadata::Metadata) -> impl Iterator<Item = &str> {
        let d = meta.descriptors();
        [Some(d.general()), d.fixed_line(), d.mobile(), d.toll_free(), d.voip()]
            .into_iter()
            .flatten()
            .filter_map(|x| x.example())
    }

    #[test]
    fn patterns_lose_their_white_space_and_nothing_else() {
        let mut out = String::new();
        compact_patterns(
            "<fixedLine>\n  <possibleLengths national=\"10\"/>\n  <nationalNumberPattern>\n    1[0-9]{9}|\n    2(?:\n      0|3\n    )[0-9]{8}\n  </nationalNumberPattern>\n</fixedLine> <nationalNumberPattern> 7 </nationalNumberPattern>",
            &mut out,
        );
        assert_eq!(
            out,
            "<fixedLine>\n  <possibleLengths national=\"10\"/>\n  <nationalNumberPattern>1[0-9]{9}|2(?:0|3)[0-9]{8}</nationalNumberPattern>\n</fixedLine> <nationalNumberPattern>7</nationalNumberPattern>"
        );
        // an element left open is copied as it is
        out.clear();
        compact_patterns("<nationalNumberPattern> 1 2", &mut out);
        assert_eq!(out, "<nationalNumberPattern> 1 2");
    }

    #[test]
    fn calling_codes_from_the_metadata() {
        assert_eq!(calling_code("442079460958"), Some(44));
        assert_eq!(calling_code("862061302222"), Some(86));
        assert_eq!(calling_code("35312345678"), Some(353));
        assert_eq!(calling_code("12125550100"), Some(1));
        // no territory uses 2, 28 or 280, nor 9, 99 or 999
        assert_eq!(calling_code("2801234"), None);
        assert_eq!(calling_code("9991234"), None);
        // the index knows every code the file names (each territory is found)
        let named: std::collections::BTreeSet<u16> = METADATA_XML
            .split(" countryCode=\"")
            .skip(1)
            .filter_map(|r| r.split('"').next()?.parse().ok())
            .collect();
        assert_eq!(named, TERRITORIES.keys().copied().collect());
        assert_eq!(
            TERRITORIES.values().map(Vec::len).sum::<usize>(),
            METADATA_XML.matches("<territory ").count()
        );
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

    fn details(t: &str) -> Vec<(String, Option<String>)> {
        let mut c = Claims::default();
        let mut f = Vec::new();
        scan(t, &mut c, &mut f);
        f.into_iter()
            .map(|f| (f.value.map(String::from).unwrap_or_default(), f.detail.map(String::from)))
            .collect()
    }

    #[test]
    fn uk_and_other_international_forms() {
        assert_eq!(phones("+44 20 7946 0958"), vec!["+442079460958"]);
        assert_eq!(phones("Tel: 0161 123 4567 ext. 123."), vec!["+441611234567"]);
        assert_eq!(phones("(0131) 496 0537 or 0161-123-4567"), vec!["+441314960537", "+441611234567"]);
        assert_eq!(phones("+49 6203 1009 0"), vec!["+49620310090"]);
        assert_eq!(phones("call 00 44 161 1234567 now"), vec!["+441611234567"]);
        assert_eq!(phones("+86 20 61302222-8866"), vec!["+862061302222"]);
        // an unassigned range a phone word introduces still has a phone's shape
        assert_eq!(phones("My phone number is 07700 900873."), vec!["+447700900873"]);
        assert!(phones("see 07700 900873.").is_empty());
    }

    #[test]
    fn glued_and_bare_forms() {
        assert_eq!(phones("My number-415-666-7777"), vec!["+14156667777"]);
        assert_eq!(phones("abc+14156667777"), vec!["+14156667777"]);
        assert_eq!(phones("OFFICE-1(516)733-3989"), vec!["+15167333989"]);
        assert_eq!(phones("My phone number is 14325678901."), vec!["+14325678901"]);
        assert_eq!(phones("My phone number is 1444-555-1234."), vec!["+14445551234"]);
        assert_eq!(phones("(797)203-4036x470"), vec!["+17972034036"]);
    }

    #[test]
    fn fax_is_marked() {
        assert_eq!(
            details("Tel: 954.420.0882, Fax: 954.420.0811"),
            vec![("+19544200882".into(), None), ("+19544200811".into(), Some("fax".into()))]
        );
        assert_eq!(details("T: 212-555-0100 F: 212-555-0101")[1].1.as_deref(), Some("fax"));
        assert_eq!(details("facsimile (212) 555-0101")[0].1.as_deref(), Some("fax"));
        assert_eq!(details("Fax and phone: none.\nCall (212) 555-0101")[0].1, None);
        // a fax is its own kind: not a number to call
        let mut c = Claims::default();
        let mut f = Vec::new();
        scan("Tel: 954.420.0882, Fax: 954.420.0811", &mut c, &mut f);
        assert_eq!(f.iter().map(|f| f.kind).collect::<Vec<_>>(), vec![FactKind::Phone, FactKind::Fax]);
    }

    /// The metadata as it was read before trimming: whole territory elements, patterns untouched.
    fn untrimmed(code: u16) -> Option<Database> {
        let needle = format!(" countryCode=\"{code}\"");
        let mut xml = String::from("<phoneNumberMetadata><territories>");
        let mut rest = METADATA_XML;
        while let Some(i) = rest.find("<territory ") {
            let tail = &rest[i..];
            let j = tail.find("</territory>")? + "</territory>".len();
            if tail[..tail.find('>')?].contains(&needle) {
                xml.push_str(&tail[..j]);
            }
            rest = &tail[j..];
        }
        xml.push_str("</territories></phoneNumberMetadata>");
        Database::parse(&xml).ok()
    }

    /// What the parser and the validator say of a number: its code, national number, leading
    /// zeros, validity and type.
    fn verdict(db: &Database, raw: &str) -> Option<(u16, u64, u8, bool, phonenumber::Type)> {
        let region = (!raw.starts_with('+')).then_some(phonenumber::country::Id::GB);
        let n = phonenumber::parse_with(db, region, raw).ok()?;
        Some((
            n.code().value(),
            n.national().value(),
            n.national().zeros(),
            phonenumber::is_valid_with(db, &n),
            n.number_type(db),
        ))
    }

    #[test]
    fn trimmed_metadata_answers_as_the_whole() {
        // real numbers of several countries, unassigned ranges, wrong lengths and wrong leading digits
        let numbers = [
            "+442079460958",
            "+441611234567",
            "+447700900873",
            "+4477009008",
            "+4420794609581",
            "+441481712345",
            "+441624612345",
            "+441534712345",
            "01611234567",
            "0161123456",
            // national forms as they are written (the trunk candidates are passed as found)
            "0161 123 4567",
            "(0131) 496 0537",
            "020-7946-0958",
            "07700 900873",
            "07700900873",
            "+31205977055",
            "+31615213446",
            "+3161521344",
            "+498941313829",
            "+49620310090",
            "+4989413138",
            "+6562225223",
            "+656222522",
            "+862061302222",
            "+8620613022",
            "+33140205050",
            "+390612345678",
            "+353112345678",
            "+61291234567",
            "+85221234567",
            "+41446681800",
            "+999123456",
            "+4400000000",
        ];
        let mut seen: HashMap<Option<bool>, usize> = HashMap::new();
        for raw in numbers {
            let digits = digits(raw);
            let Some(code) = (if raw.starts_with('+') { calling_code(&digits) } else { Some(44) }) else {
                // no territory uses the code
                assert_eq!(super::international(raw, true), None, "{raw}");
                continue;
            };
            let (Some(fast), Some(slow)) = (database_for(code), untrimmed(code)) else {
                assert!(database_for(code).is_none() && untrimmed(code).is_none(), "{raw}");
                continue;
            };
            let v = verdict(&fast, raw);
            assert_eq!(v, verdict(&slow, raw), "{raw}");
            *seen.entry(v.map(|v| v.3)).or_insert(0) += 1;
            let lengths = |db: &Database| -> Vec<Vec<u16>> {
                db.by_code(&code)
                    .into_iter()
                    .flatten()
                    .map(|m| m.descriptors().general().possible_length().to_vec())
                    .collect()
            };
            assert_eq!(lengths(&fast), lengths(&slow), "{raw}");
        }
        // the list holds valid numbers and parsed but invalid ones
        assert!(
            seen.get(&Some(true)).is_some_and(|&n| n >= 10) && seen.get(&Some(false)).is_some_and(|&n| n >= 5),
            "{seen:?}"
        );
        assert!(verdict(&database_for(44).expect("44"), "+442079460958").is_some_and(|v| v.3));
        assert!(verdict(&database_for(44).expect("44"), "+4400000000").is_none_or(|v| !v.3));
    }

    /// Validity by regex-lite is the crate's: the example numbers of the territories of many
    /// calling codes (those shared by several territories among them), and near misses of each
    /// (a digit short, one more, the first digit changed, a zero before).
    #[test]
    fn validity_is_the_crates() {
        let mut codes: Vec<u16> = TERRITORIES.keys().copied().filter(|c| c % 7 == 0).collect();
        codes.extend([
            7, 33, 39, 44, 47, 49, 52, 55, 61, 81, 86, 91, 212, 262, 290, 358, 590, 599, 800, 979,
        ]);
        let (mut valid, mut invalid) = (0, 0);
        for code in codes {
            let Some(db) = database_for(code) else { continue };
            for meta in db.iter() {
                for ex in examples(meta) {
                    let first = ex.as_bytes()[0];
                    let changed = format!("{}{}", char::from(b'0' + (first - b'0' + 1) % 10), &ex[1..]);
                    for national in [
                        ex.to_string(),
                        ex[..ex.len() - 1].to_string(),
                        format!("{ex}5"),
                        changed,
                        format!("0{ex}"),
                    ] {
                        let raw = format!("+{code}{national}");
                        let Ok(n) = phonenumber::parse_with(&db, None, &raw) else {
                            continue;
                        };
                        if n.code().value() != code {
                            continue;
                        }
                        let want = phonenumber::is_valid_with(&db, &n);
                        assert_eq!(is_valid(&db, code, &n.national().to_string()), want, "{raw}");
                        if want { valid += 1 } else { invalid += 1 }
                    }
                }
            }
        }
        assert!(valid > 100 && invalid > 100, "{valid} valid, {invalid} invalid");
    }

    /// Given the territory of a shared code worked out here, the parser makes the number it
    /// makes alone: the example numbers of every territory that shares a code, written as
    /// releases write them, and near misses.
    #[test]
    fn parsing_with_the_territory_is_the_crates() {
        let (mut given, mut compared) = (0, 0);
        for code in [7, 39, 44, 47, 61, 212, 262, 290, 358, 590, 599] {
            let Some(db) = database_for(code) else { continue };
            let regions = db.region(&code).expect("a shared code");
            assert!(regions.len() > 1, "+{code} is shared");
            for meta in db.iter() {
                for ex in examples(meta) {
                    let (head, tail) = ex.split_at(ex.len().min(3));
                    for raw in [
                        format!("+{code}{ex}"),
                        format!("+{code} {head} {tail}"),
                        format!("+{code} (0){head}-{tail}"),
                        format!("(+{code}) {head}.{tail}"),
                        format!("+{code} 0{ex}"),
                        format!("+{code} {}", &ex[1..]),
                        format!("+{code}{ex}9"),
                        format!("+{code} 00{ex}"),
                    ] {
                        let want = phonenumber::parse_with(&db, None, &raw).ok();
                        let got = parse(&db, None, &raw, code);
                        assert_eq!(got, want, "{raw}");
                        compared += 1;
                        given += usize::from(shared_territory(&db, &regions, &digits(&raw)[code.to_string().len()..]).is_some());
                    }
                }
            }
        }
        assert!(compared > 300 && given > 200, "{compared} compared, {given} with a territory");
    }

    #[test]
    fn near_misses_are_not_phones() {
        assert!(phones("Formula 45+31-339243873 is not").is_empty());
        assert!(phones("+45-12-34-56-78 doesn't look like").is_empty());
        assert!(phones("415-666-7777def").is_empty());
        assert!(phones("abc415-666-7777").is_empty());
        assert!(phones("$415-666-7777 and £415-666-7777").is_empty());
        assert!(phones("415-666-7777% and 415-666-7777$").is_empty());
        assert!(phones("Call 650-253-4561--455-234-3451").is_empty());
        assert!(phones("911-67-0060 is a SSN").is_empty());
        assert!(phones("Form Approved - OMB No. 0560-0155").is_empty());
        assert!(phones("account number 12345678").is_empty());
        assert!(phones("Discover 6011-0000-0000-0004").is_empty());
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
