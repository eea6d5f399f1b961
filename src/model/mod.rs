//! The one format of the fitted models, and its loader.
//!
//! Every fitted artifact is a UTF-8 TSV file under `models/` (see `models/README.md`),
//! embedded with `include_str!` and read through [`ModelFile`]:
//!
//! ```text
//! # model: checkworthy
//! # what: check-worthiness of a sentence, a logistic regression
//! # trained on: CheckThat! 2019 train
//! # script: python3 scripts/train/fit_checkworthy.py ...
//! # figure: leave-one-debate-out MAP 0.205
//! feature<TAB>weight
//! bias<TAB>-2.3
//! ```
//!
//! A header of `# key: value` lines (at least [`REQUIRED`]; other `#` lines are
//! comments), then a line naming the columns, then one row per line. Empty lines and
//! lines starting with `#` among the rows are skipped. Numbers are read with
//! [`parse_f32`], which gives the `f32` that `str::parse` (and a Rust literal with
//! the same digits) gives.

pub(crate) mod cue;

use crate::error::LexiconError;
pub(crate) use crate::lexicon::parse_f32;
use crate::lexicon::split_byte;

/// The header keys every model file has.
pub(crate) const REQUIRED: [&str; 5] = ["model", "what", "trained on", "script", "figure"];

/// A parsed model file: its header and its rows, borrowed from the text.
#[derive(Clone, Debug)]
pub(crate) struct ModelFile<'t> {
    /// The file's name, for errors.
    name: String,
    /// The `# key: value` lines of the header, in order.
    meta: Vec<(&'t str, &'t str)>,
    /// The column names.
    pub(crate) columns: Vec<&'t str>,
    /// The text after the column line.
    body: &'t str,
    /// The line number of the body's first line (1-based).
    body_line: usize,
}

/// One row of a model file.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Row<'t> {
    /// Its line number (1-based), for errors.
    pub(crate) line: usize,
    /// The line, without its line break.
    pub(crate) text: &'t str,
}

/// `str::trim`, with a fast path for a field that starts and ends with a printable
/// ASCII character.
#[inline]
fn trim(s: &str) -> &str {
    let printable = |b: &u8| (b'!'..0x80).contains(b);
    let b = s.as_bytes();
    if b.first().is_some_and(printable) && b.last().is_some_and(printable) {
        s
    } else {
        s.trim()
    }
}

impl<'t> ModelFile<'t> {
    /// Parses the header and the column line of `text` (named `name` in errors); the
    /// rows are read by [`ModelFile::rows`].
    pub(crate) fn parse(name: &str, text: &'t str) -> Result<ModelFile<'t>, LexiconError> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut meta = Vec::new();
        let mut rest = text;
        let mut line = 0;
        let columns = loop {
            line += 1;
            if rest.is_empty() {
                return Err(LexiconError::at(name, line, "no column line"));
            }
            let (l, after) = match memchr::memchr(b'\n', rest.as_bytes()) {
                Some(i) => (&rest[..i], &rest[i + 1..]),
                None => (rest, ""),
            };
            rest = after;
            let l = l.strip_suffix('\r').unwrap_or(l);
            if let Some(c) = l.strip_prefix('#') {
                if let Some((k, v)) = c.split_once(':') {
                    let k = k.trim();
                    if !k.is_empty() && !k.contains(['\t', '=']) {
                        meta.push((k, v.trim()));
                    }
                }
                continue;
            }
            if l.trim().is_empty() {
                continue;
            }
            break split_byte(l, b'\t').map(trim).collect::<Vec<_>>();
        };
        for key in REQUIRED {
            if !meta.iter().any(|&(k, _)| k == key) {
                return Err(LexiconError::at(
                    name,
                    line,
                    format!("the header lacks `# {key}: ...` (every model file has {REQUIRED:?})"),
                ));
            }
        }
        if let Some(i) = (1..columns.len()).find(|&i| columns[..i].contains(&columns[i])) {
            return Err(LexiconError::at(
                name,
                line,
                format!("column `{}` appears twice", columns[i]),
            ));
        }
        Ok(ModelFile {
            name: name.to_string(),
            meta,
            columns,
            body: rest,
            body_line: line + 1,
        })
    }

    /// The value of a header key.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn get(&self, key: &str) -> Option<&'t str> {
        self.meta.iter().find(|&&(k, _)| k == key).map(|&(_, v)| v)
    }

    /// Fails unless the columns are exactly `want`, in order.
    pub(crate) fn expect_columns(&self, want: &[&str]) -> Result<(), LexiconError> {
        if self.columns != want {
            return Err(LexiconError::at(
                &self.name,
                self.body_line - 1,
                format!(
                    "expected the columns {}, found {}",
                    want.join(", "),
                    self.columns.join(", ")
                ),
            ));
        }
        Ok(())
    }

    /// An upper bound of the number of rows (for reserving).
    pub(crate) fn max_rows(&self) -> usize {
        memchr::memchr_iter(b'\n', self.body.as_bytes()).count() + 1
    }

    /// The rows: every line after the column line that is neither empty nor a `#`
    /// comment.
    pub(crate) fn rows(&self) -> impl Iterator<Item = Row<'t>> + 't {
        let first = self.body_line;
        split_byte(self.body, b'\n')
            .enumerate()
            .filter_map(move |(i, l)| {
                let l = l.strip_suffix('\r').unwrap_or(l);
                (!l.is_empty() && !l.starts_with('#')).then_some(Row {
                    line: first + i,
                    text: l,
                })
            })
    }

    /// An error at a row.
    pub(crate) fn error(&self, row: Row<'_>, message: impl Into<String>) -> LexiconError {
        LexiconError::at(&self.name, row.line, message)
    }

    /// The `N` trimmed fields of a row, or an error when it has another number.
    #[inline]
    pub(crate) fn fields<const N: usize>(
        &self,
        row: Row<'t>,
    ) -> Result<[&'t str; N], LexiconError> {
        let mut out = [""; N];
        let mut n = 0;
        for f in split_byte(row.text, b'\t') {
            if n < N {
                out[n] = trim(f);
            }
            n += 1;
        }
        if n != N {
            return Err(self.error(row, format!("expected {N} tab-separated fields, found {n}")));
        }
        Ok(out)
    }

    /// A finite number, or an error naming the row.
    #[inline]
    pub(crate) fn number(&self, row: Row<'_>, field: &str) -> Result<f32, LexiconError> {
        match parse_f32(field) {
            Some(x) if x.is_finite() => Ok(x),
            _ => Err(self.error(row, format!("`{field}` is not a finite number"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str =
        "# model: m\n# what: w\n# trained on: t\n# script: s\n# figure: not measured\n";

    #[test]
    fn reads_header_columns_and_rows() {
        let text = format!("{HEAD}# a comment\n\nfeature\tweight\n\na\t1.5\n# skipped\nb\t-2\n");
        let m = ModelFile::parse("t.tsv", &text).unwrap();
        assert_eq!(m.get("model"), Some("m"));
        assert_eq!(m.get("figure"), Some("not measured"));
        assert_eq!(m.columns, ["feature", "weight"]);
        let rows: Vec<_> = m.rows().map(|r| (r.line, r.text)).collect();
        assert_eq!(rows, [(10, "a\t1.5"), (12, "b\t-2")]);
        let r = m.rows().next().unwrap();
        let [f, w] = m.fields(r).unwrap();
        assert_eq!((f, m.number(r, w).unwrap()), ("a", 1.5));
    }

    #[test]
    fn bundled_models_have_the_header() {
        let models = [
            ("mentions", include_str!("../../models/mentions.tsv")),
            ("cue_model", include_str!("../../models/cue_model.tsv")),
            ("sentiment", include_str!("../../models/sentiment.tsv")),
            ("checkworthy", include_str!("../../models/checkworthy.tsv")),
            ("confidence", include_str!("../../models/confidence.tsv")),
        ];
        for (name, text) in models {
            let m = ModelFile::parse(name, text).unwrap();
            assert_eq!(m.get("model"), Some(name));
            for key in REQUIRED {
                assert!(!m.get(key).unwrap_or("").is_empty(), "{name}: {key}");
            }
            assert!(
                m.get("script").unwrap().contains("scripts/train/"),
                "{name}"
            );
        }
    }

    #[test]
    fn errors_name_file_line_and_cause() {
        let e = |text: &str| ModelFile::parse("t.tsv", text).unwrap_err().to_string();
        assert!(e("").contains("no column line"));
        assert!(e("# model: m\nfeature\tweight\n").contains("`# what: ...`"));
        assert!(e(&format!("{HEAD}a\ta\n")).contains("twice"));
        let text = format!("{HEAD}feature\tweight\na\t1\t2\nb\tx\n");
        let m = ModelFile::parse("t.tsv", &text).unwrap();
        let rows: Vec<_> = m.rows().collect();
        let err = m.fields::<2>(rows[0]).unwrap_err().to_string();
        assert!(
            err.starts_with("t.tsv:7:") && err.contains("found 3"),
            "{err}"
        );
        let [_, x] = m.fields::<2>(rows[1]).unwrap();
        let err = m.number(rows[1], x).unwrap_err().to_string();
        assert!(err.starts_with("t.tsv:8:") && err.contains("`x`"), "{err}");
        assert!(m.expect_columns(&["feature", "w"]).is_err());
        assert!(m.expect_columns(&["feature", "weight"]).is_ok());
    }
}
