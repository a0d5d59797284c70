//! CSV (RFC 4180, UTF-8): the columns of SPEC §6 in order, one row per comment, oldest
//! first, with cells that a spreadsheet would run as a formula neutralised.

use std::borrow::Cow;
use std::io::Write;

use crate::db::Db;
use crate::export::{row, source, ExportError, Plan, COLUMNS};

/// Written first so that Excel reads the file as UTF-8 (docs/decisions/0003).
pub const BOM: &str = "\u{feff}";

pub fn write<W: Write>(db: &Db, plan: &Plan, mut out: W) -> Result<(), ExportError> {
    out.write_all(BOM.as_bytes())?;
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(COLUMNS)?;
    let paragraphs = plan.paragraph_index();
    source::each_page(db, &plan.scope, None, |page| {
        for c in &page {
            for cell in row(c, &paragraphs, &plan.next_labels) {
                w.write_field(neutralise(&cell).as_bytes())?;
            }
            w.write_record(None::<&[u8]>)?;
        }
        Ok(())
    })?;
    w.flush()?;
    Ok(())
}

/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed
/// with `'`, so that a spreadsheet shows it as text instead of running it as a formula
/// (CSV injection; OWASP's recommendation).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formula_starts_are_neutralised_and_other_text_is_kept() {
        for bad in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        for fine in ["Hello", " =1", "مرحبا", "你好", ""] {
            assert_eq!(neutralise(fine), fine);
        }
    }
}
