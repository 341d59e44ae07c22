//! Batch reports as JSON: JSON Lines (one compact SPEC §6 report per line, the format for
//! distributed engines and `jq`) and a JSON array of the same reports.

use std::io::{self, Write};

use super::{BatchContext, BatchRecord, BatchRender, BatchSummary};

/// One report per line.
pub struct JsonLines;

impl BatchRender for JsonLines {
    fn header(&self, _context: &BatchContext, _out: &mut Vec<u8>) -> io::Result<()> {
        Ok(())
    }

    fn record(
        &self,
        record: BatchRecord<'_>,
        _context: &BatchContext,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        super::escape::write_json(out, record.report, false)?;
        out.push(b'\n');
        Ok(())
    }
}

/// `[`, the reports one per line separated by commas, `]`.
pub struct JsonArray;

impl BatchRender for JsonArray {
    fn header(&self, _context: &BatchContext, out: &mut Vec<u8>) -> io::Result<()> {
        out.write_all(b"[")
    }

    fn record(
        &self,
        record: BatchRecord<'_>,
        _context: &BatchContext,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        out.push(b'\n');
        super::escape::write_json(out, record.report, false)?;
        Ok(())
    }

    fn separator(&self) -> &'static [u8] {
        b","
    }

    fn footer(
        &self,
        _summary: &BatchSummary,
        _context: &BatchContext,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        out.write_all(b"\n]\n")
    }
}
