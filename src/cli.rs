//! Command-line interface (clap derive).

use clap::Parser;

/// Read investor-relations press releases fast: panels, highlighted facts, deadlines, red flags.
#[derive(Debug, Parser)]
#[command(name = "irview", version, about, long_about = None)]
pub struct Cli {
    /// Release to open (plain text, HTML, EDGAR submission .txt, Markdown); `-` reads standard
    /// input. With none, the bundled reference release opens.
    pub path: Option<String>,

    /// Print the parsed release as JSON and exit.
    #[arg(long, conflicts_with = "summary")]
    pub json: bool,

    /// Print a plain-text digest and exit (also the default when stdout is not a terminal).
    #[arg(long)]
    pub summary: bool,

    /// Monochrome display (also with NO_COLOR set or TERM=dumb).
    #[arg(long)]
    pub no_color: bool,

    /// Largest input accepted, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = irview::input::DEFAULT_MAX_MIB)]
    pub max_size: u64,
}
