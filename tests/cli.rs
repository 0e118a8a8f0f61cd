//! The command line: help, JSON, the digest, and one-line errors with exit code 2.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn irview(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_irview"));
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn irview");
    if let Some(input) = stdin {
        child.stdin.take().expect("stdin").write_all(input).expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("wait")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn tmp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("irview-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write tmp");
    p
}

#[test]
fn help_lists_flags() {
    let o = irview(&["--help"], None);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    for flag in ["--json", "--summary", "--no-color", "--max-size"] {
        assert!(out.contains(flag), "--help lacks {flag}");
    }
}

#[test]
fn json_of_the_bundled_release() {
    let o = irview(&["--json"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["dateline"]["date"], "2004-03-29");
}

#[test]
fn piped_output_is_the_summary() {
    let o = irview(&[], None);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("Sonus Networks Provides Update"), "{out}");
    assert!(out.contains("RED FLAGS") && out.contains("DEADLINES"));
}

#[test]
fn stdin_is_read_with_dash() {
    let o = irview(
        &["--json", "-"],
        Some(b"ACME, Ohio--(BUSINESS WIRE)--May 5, 2024--Acme Corp. (NYSE: ACM) said revenue rose."),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["company"]["tickers"][0], "NYSE:ACM");
}

#[test]
fn errors_are_one_line_with_exit_code_2() {
    type Case<'a> = (Vec<String>, Option<&'a [u8]>, &'a str);
    let cases: Vec<Case> = vec![
        (vec!["/no/such/release.txt".into()], None, "no such file"),
        (
            vec![tmp("logo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").to_string_lossy().into_owned()],
            None,
            "not a text document",
        ),
        (vec!["-".into()], Some(b""), "standard input is empty"),
        (
            vec![
                "--max-size".into(),
                "0".into(),
                tmp("big.txt", b"some text").to_string_lossy().into_owned(),
            ],
            None,
            "--max-size",
        ),
    ];
    for (args, input, want) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = irview(&args, input);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.starts_with("irview: ") && err.contains(want), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: not one line: {err}");
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn a_folder_without_releases_is_an_error() {
    let dir = std::env::temp_dir().join(format!("irview-empty-dir-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let o = irview(&[dir.to_str().expect("path")], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no release files found"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_prints_one_line_per_release_when_piped() {
    let dir = std::env::temp_dir().join(format!("irview-dir-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(dir.join("seed.txt"), irview::BUNDLED).expect("write");
    std::fs::write(dir.join("bad.png"), b"\x89PNG\r\n\x1a\n").expect("write");
    std::fs::write(dir.join("bin.txt"), b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0").expect("write");
    let o = irview(&[dir.to_str().expect("path")], None);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("2004-03-29\tSonus Networks\tNASDAQ:SONS"), "{out}");
    assert!(!out.contains("bad.png"), "images are not releases");
    assert!(stderr(&o).contains("bin.txt: not a text document"), "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(2), "a failed file is reported in the exit code");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn empty_and_blank_files_give_a_view_not_an_error() {
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", &b"   \n\n\t \n"[..])] {
        let o = irview(&["--json", tmp(name, bytes).to_str().expect("utf-8 path")], None);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        assert_eq!(v["notices"][0], "No text in this release.");
    }
}

/// `irview - FILE`: standard input is read once, before the workers start, and gives its row;
/// asking for `-` twice gives the same bytes twice.
#[test]
fn standard_input_among_files_is_read_once() {
    let file = tmp(
        "other.txt",
        b"ZED, Ohio--(BUSINESS WIRE)--June 5, 2024--Zed Inc. (NYSE: ZED) said hi.\n",
    );
    let piped = b"ACME, Ohio--(BUSINESS WIRE)--May 5, 2024--Acme Corp. (NYSE: ACM) said hi.\n";
    let o = irview(&["--json", "-", file.to_str().expect("utf-8 path"), "-"], Some(piped));
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["dateline"]["date"], "2024-05-05");
    assert_eq!(lines[1]["dateline"]["date"], "2024-06-05");
    assert_eq!(
        lines[2]["dateline"]["date"], "2024-05-05",
        "the same bytes again, not an empty stdin"
    );
}

#[test]
fn a_full_stderr_is_exit_2_not_a_panic() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
    let Ok(full) = full else {
        eprintln!("/dev/full not available: case skipped");
        return;
    };
    let o = Command::new(env!("CARGO_BIN_EXE_irview"))
        .args(["--summary", "/definitely/not/here"])
        .stderr(full)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn paths_that_are_not_utf8_are_opened_and_shown_lossily() {
    use std::os::unix::ffi::OsStrExt;
    let dir = std::env::temp_dir().join(format!("irview-cli-nonutf8-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let p = dir.join(std::ffi::OsStr::from_bytes(b"\xff\xfebad.txt"));
    std::fs::write(&p, "ACME, Ohio--(BUSINESS WIRE)--May 5, 2024--Acme Corp. said hi.").expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_irview"))
        .arg("--json")
        .arg(&p)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert!(
        v["source"]["path"].as_str().is_some_and(|s| s.ends_with("\u{fffd}\u{fffd}bad.txt")),
        "{v}"
    );
    let o = Command::new(env!("CARGO_BIN_EXE_irview"))
        .arg("--summary")
        .arg(&dir)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("2024-05-05\t"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_batch_mode_names_unusable_files_and_exits_2() {
    let dir = std::env::temp_dir().join(format!("irview-cli-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(
        dir.join("good.txt"),
        "ACME, Ohio--(BUSINESS WIRE)--May 5, 2024--Acme Corp. will report on May 9, 2024.",
    )
    .expect("w");
    std::fs::write(dir.join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("w");
    for mode in ["--ics", "--json", "--summary"] {
        let o = Command::new(env!("CARGO_BIN_EXE_irview"))
            .arg(mode)
            .arg(&dir)
            .output()
            .expect("run");
        assert_eq!(o.status.code(), Some(2), "{mode}");
        assert!(stderr(&o).contains("image.txt: not a text document"), "{mode}: {}", stderr(&o));
        assert!(!o.stdout.is_empty(), "{mode}: the good file is still written");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_stray_c1_byte_deletes_no_text() {
    let p = tmp(
        "c1.txt",
        b"ACME, Ohio--(BUSINESS WIRE)--May 5, 2024--Acme Corp. (NYSE: ACM) said the \x93Audit Committee\x9d concluded that the previously issued financial statements should no longer be relied upon.\n",
    );
    let o = irview(&["--json", p.to_str().expect("path")], None);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert!(
        v["text"].as_str().is_some_and(|t| t.ends_with("should no longer be relied upon.")),
        "{v}"
    );
    assert!(
        v["flags"].as_array().is_some_and(|f| f.iter().any(|f| f["kind"] == "non_reliance")),
        "{v}"
    );
}
