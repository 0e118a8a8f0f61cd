//! Pathological text for worst-case tests and benchmarks: long runs of digits and dashes, nested
//! quotes, "$$$$", thousands of dates, phone-like and form-like runs, one very long line.

/// About `size` bytes of adversarial text.
pub fn pathological(size: usize) -> String {
    let pieces = [
        "1-2-3-4-5-6-7-8-9-0-".repeat(50),
        "\"\u{201c}'\u{2018}\"\u{201c}said \"".repeat(40),
        "$$$$ $(((( $1,,,,2 $.5.5.5 ".repeat(30),
        "March 1, 2004 May 5 June 31, 2004 12/31/2024 2024-02-30 ".repeat(20),
        "(555) 555-5555-5555-5555 +1 +44 (0) +65 ".repeat(20),
        "Form 10-K/A Rule 12b-25 Item 4.02 Section 13(a)(1)(2)(3) ".repeat(20),
        "www.a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.com/((((((((( http://x.y/?a=b&c=d&&&& ".repeat(10),
        "said Jane Doe, President said John Roe, Chief said Mr. Mr. Mr. ".repeat(20),
        "Nasdaq: NASDAQ: NYSE:: OTC BB: ".repeat(30),
        "restatement not not not not delisting investigation going concern ".repeat(20),
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ ".repeat(40),
    ];
    let mut out = String::with_capacity(size + 4096);
    let mut i = 0;
    while out.len() < size {
        out.push_str(&pieces[i % pieces.len()]);
        // mostly one long line; now and then a paragraph break
        out.push_str(if i % 7 == 6 { "\n\n" } else { " " });
        i += 1;
    }
    out
}

/// A release with `n` distinct amounts of money (the facts pane's worst case: every fact distinct).
pub fn amounts(n: usize) -> String {
    let mut out = String::from("ACME, Ohio--(BUSINESS WIRE)--May 5, 2024--Acme Corp. (NYSE: ACM) reported the following amounts.\n\n");
    for i in 0..n {
        out.push_str(&format!("${}.{:02} million", i / 100 + 1, i % 100));
        out.push_str(if i % 20 == 19 { ".\n\n" } else { ", " });
    }
    out
}

/// The `i`-th of a folder of small, distinct releases (the list's scale tests and benchmarks):
/// a headline, a Business Wire dateline, a ticker, an amount and a replay date.
pub fn small_release(i: usize) -> String {
    let months = ["January", "March", "May", "July", "September", "November"];
    format!(
        "Company{i} Reports Results\n\nACME, Ohio--(BUSINESS WIRE)--{} {}, 20{:02}--Company{i} Inc. (NYSE: C{i}) reported revenue of ${}.{} million. The replay is available through {} 30, 2030.\n",
        months[i % 6],
        i % 28 + 1,
        i % 25,
        i % 900 + 10,
        i % 10,
        months[(i + 1) % 6],
    )
}
