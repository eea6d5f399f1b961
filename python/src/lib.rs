//! The `newslens._newslens` extension module: the Rust side of the Python package.
//!
//! Every record is made by the same code as the CLI's (`newslens::batch::read_text`,
//! `parse_jsonl_line` and `render`), so a record is byte-identical to the line
//! `newslens analyze` prints for the same input. The Python side (`newslens/__init__.py`)
//! turns the JSON into dicts and holds the docstrings users read.

use std::path::PathBuf;

use newslens::batch::{self, Item, Options, RecordError};
use newslens::{Analyzer, LexiconError};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyTuple};
use rayon::prelude::*;

/// The Python exception class `name` of `newslens._errors` with `message`, its
/// attributes set by `attrs`.
fn raise(
    py: Python<'_>,
    name: &str,
    message: &str,
    attrs: impl FnOnce(&Bound<'_, PyAny>) -> PyResult<()>,
) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let class = py.import("newslens._errors")?.getattr(name)?;
        let exc = class.call1((message,))?;
        attrs(&exc)?;
        Ok(PyErr::from_value(exc))
    };
    build().unwrap_or_else(|e| e)
}

fn lexicon_error(py: Python<'_>, e: &LexiconError) -> PyErr {
    // An unreadable file is an OSError too (errno set); a bad line a ValueError.
    let errno = std::error::Error::source(e)
        .and_then(|s| s.downcast_ref::<std::io::Error>())
        .map(|io| io.raw_os_error());
    let class = if errno.is_some() {
        "LexiconFileError"
    } else {
        "LexiconError"
    };
    raise(py, class, &e.to_string(), |exc| {
        exc.setattr("path", e.file())?;
        exc.setattr("lineno", e.line())?;
        exc.setattr("field", e.field())?;
        if let Some(errno) = errno {
            exc.setattr("errno", errno)?;
        }
        Ok(())
    })
}

fn record_error(py: Python<'_>, e: &RecordError) -> PyErr {
    raise(py, "RecordError", &e.to_string(), |exc| {
        exc.setattr("kind", e.kind.as_str())?;
        exc.setattr("id", e.id.as_deref())?;
        exc.setattr("file", e.file.as_deref())?;
        exc.setattr("line", e.line)
    })
}

/// A text from Python: `str` (lone surrogates refused, or replaced when `lossy`) or
/// `bytes` (read as the CLI reads a file: a byte-order mark dropped, invalid UTF-8
/// refused or replaced).
fn text_item(text: &Bound<'_, PyAny>, id: &str, opts: &Options) -> PyResult<Item> {
    if let Ok(b) = text.cast::<PyBytes>() {
        return Ok(batch::read_text(b.as_bytes(), id, opts));
    }
    let s = text.cast::<PyString>().map_err(|_| {
        PyTypeError::new_err(format!(
            "text must be str or bytes, not {}",
            text.get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default()
        ))
    })?;
    let (s, repaired) = match s.to_cow() {
        Ok(s) => (s, false),
        Err(_) if opts.lossy => (s.to_string_lossy(), true),
        Err(e) => return Err(e),
    };
    let mut item = batch::read_text(s.as_bytes(), id, opts);
    if let (Item::Doc(d), true) = (&mut item, repaired) {
        // Lone surrogates replaced: the record says its offsets are the repaired text's.
        d.warnings.push(batch::Warning::repaired_utf8());
    }
    Ok(item)
}

fn render_one(analyzer: &Analyzer, item: &Item) -> String {
    let mut buf = Vec::with_capacity(4096);
    batch::render(analyzer, item, false, &mut buf);
    if buf.last() == Some(&b'\n') {
        buf.pop();
    }
    // serde_json writes UTF-8.
    String::from_utf8(buf).unwrap_or_default()
}

/// The analyzer behind `newslens.Analyzer`; see the Python class for the docs.
#[pyclass(frozen, module = "newslens._newslens", name = "_Analyzer")]
struct PyAnalyzer {
    analyzer: Analyzer,
    opts: Options,
}

impl PyAnalyzer {
    /// Renders `items` in parallel (rayon's global pool, or `threads` workers), in
    /// order, without the GIL. With `raise_errors`, the first error item (in input
    /// order) is raised before anything is analyzed.
    fn render_items(
        &self,
        py: Python<'_>,
        items: Vec<Item>,
        threads: Option<usize>,
        raise_errors: bool,
    ) -> PyResult<Vec<String>> {
        if raise_errors {
            if let Some(e) = items.iter().find_map(|i| match i {
                Item::Error(e) => Some(e),
                Item::Doc(_) => None,
            }) {
                return Err(record_error(py, e));
            }
        }
        let pool = match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(1) | None => None,
            Some(n) => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| PyValueError::new_err(format!("starting worker threads: {e}")))?,
            ),
        };
        let sequential = threads == Some(1);
        let analyzer = &self.analyzer;
        Ok(py.detach(|| {
            let work = || -> Vec<String> {
                items
                    .par_iter()
                    .map(|item| render_one(analyzer, item))
                    .collect()
            };
            if sequential {
                items
                    .iter()
                    .map(|item| render_one(analyzer, item))
                    .collect()
            } else if let Some(p) = &pool {
                p.install(work)
            } else {
                work()
            }
        }))
    }
}

#[pymethods]
impl PyAnalyzer {
    #[new]
    #[pyo3(signature = (lexicons, default_lexicons, max_bytes, lossy, lexicon_only=false, force_aliases=false))]
    fn new(
        py: Python<'_>,
        lexicons: Vec<PathBuf>,
        default_lexicons: bool,
        max_bytes: usize,
        lossy: bool,
        lexicon_only: bool,
        force_aliases: bool,
    ) -> PyResult<Self> {
        let built = py.detach(|| {
            let mut b = Analyzer::builder()
                .default_lexicons(default_lexicons)
                .lexicon_only(lexicon_only)
                .force_aliases(force_aliases);
            for p in lexicons {
                b = b.lexicon_file(p);
            }
            b.build()
        });
        let analyzer = built.map_err(|e| lexicon_error(py, &e))?;
        Ok(PyAnalyzer {
            analyzer,
            opts: Options {
                max_bytes,
                lossy,
                ..Options::default()
            },
        })
    }

    /// One text to one JSON record (str); raises RecordError for a text the CLI
    /// would turn into an error record.
    #[pyo3(signature = (text, id, title=None, date=None))]
    fn analyze_json(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        id: &str,
        title: Option<String>,
        date: Option<String>,
    ) -> PyResult<String> {
        let mut item = text_item(text, id, &self.opts)?;
        match &mut item {
            Item::Error(e) => return Err(record_error(py, e)),
            Item::Doc(d) => {
                d.title = title;
                d.date = date;
            }
        }
        let analyzer = &self.analyzer;
        Ok(py.detach(|| render_one(analyzer, &item)))
    }

    /// Many inputs to JSON records, in order. Each input is an `(id, text)` tuple
    /// (a plain-text article) or a `str` holding one JSON Lines record, whose line
    /// number is its 1-based position in `inputs`.
    #[pyo3(signature = (inputs, threads=None, raise_errors=true))]
    fn analyze_many_json(
        &self,
        py: Python<'_>,
        inputs: Vec<Bound<'_, PyAny>>,
        threads: Option<usize>,
        raise_errors: bool,
    ) -> PyResult<Vec<String>> {
        let mut items = Vec::with_capacity(inputs.len());
        for (i, input) in inputs.iter().enumerate() {
            let line_no = i as u64 + 1;
            if let Ok(t) = input.cast::<PyTuple>() {
                if t.len() != 2 {
                    return Err(PyTypeError::new_err(format!(
                        "item {i}: a tuple must be (id, text)"
                    )));
                }
                let id: String = t.get_item(0)?.extract()?;
                items.push(text_item(&t.get_item(1)?, &id, &self.opts)?);
            } else if let Ok(b) = input.cast::<PyBytes>() {
                items.push(batch::parse_jsonl_line(b.as_bytes(), line_no, &self.opts));
            } else if let Ok(s) = input.cast::<PyString>() {
                let s = if self.opts.lossy {
                    s.to_string_lossy()
                } else {
                    s.to_cow()?
                };
                items.push(batch::parse_jsonl_line(s.as_bytes(), line_no, &self.opts));
            } else {
                return Err(PyTypeError::new_err(format!(
                    "item {i}: expected an (id, text) tuple or a JSON Lines record"
                )));
            }
        }
        self.render_items(py, items, threads, raise_errors)
    }

    /// JSON Lines in, JSON records out, as `newslens analyze --jsonl` does: blank
    /// lines skipped (still counted as lines), an error record for each bad line. The
    /// first line is number `first_line` (a byte-order mark is dropped only there when
    /// it is 1).
    #[pyo3(signature = (lines, threads=None, raise_errors=false, first_line=1))]
    fn analyze_jsonl(
        &self,
        py: Python<'_>,
        lines: Vec<Bound<'_, PyAny>>,
        threads: Option<usize>,
        raise_errors: bool,
        first_line: u64,
    ) -> PyResult<Vec<String>> {
        let mut items = Vec::with_capacity(lines.len());
        for (i, line) in lines.iter().enumerate() {
            let line_no = first_line.saturating_add(i as u64);
            let owned;
            let bytes: &[u8] = if let Ok(b) = line.cast::<PyBytes>() {
                b.as_bytes()
            } else if let Ok(s) = line.cast::<PyString>() {
                owned = if self.opts.lossy {
                    s.to_string_lossy()
                } else {
                    s.to_cow()?
                };
                owned.as_bytes()
            } else {
                return Err(PyTypeError::new_err(format!(
                    "line {line_no}: expected str or bytes"
                )));
            };
            let mut b = bytes;
            if line_no == 1 {
                b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
            }
            while let Some(rest) = b.strip_suffix(b"\n") {
                b = rest;
            }
            b = b.strip_suffix(b"\r").unwrap_or(b);
            if b.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            items.push(batch::parse_jsonl_line(b, line_no, &self.opts));
        }
        self.render_items(py, items, threads, raise_errors)
    }

    /// Entry counts of the entity lexicons, per type, as `newslens lexicons` prints.
    fn lexicon_counts(&self) -> Vec<(String, usize)> {
        let mut v: Vec<(String, usize)> = self
            .analyzer
            .lexicon()
            .counts()
            .into_iter()
            .map(|(t, n)| (t.to_string(), n))
            .collect();
        v.push(("total".to_string(), self.analyzer.lexicon().len()));
        v
    }
}

/// Rust core of the newslens Python package.
#[pymodule]
fn _newslens(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyAnalyzer>()?;
    m.add("DEFAULT_MAX_BYTES", batch::DEFAULT_MAX_BYTES)?;
    m.add("SCHEMA_VERSION", newslens::output::SCHEMA_VERSION)?;
    Ok(())
}
