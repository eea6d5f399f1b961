//! Flat tables for spreadsheets and data frames: one row per entity mention or per
//! claim, as CSV or TSV (`newslens analyze --format csv --table entities|claims`).
//!
//! Every row starts with the document id and the row's index within its document
//! (the index of the mention in the JSON record's `entities`, or of the claim in
//! `claims`), then the span's byte and character offsets. A document whose record is
//! an error gets one row with only `id` and the `error` column filled, so a table
//! accounts for every input record. A document with no mention (or claim) has no row.
//!
//! CSV follows RFC 4180: a field holding a comma, a double quote, a CR or an LF is
//! quoted, with quotes doubled; files are UTF-8 without a byte-order mark (pandas'
//! default; in Excel, import as UTF-8). TSV has no quoting: tabs, CRs and LFs inside a
//! field become spaces, so every line is one row.

use crate::error::RecordError;
use crate::output::{ClaimOut, EntityOut, RecordRef, SpanOut};

/// Which table to write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Table {
    /// One row per entity mention.
    #[default]
    Entities,
    /// One row per claim.
    Claims,
}

/// How fields are separated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delimiter {
    /// Comma-separated, RFC 4180 quoting.
    Comma,
    /// Tab-separated, no quoting.
    Tab,
}

/// The entity table's columns.
pub const ENTITY_COLUMNS: &[&str] = &[
    "id",
    "index",
    "text",
    "start",
    "end",
    "char_start",
    "char_end",
    "type",
    "subtype",
    "canonical",
    "entity_id",
    "country",
    "found_by",
    "confidence",
    "possessive",
    "nested",
    "sentence",
    "sentiment",
    "sentiment_score",
    "roles",
    "error",
];

/// The claim table's columns. Speaker, cue, content and modality cue are given by
/// their text and character offsets.
pub const CLAIM_COLUMNS: &[&str] = &[
    "id",
    "index",
    "kind",
    "start",
    "end",
    "char_start",
    "char_end",
    "sentence",
    "score",
    "speaker",
    "speaker_entity",
    "speaker_char_start",
    "speaker_char_end",
    "cue",
    "cue_class",
    "cue_char_start",
    "cue_char_end",
    "content",
    "content_char_start",
    "content_char_end",
    "stance",
    "modality",
    "modality_cue",
    "error",
];

impl Table {
    /// The column names.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Entities => ENTITY_COLUMNS,
            Table::Claims => CLAIM_COLUMNS,
        }
    }
}

/// One row being written: fields are separated and escaped as they are pushed.
struct Row<'o> {
    out: &'o mut Vec<u8>,
    delim: Delimiter,
    first: bool,
}

impl<'o> Row<'o> {
    fn new(out: &'o mut Vec<u8>, delim: Delimiter) -> Row<'o> {
        Row {
            out,
            delim,
            first: true,
        }
    }

    fn sep(&mut self) {
        if !self.first {
            self.out.push(match self.delim {
                Delimiter::Comma => b',',
                Delimiter::Tab => b'\t',
            });
        }
        self.first = false;
    }

    fn text(&mut self, s: &str) {
        self.sep();
        match self.delim {
            Delimiter::Comma => {
                if s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
                    self.out.push(b'"');
                    for b in s.bytes() {
                        if b == b'"' {
                            self.out.push(b'"');
                        }
                        self.out.push(b);
                    }
                    self.out.push(b'"');
                } else {
                    self.out.extend_from_slice(s.as_bytes());
                }
            }
            Delimiter::Tab => {
                for b in s.bytes() {
                    self.out.push(if matches!(b, b'\t' | b'\n' | b'\r') {
                        b' '
                    } else {
                        b
                    });
                }
            }
        }
    }

    fn opt(&mut self, s: Option<&str>) {
        self.text(s.unwrap_or(""));
    }

    fn num(&mut self, n: usize) {
        self.sep();
        let mut buf = itoa::Buffer::new();
        self.out.extend_from_slice(buf.format(n).as_bytes());
    }

    /// `start`, `end`, `char_start`, `char_end` (four fields).
    fn offsets(&mut self, start: usize, end: usize, char_start: usize, char_end: usize) {
        for n in [start, end, char_start, char_end] {
            self.num(n);
        }
    }

    fn opt_num(&mut self, n: Option<usize>) {
        match n {
            Some(n) => self.num(n),
            None => self.sep(),
        }
    }

    fn float(&mut self, x: f32) {
        self.sep();
        if x.is_finite() {
            self.out.extend_from_slice(x.to_string().as_bytes());
        }
    }

    fn bool(&mut self, b: bool) {
        self.text(if b { "true" } else { "false" });
    }

    /// Text and character offsets of an optional span (three fields).
    fn span(&mut self, s: Option<&SpanOut>) {
        self.opt(s.map(|s| s.text));
        self.opt_num(s.map(|s| s.char_start));
        self.opt_num(s.map(|s| s.char_end));
    }

    fn empty(&mut self, n: usize) {
        for _ in 0..n {
            self.sep();
        }
    }

    fn end(self) {
        self.out.push(b'\n');
    }
}

/// Appends the header line of `table`.
pub fn header(table: Table, delim: Delimiter, out: &mut Vec<u8>) {
    let mut row = Row::new(out, delim);
    for c in table.columns() {
        row.text(c);
    }
    row.end();
}

fn entity_row(row: &mut Row, id: &str, index: usize, e: &EntityOut) {
    row.text(id);
    row.num(index);
    row.text(e.span.text);
    let s = &e.span;
    row.offsets(s.start, s.end, s.char_start, s.char_end);
    row.text(e.entity_type);
    row.text(e.subtype);
    row.text(e.canonical);
    row.text(e.entity_id);
    row.opt(e.country);
    row.text(e.found_by);
    row.float(e.confidence);
    row.bool(e.possessive);
    row.bool(e.nested);
    row.num(e.sentence);
    row.text(e.sentiment.label);
    row.float(e.sentiment.score);
    // Roles as `title (country, start-end)`, `; `-separated.
    let roles: Vec<String> = e
        .roles
        .iter()
        .map(|r| {
            format!(
                "{} ({}, {}-{})",
                r.title,
                r.country.unwrap_or(""),
                r.start.unwrap_or(""),
                r.end.unwrap_or("")
            )
        })
        .collect();
    row.text(&roles.join("; "));
    row.text("");
}

fn claim_row(row: &mut Row, id: &str, index: usize, c: &ClaimOut) {
    row.text(id);
    row.num(index);
    row.text(c.kind);
    row.offsets(c.start, c.end, c.char_start, c.char_end);
    row.num(c.sentence);
    row.float(c.score);
    let speaker = c.speaker.as_ref();
    row.opt(speaker.map(|s| s.span.text));
    row.opt_num(speaker.and_then(|s| s.entity));
    row.opt_num(speaker.map(|s| s.span.char_start));
    row.opt_num(speaker.map(|s| s.span.char_end));
    let cue = c.cue.as_ref();
    row.opt(cue.map(|s| s.span.text));
    row.opt(cue.and_then(|s| s.class));
    row.opt_num(cue.map(|s| s.span.char_start));
    row.opt_num(cue.map(|s| s.span.char_end));
    row.span(c.content.as_ref());
    row.text(c.stance);
    row.text(c.modality);
    row.opt(c.modality_cue.as_ref().map(|s| s.text));
    row.text("");
}

/// The rows of one document's `record` (id `id`) in `table`.
pub fn rows(record: &RecordRef, id: &str, table: Table, delim: Delimiter, out: &mut Vec<u8>) {
    match table {
        Table::Entities => {
            for (i, e) in record.entities.iter().enumerate() {
                let mut row = Row::new(out, delim);
                entity_row(&mut row, id, i, e);
                row.end();
            }
        }
        Table::Claims => {
            for (i, c) in record.claims.iter().enumerate() {
                let mut row = Row::new(out, delim);
                claim_row(&mut row, id, i, c);
                row.end();
            }
        }
    }
}

/// The row of a record that could not be analyzed: its id, empty cells, and the
/// error's message in the last column.
pub fn error_row(e: &RecordError, table: Table, delim: Delimiter, out: &mut Vec<u8>) {
    let mut row = Row::new(out, delim);
    row.opt(e.id.as_deref());
    row.empty(table.columns().len() - 2);
    row.text(&e.to_string());
    row.end();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(delim: Delimiter, fields: &[&str]) -> String {
        let mut out = Vec::new();
        let mut r = Row::new(&mut out, delim);
        for f in fields {
            r.text(f);
        }
        r.end();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(row(Delimiter::Comma, &["a", "b c", ""]), "a,b c,\n");
        assert_eq!(
            row(
                Delimiter::Comma,
                &["x,y", "say \"hi\"", "two\nlines", "cr\r"]
            ),
            "\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\"\n"
        );
        assert_eq!(row(Delimiter::Comma, &["Zürich’s"]), "Zürich’s\n");
    }

    #[test]
    fn tsv_keeps_one_line_per_row() {
        assert_eq!(
            row(Delimiter::Tab, &["a\tb", "c\nd\r", "e,\"f\""]),
            "a b\tc d \te,\"f\"\n"
        );
    }

    #[test]
    fn header_matches_columns() {
        let mut out = Vec::new();
        header(Table::Claims, Delimiter::Tab, &mut out);
        let line = String::from_utf8(out).unwrap();
        assert_eq!(
            line.trim_end().split('\t').collect::<Vec<_>>(),
            CLAIM_COLUMNS
        );
    }
}
