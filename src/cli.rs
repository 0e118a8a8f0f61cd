//! Command-line interface (clap derive).

use clap::Parser;

/// Read investor-relations press releases fast: panels, highlighted facts, deadlines, red flags.
#[derive(Debug, Parser)]
#[command(name = "irview", version, about, long_about = None)]
pub struct Cli {
    /// Releases to open (plain text, HTML, EDGAR submission .txt, Markdown), or folders of them;
    /// `-` reads standard input. With none, the bundled reference release opens. Several files or
    /// a folder open the release list. Any bytes a file system allows (not only UTF-8).
    #[arg(value_parser = clap::value_parser!(std::path::PathBuf))]
    pub paths: Vec<std::path::PathBuf>,

    /// Print the parsed release as JSON and exit; for several files or a folder, one JSON object
    /// per line (JSON Lines), in path order.
    #[arg(long, conflicts_with_all = ["summary", "ics"])]
    pub json: bool,

    /// Print a plain-text digest and exit (also the default when stdout is not a terminal).
    #[arg(long, conflicts_with = "ics")]
    pub summary: bool,

    /// Print the deadlines of the releases as an iCalendar (RFC 5545) file and exit.
    #[arg(long)]
    pub ics: bool,

    /// Monochrome display (also with NO_COLOR set or TERM=dumb).
    #[arg(long)]
    pub no_color: bool,

    /// Print the default config file (theme, keys, highlight rules) and exit.
    #[arg(long)]
    pub print_config: bool,

    /// Largest input accepted, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = irview::library::input::DEFAULT_MAX_MIB)]
    pub max_size: u64,
}
