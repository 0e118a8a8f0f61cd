//! The config file, `$XDG_CONFIG_HOME/irview/config.json` (default `~/.config/irview/`): theme,
//! key bindings and extra highlight rules. A bad file is reported with its path, line and key,
//! and irview starts with the defaults instead of refusing to run.

use crate::tui::keymap::{self, ACTION_NAMES, Binding, Mode};
use ratatui::style::{Color, Modifier, Style};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    #[default]
    Auto,
    Dark,
    Light,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HighlightRule {
    /// A regular expression (Rust `regex` syntax).
    pub pattern: String,
    /// Words: bold, italic, underline, reverse, a colour, "on" and a background colour.
    pub style: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    #[serde(default)]
    pub theme: ThemeChoice,
    /// Action name -> keys, replacing that action's keys in the viewer.
    #[serde(default)]
    pub keys: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub highlights: Vec<HighlightRule>,
    /// Who irview says it is to EDGAR and the wires: a name and a contact e-mail
    /// (`IRVIEW_USER_AGENT` overrides it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
    /// Feeds that `irview feeds` lists (RSS, Atom or JSON Feed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feeds: Vec<crate::library::feeds::FeedSource>,
    /// Seconds between looks at a watched feed (`irview feeds`, `irview edgar --latest`) while
    /// its list is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poll_secs: Option<u64>,
}

/// The config in force.
#[derive(Debug, Clone)]
pub struct Config {
    pub theme: ThemeChoice,
    pub bindings: Option<Vec<Binding>>,
    pub highlights: Vec<(Regex, Style)>,
    pub user_agent: Option<String>,
    pub feeds: Vec<crate::library::feeds::FeedSource>,
    /// Seconds between looks at a watched feed.
    pub poll_secs: u64,
}

/// How often a watched feed is looked at when the config does not say: five minutes.
pub const DEFAULT_POLL_SECS: u64 = 300;

impl Default for Config {
    fn default() -> Config {
        Config {
            theme: ThemeChoice::default(),
            bindings: None,
            highlights: Vec::new(),
            user_agent: None,
            feeds: Vec::new(),
            poll_secs: DEFAULT_POLL_SECS,
        }
    }
}

static ACTIVE: std::sync::OnceLock<Config> = std::sync::OnceLock::new();

/// Put a config in force for the session (its key bindings go to the keymap).
pub fn install(config: Config) {
    if let Some(b) = config.bindings.clone() {
        keymap::install(b);
    }
    let _ = ACTIVE.set(config);
}

/// The config in force (the defaults before `install`).
pub fn active() -> &'static Config {
    static DEFAULT: std::sync::OnceLock<Config> = std::sync::OnceLock::new();
    ACTIVE.get().unwrap_or_else(|| DEFAULT.get_or_init(Config::default))
}

/// `$XDG_CONFIG_HOME/irview/config.json`, else `~/.config/irview/config.json`.
pub fn path() -> Option<PathBuf> {
    Some(crate::library::dirs::xdg("XDG_CONFIG_HOME", ".config")?.join("config.json"))
}

fn color(name: &str) -> Option<Color> {
    Some(match name {
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "white" => Color::White,
        "gray" | "grey" => Color::Gray,
        "lightred" => Color::LightRed,
        "lightgreen" => Color::LightGreen,
        "lightyellow" => Color::LightYellow,
        "lightblue" => Color::LightBlue,
        "lightmagenta" => Color::LightMagenta,
        "lightcyan" => Color::LightCyan,
        _ => return None,
    })
}

/// "bold yellow on blue" -> a style.
pub fn parse_style(s: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut words = s.split_whitespace().map(str::to_ascii_lowercase);
    while let Some(w) = words.next() {
        style = match w.as_str() {
            "bold" => style.add_modifier(Modifier::BOLD),
            "italic" => style.add_modifier(Modifier::ITALIC),
            "underline" | "underlined" => style.add_modifier(Modifier::UNDERLINED),
            "reverse" | "reversed" => style.add_modifier(Modifier::REVERSED),
            "dim" => style.add_modifier(Modifier::DIM),
            "on" => {
                let bg = words.next().ok_or("\"on\" needs a colour")?;
                style.bg(color(&bg).ok_or(format!("unknown colour \"{bg}\""))?)
            }
            c => style.fg(color(c).ok_or(format!("unknown style word \"{c}\""))?),
        };
    }
    Ok(style)
}

/// Line (1-based) of the first occurrence of `needle` in the file, for messages.
fn line_of(text: &str, needle: &str) -> usize {
    text.find(needle).map_or(1, |p| text[..p].matches('\n').count() + 1)
}

/// Check a parsed file and build the config; the first problem is returned as a message.
fn build(file: ConfigFile, text: &str) -> Result<Config, String> {
    let mut changes: Vec<keymap::Rebinding> = Vec::new();
    for (name, keys) in &file.keys {
        let at = line_of(text, &format!("\"{name}\""));
        let Some(&(_, action)) = ACTION_NAMES.iter().find(|(n, _)| n == name) else {
            return Err(format!(
                "line {at}: key \"keys.{name}\": no such action (see irview --print-config)"
            ));
        };
        let mut parsed = Vec::new();
        for k in keys {
            let Some((code, mods)) = keymap::parse_key(k) else {
                return Err(format!("line {at}: key \"keys.{name}\": cannot read the key \"{k}\""));
            };
            parsed.push((code, mods, &*Box::leak(k.clone().into_boxed_str())));
        }
        changes.push((action, parsed));
    }
    let mut highlights = Vec::new();
    for (i, rule) in file.highlights.iter().enumerate() {
        let at = line_of(text, &rule.pattern);
        let re = Regex::new(&rule.pattern).map_err(|e| {
            format!(
                "line {at}: key \"highlights[{i}].pattern\": {}",
                e.to_string().lines().last().unwrap_or("bad pattern")
            )
        })?;
        let style =
            parse_style(&rule.style).map_err(|e| format!("line {}: key \"highlights[{i}].style\": {e}", line_of(text, &rule.style)))?;
        highlights.push((re, style));
    }
    if let Some(ua) = &file.user_agent {
        if !crate::library::fetch::valid_user_agent(ua.trim()) {
            return Err(format!(
                "line {}: key \"user_agent\": give a name and a contact e-mail in printable ASCII",
                line_of(text, "\"user_agent\"")
            ));
        }
    }
    for (i, f) in file.feeds.iter().enumerate() {
        if !crate::library::fetch::is_url(&f.url) {
            return Err(format!(
                "line {}: key \"feeds[{i}].url\": not an http(s) address",
                line_of(text, &f.url)
            ));
        }
    }
    if file.poll_secs == Some(0) {
        return Err(format!(
            "line {}: key \"poll_secs\": give a number of seconds, at least 1",
            line_of(text, "\"poll_secs\"")
        ));
    }
    let bindings = (!changes.is_empty()).then(|| keymap::with_changes(&changes));
    Ok(Config {
        theme: file.theme,
        bindings,
        highlights,
        user_agent: file.user_agent.map(|u| u.trim().to_string()),
        feeds: file.feeds,
        poll_secs: file.poll_secs.unwrap_or(DEFAULT_POLL_SECS),
    })
}

/// Read a config file. A missing file is the defaults; a bad one is the defaults plus a message
/// naming the file, the line and the key. Only a regular file is opened (a FIFO or a device
/// would block every start); a file that is not UTF-8 is reported, not ignored. A config that
/// leaves an action with no key is put in force and reported (Ctrl-C quits whatever it says).
pub fn load(path: &Path) -> (Config, Option<String>) {
    let shown = crate::display_safe(&path.to_string_lossy());
    let defaults = |why: String| (Config::default(), Some(format!("{shown}: {why}; using the defaults")));
    let meta = match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Config::default(), None),
        Err(e) => return defaults(format!("cannot read: {}", crate::display_safe(&e.to_string()))),
        Ok(m) => m,
    };
    if !meta.is_file() {
        return defaults("not a regular file".into());
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return defaults(format!("cannot read: {}", crate::display_safe(&e.to_string()))),
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return defaults("not UTF-8 text".into());
    };
    match serde_json::from_str::<ConfigFile>(&text) {
        Err(e) => defaults(format!("line {}: {}", e.line(), crate::display_safe(&e.to_string()))),
        Ok(file) => {
            let keyless: Vec<String> = file
                .keys
                .iter()
                .filter(|(_, keys)| keys.is_empty())
                .map(|(name, _)| {
                    let also = if name == "quit" { " (Ctrl-C still quits)" } else { "" };
                    format!(
                        "line {}: key \"keys.{}\": no key left for this action{also}",
                        line_of(&text, &format!("\"{name}\"")),
                        crate::display_safe(name)
                    )
                })
                .collect();
            match build(file, &text) {
                Ok(c) => (c, (!keyless.is_empty()).then(|| format!("{shown}: {}", keyless.join("; ")))),
                Err(e) => defaults(crate::display_safe(&e)),
            }
        }
    }
}

/// The defaults, as a file to start from (`irview --print-config`).
pub fn defaults_json() -> String {
    let mut keys: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, action) in ACTION_NAMES {
        let mut ks: Vec<String> = Vec::new();
        // a key bound with and without Shift ("?") is one key to a person
        for b in keymap::BINDINGS.iter().filter(|b| b.mode == Mode::Normal && b.action == *action) {
            if !ks.iter().any(|k| k == b.keys) {
                ks.push(b.keys.to_string());
            }
        }
        keys.insert(name.to_string(), ks);
    }
    let file = ConfigFile {
        theme: ThemeChoice::Auto,
        keys,
        highlights: vec![HighlightRule {
            pattern: r"(?i)\bguidance\b".into(),
            style: "bold yellow".into(),
        }],
        user_agent: None,
        feeds: vec![crate::library::feeds::FeedSource {
            name: "EDGAR latest 8-K".into(),
            url: crate::library::edgar::latest_url(crate::library::fetch::DEFAULT_EDGAR_URL, "8-K"),
        }],
        poll_secs: Some(DEFAULT_POLL_SECS),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Is the terminal's background light? From `COLORFGBG` ("15;0" is dark, "0;15" light).
pub fn light_background() -> bool {
    std::env::var("COLORFGBG")
        .ok()
        .and_then(|v| v.rsplit(';').next().and_then(|b| b.parse::<u8>().ok()))
        .is_some_and(|bg| bg == 7 || bg >= 9)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(name: &str, text: &str) -> PathBuf {
        let p = std::env::temp_dir().join(format!("irview-config-{}-{name}.json", std::process::id()));
        std::fs::write(&p, text).expect("write");
        p
    }

    #[test]
    fn defaults_round_trip() {
        let p = write("defaults", &defaults_json());
        let (c, warn) = load(&p);
        assert!(warn.is_none(), "{warn:?}");
        assert_eq!(c.highlights.len(), 1);
        assert!(c.bindings.is_some());
        assert_eq!(c.poll_secs, DEFAULT_POLL_SECS);
        let p = write("poll", "{ \"poll_secs\": 2 }");
        assert_eq!(load(&p).0.poll_secs, 2, "a short interval, as a test sets");
    }

    #[test]
    fn defaults_list_each_key_once() {
        let file: serde_json::Value = serde_json::from_str(&defaults_json()).expect("json");
        for (name, keys) in file["keys"].as_object().expect("keys") {
            let keys: Vec<&str> = keys.as_array().expect("list").iter().filter_map(|k| k.as_str()).collect();
            let mut seen = std::collections::HashSet::new();
            assert!(keys.iter().all(|k| seen.insert(*k)), "{name} lists a key twice: {keys:?}");
            assert!(!keys.is_empty(), "{name} has no key");
        }
    }

    #[test]
    fn bad_files_name_the_line_and_key_and_fall_back() {
        let cases = [
            ("{\n  \"theme\": \"dark\",\n  \"thme\": 1\n}", "line 3", "thme"),
            ("{\n  \"keys\": {\n    \"quitt\": [\"x\"]\n  }\n}", "line 3", "keys.quitt"),
            ("{\n  \"keys\": { \"quit\": [\"Ctl-X\"] }\n}", "line 2", "Ctl-X"),
            (
                "{\n \"highlights\": [\n  {\"pattern\": \"(\", \"style\": \"bold\"}\n ]\n}",
                "line 3",
                "highlights[0].pattern",
            ),
            (
                "{\n \"highlights\": [\n  {\"pattern\": \"x\", \"style\": \"blinky\"}\n ]\n}",
                "line 3",
                "highlights[0].style",
            ),
            ("{ not json", "line 1", "config"),
            ("{\n \"user_agent\": \"irview\"\n}", "line 2", "user_agent"),
            ("{\n \"theme\": \"dark\",\n \"poll_secs\": 0\n}", "line 3", "poll_secs"),
            (
                "{\n \"feeds\": [\n  {\"name\": \"w\", \"url\": \"file:///etc/passwd\"}\n ]\n}",
                "line 3",
                "feeds[0].url",
            ),
        ];
        for (i, (text, line, key)) in cases.iter().enumerate() {
            let p = write(&format!("bad{i}"), text);
            let (c, warn) = load(&p);
            let warn = warn.unwrap_or_else(|| panic!("no warning for {text}"));
            assert!(
                warn.contains(&*p.to_string_lossy()) && warn.contains(line) && warn.contains(key),
                "{warn}"
            );
            assert!(c.bindings.is_none() && c.highlights.is_empty(), "defaults after a bad file");
        }
    }

    #[test]
    fn an_action_left_without_keys_is_reported_and_ctrl_c_still_quits() {
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let p = write("keyless", "{\n  \"keys\": {\n    \"quit\": []\n  }\n}");
        let (c, warn) = load(&p);
        let warn = warn.expect("a warning");
        assert!(
            warn.contains("line 3") && warn.contains("keys.quit") && warn.contains("Ctrl-C still quits"),
            "{warn}"
        );
        let table = c.bindings.expect("the rest of the config is in force");
        assert!(
            !table
                .iter()
                .any(|b| b.mode == Mode::Normal && b.action == crate::tui::action::Action::Quit)
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in [Mode::Normal, Mode::Search, Mode::Help, Mode::Filter] {
            assert_eq!(
                keymap::resolve_in(&table, &ctrl_c, mode),
                Some(crate::tui::action::Action::Quit),
                "{mode:?}"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_utf8_files_are_read() {
        let p = std::env::temp_dir().join(format!("irview-config-{}-fifo.json", std::process::id()));
        let _ = std::fs::remove_file(&p);
        let made = std::process::Command::new("mkfifo").arg(&p).status().is_ok_and(|s| s.success());
        if made {
            // would block forever if opened
            let (c, warn) = load(&p);
            assert!(warn.is_some_and(|w| w.contains("not a regular file")) && c.bindings.is_none());
            let _ = std::fs::remove_file(&p);
        }
        let p = std::env::temp_dir().join(format!("irview-config-{}-latin1.json", std::process::id()));
        std::fs::write(&p, b"{\"theme\": \"dark\xe9\"}").expect("write");
        let (_, warn) = load(&p);
        assert!(warn.is_some_and(|w| w.contains("not UTF-8")));
        let _ = std::fs::remove_file(&p);
    }

    #[test]
    fn styles() {
        assert_eq!(
            parse_style("bold yellow on blue"),
            Ok(Style::new().add_modifier(Modifier::BOLD).fg(Color::Yellow).bg(Color::Blue))
        );
        assert!(parse_style("on").is_err());
    }
}
