//! The bundled reference release, read without the shared corpus.

use irview::release::{self, FlagKind, SectionKind};

#[test]
fn seed_is_read_completely() {
    let r = release::parse(irview::BUNDLED.as_bytes(), Some(irview::BUNDLED_NAME)).expect("parse");
    assert_eq!(
        r.headline.as_deref(),
        Some("Sonus Networks Provides Update on Status of Its Financial Results")
    );
    assert_eq!(r.company.name.as_deref(), Some("Sonus Networks"));
    assert_eq!(r.company.tickers, vec!["NASDAQ:SONS"]);
    assert_eq!(r.dateline.date.map(|d| d.to_string()).as_deref(), Some("2004-03-29"));
    assert_eq!(r.dateline.wire.as_deref(), Some("BUSINESS WIRE"));
    let deadlines: Vec<(String, Option<String>)> = r
        .deadlines
        .iter()
        .map(|d| (d.date.to_string(), d.time.map(|t| t.format("%H:%M").to_string())))
        .collect();
    let want = [("2004-03-29", Some("08:30")), ("2004-04-12", None), ("2005-03-29", None)];
    assert_eq!(deadlines, want.map(|(d, t)| (d.to_string(), t.map(str::to_string))));
    // the JSON keeps the contract's shapes: "YYYY-MM-DD", "HH:MM", a snake_case kind
    let json = serde_json::to_value(&r.deadlines[0]).expect("json");
    assert_eq!(json["date"], "2004-03-29");
    assert_eq!(json["time"], "08:30");
    assert_eq!(json["what"], "conference_call");
    assert_eq!(serde_json::to_value(&r.dateline).expect("json")["date"], "2004-03-29");
    assert!(serde_json::to_value(&r.deadlines[1]).expect("json")["time"].is_null());
    assert_eq!(r.deadlines[0].tz.as_deref(), Some("ET"));
    let mut flags: Vec<FlagKind> = r.flags.iter().map(|f| f.kind).collect();
    flags.sort();
    assert_eq!(
        flags,
        vec![
            FlagKind::Restatement,
            FlagKind::NonReliance,
            FlagKind::LateFiling,
            FlagKind::Delisting,
            FlagKind::SymbolChange,
            FlagKind::Investigation
        ]
    );
    let inv = r.flags.iter().find(|f| f.kind == FlagKind::Investigation).expect("investigation");
    assert_eq!(
        inv.section,
        SectionKind::Risk,
        "the investigation is mentioned only in the risk boilerplate"
    );
    assert_eq!(r.quotes.len(), 1);
    assert_eq!(r.quotes[0].speaker, "Hassan Ahmed");
    assert!(r.quotes[0].title.as_deref().is_some_and(|t| t.contains("CEO")));
    let contacts: Vec<(&str, Option<&str>)> = r.contacts.iter().map(|c| (c.name.as_str(), c.role.as_deref())).collect();
    assert_eq!(
        contacts,
        vec![("Jocelyn Philbrook", Some("Investor relations")), ("Beth Morrissey", Some("Media"))]
    );
    for kind in [
        SectionKind::Status,
        SectionKind::Quote,
        SectionKind::Call,
        SectionKind::About,
        SectionKind::Risk,
        SectionKind::Trademarks,
        SectionKind::Contacts,
    ] {
        assert!(r.sections.iter().any(|s| s.kind == kind), "no {kind:?} section");
    }
}

#[test]
fn json_has_the_contract_keys() {
    let r = release::parse(irview::BUNDLED.as_bytes(), None).expect("parse");
    let v = serde_json::to_value(&r).expect("json");
    for key in [
        "text",
        "headline",
        "company",
        "dateline",
        "sections",
        "facts",
        "quotes",
        "contacts",
        "deadlines",
        "flags",
    ] {
        assert!(v.get(key).is_some(), "missing key {key}");
    }
    assert_eq!(v["facts"][0]["kind"].as_str().map(|k| !k.is_empty()), Some(true));
    assert_eq!(v["company"]["tickers"][0], "NASDAQ:SONS");
}
