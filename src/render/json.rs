//! The JSON report (SPEC §6): pretty-printed, one trailing newline, field order fixed by the model.

use std::io::{self, Write};

use super::{Render, RenderOptions};
use crate::report::Report;

pub struct Json;

impl Render for Json {
    fn render(
        &self,
        report: &Report,
        _options: &RenderOptions,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        super::escape::write_json(out, report, true)?;
        writeln!(out)
    }
}
