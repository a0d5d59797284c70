//! The CSV export's cell handling (`plenary::export::csv::neutralise` feeding the csv
//! writer exactly as `export::csv::write` does): whatever a participant writes, the
//! file parses back into the same cells, and no cell reaches a spreadsheet as a formula.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::export::csv::neutralise;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Cells separated by U+001F (unit separator), so the fuzzer controls how many.
    let cells: Vec<&str> = text.split('\u{1f}').collect();
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for cell in &cells {
        w.write_field(neutralise(cell).as_bytes()).unwrap();
    }
    w.write_record(None::<&[u8]>).unwrap();
    let bytes = w.into_inner().unwrap();

    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes.as_slice());
    let records: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    // One record, or none when the only cell was empty (an empty line).
    if records.is_empty() {
        assert!(cells.len() == 1 && cells[0].is_empty());
        return;
    }
    assert_eq!(records.len(), 1, "one row became {}", records.len());
    let back: Vec<&str> = records[0].iter().collect();
    assert_eq!(back.len(), cells.len());
    for (got, cell) in back.iter().zip(&cells) {
        assert_eq!(*got, neutralise(cell));
        assert!(
            !got.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{got:?} would run as a formula"
        );
    }
});
