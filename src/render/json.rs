//! JSON, for every command that offers it: the report (SPEC §6), a comparison, profiles and catalog
//! entries. Pretty-printed, one trailing newline, field order fixed by the model; characters a
//! terminal would act on are written as `\u` escapes ([`super::escape::write_json`]).

use std::io::{self, Write};

use super::{Render, RenderOptions};

pub struct Json;

impl<D: serde::Serialize + ?Sized> Render<D> for Json {
    fn render(
        &self,
        document: &D,
        _options: &RenderOptions,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        super::escape::write_json(out, document, true)?;
        writeln!(out)
    }
}
