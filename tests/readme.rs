//! The README's key table lists every binding of the keymap, so the two cannot drift apart.

use irview::tui::keymap::{BINDINGS, Mode};

#[test]
fn readme_lists_every_normal_mode_binding() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let table = readme
        .split("### Keys")
        .nth(1)
        .expect("a Keys section")
        .split("\n## ")
        .next()
        .unwrap_or("");
    for b in BINDINGS.iter().filter(|b| b.mode == Mode::Normal) {
        assert!(
            table.contains(&format!("`{}`", b.keys)),
            "README key table lacks `{}` ({})",
            b.keys,
            b.help
        );
    }
}
