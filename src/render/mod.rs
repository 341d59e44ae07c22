//! Renderers: one file per format, all reading the one [`Report`] model. Nothing here computes a
//! score; adding a format is one file, one [`ReportFormat`] arm and one snapshot test.

mod json;
mod table;

use std::io::{self, Write};

use crate::report::Report;

pub use table::{render_role_detail, render_roles_table, render_skills_table, score_bar};

/// Display settings every renderer may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    /// ANSI colour (only ever on a terminal, never with NO_COLOR, never in files).
    pub color: bool,
    /// Per-role detail: what matched, with its evidence.
    pub explain: bool,
    /// Width of the output in columns.
    pub width: u16,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            explain: false,
            width: 80,
        }
    }
}

/// A way of writing a report.
pub trait Render {
    fn render(
        &self,
        report: &Report,
        options: &RenderOptions,
        out: &mut dyn Write,
    ) -> io::Result<()>;
}

/// The formats `assess --format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// A table for the terminal.
    Table,
    /// The JSON report of SPEC §6 (schema_version 1).
    Json,
}

impl ReportFormat {
    pub fn renderer(self) -> Box<dyn Render> {
        match self {
            ReportFormat::Table => Box::new(table::Table),
            ReportFormat::Json => Box::new(json::Json),
        }
    }
}

/// Renders into a byte buffer (for atomic file output and tests).
pub fn to_bytes(
    format: ReportFormat,
    report: &Report,
    options: &RenderOptions,
) -> io::Result<Vec<u8>> {
    let mut buffer = Vec::new();
    format.renderer().render(report, options, &mut buffer)?;
    Ok(buffer)
}
