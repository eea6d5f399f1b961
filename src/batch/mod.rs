//! Batch running: reading articles from JSON Lines, files and directories, analyzing
//! them in parallel, and writing one record per article in input order.
//!
//! Memory stays bounded whatever the corpus size: a reader thread fills batches of at
//! most [`Options::batch_docs`] documents or [`Options::batch_bytes`] bytes, at most two
//! batches wait ahead of the workers, and each analyzed batch is written (and flushed)
//! before the next is analyzed. A single article larger than [`Options::max_bytes`]
//! becomes an error record without being kept in memory whole.
//!
//! Bad input never stops the run: a malformed line, invalid UTF-8, a missing or
//! non-string `text`, a missing or non-scalar `id`, a file that cannot be read: each
//! becomes an error record in its place (see [`RecordError`]), and the rest goes on.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Deserialize;
use serde_json::Value;

use crate::analyzer::Analyzer;
pub use crate::error::{ErrorKind, RecordError, Warning};
use crate::output::{ErrorOut, ErrorRecordRef, RecordRef, SCHEMA_VERSION};

/// One article to analyze.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Its id (from the input, or the file path).
    pub id: String,
    /// Its text.
    pub text: String,
    /// Title, echoed in the output.
    pub title: Option<String>,
    /// Date, echoed in the output.
    pub date: Option<String>,
    /// 1-based input line, for JSON Lines.
    pub line: Option<u64>,
    /// The file it was read from (none for standard input or an in-memory article).
    pub file: Option<String>,
    /// Problems found while reading it (`--lossy` repairs, a `date` that is not a
    /// string...); the record's `warnings`, with the date check [`render`] adds.
    pub warnings: Vec<Warning>,
}

impl Article {
    /// Every warning of its record: those found while reading, then the `date`'s
    /// ([`Warning::for_date`]).
    pub fn all_warnings(&self) -> Vec<Warning> {
        let mut w = self.warnings.clone();
        w.extend(Warning::for_date(self.date.as_deref()));
        w
    }
}

impl Item {
    /// Sets the file the item was read from (on the article or the error).
    pub fn in_file(mut self, file: &str) -> Item {
        match &mut self {
            Item::Doc(d) => d.file = Some(file.to_string()),
            Item::Error(e) => e.file = Some(file.to_string()),
        }
        self
    }
}

/// An input item: a document, or an error in its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A document to analyze.
    Doc(Article),
    /// A record that could not be read.
    Error(RecordError),
}

/// Run options.
#[derive(Clone, Debug)]
pub struct Options {
    /// Pretty-print each record (multi-line JSON) instead of JSON Lines.
    pub pretty: bool,
    /// Largest article text accepted, in bytes.
    pub max_bytes: usize,
    /// Replace invalid UTF-8 with U+FFFD instead of refusing the record (the record
    /// then carries a `repaired_utf8` warning: offsets refer to the repaired text).
    pub lossy: bool,
    /// Documents per batch.
    pub batch_docs: usize,
    /// Bytes of text per batch.
    pub batch_bytes: usize,
    /// When set (by a signal handler, say), the run stops after the batch being
    /// written: the output ends with whole records.
    pub stop: Option<Arc<AtomicBool>>,
    /// Write rows of this flat table (CSV or TSV) instead of JSON records; see
    /// [`crate::output::table`]. The caller writes the header.
    pub table: Option<(crate::output::table::Table, crate::output::table::Delimiter)>,
}

/// Default largest article: 16 MiB of text.
pub const DEFAULT_MAX_BYTES: usize = 16 << 20;

impl Default for Options {
    fn default() -> Self {
        Options {
            pretty: false,
            max_bytes: DEFAULT_MAX_BYTES,
            lossy: false,
            batch_docs: 256,
            batch_bytes: 8 << 20,
            stop: None,
            table: None,
        }
    }
}

/// What a run did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents analyzed.
    pub documents: u64,
    /// Error records written.
    pub errors: u64,
    /// Bytes of article text analyzed.
    pub text_bytes: u64,
    /// Entity mentions found.
    pub entities: u64,
    /// Claims found.
    pub claims: u64,
    /// True when the run stopped early on [`Options::stop`].
    pub interrupted: bool,
}

#[derive(Deserialize)]
struct RawRecord {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    text: Option<Value>,
    #[serde(default)]
    title: Option<Value>,
    #[serde(default)]
    date: Option<Value>,
}

fn err(id: Option<String>, line: Option<u64>, kind: ErrorKind, message: impl Into<String>) -> Item {
    Item::Error(RecordError {
        id,
        file: None,
        line,
        kind,
        message: message.into(),
    })
}

/// Parses one JSON Lines record (`line_no` is 1-based).
pub fn parse_jsonl_line(line: &[u8], line_no: u64, opts: &Options) -> Item {
    let at = Some(line_no);
    let owned;
    let mut warnings = Vec::new();
    let line = match std::str::from_utf8(line) {
        Ok(s) => s,
        Err(_) if opts.lossy => {
            owned = String::from_utf8_lossy(line).into_owned();
            warnings.push(Warning::repaired_utf8());
            owned.as_str()
        }
        Err(e) => {
            return err(
                None,
                at,
                ErrorKind::InvalidUtf8,
                format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()),
            )
        }
    };
    if !line.trim_start().starts_with('{') {
        // Only an object is a record (serde would read `[id, text]` positionally).
        return match serde_json::from_str::<serde::de::IgnoredAny>(line) {
            Ok(_) => err(
                None,
                at,
                ErrorKind::NotAnObject,
                "the line is JSON but not an object",
            ),
            Err(e) => err(
                None,
                at,
                ErrorKind::InvalidJson,
                format!("invalid JSON: {e}"),
            ),
        };
    }
    let raw: RawRecord = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => {
            return err(
                None,
                at,
                ErrorKind::InvalidJson,
                format!("invalid JSON: {e}"),
            )
        }
    };
    let id = match raw.id {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        None | Some(Value::Null) => return err(None, at, ErrorKind::MissingId, "no `id` field"),
        Some(other) => {
            return err(
                None,
                at,
                ErrorKind::InvalidId,
                format!(
                    "`id` must be a string or a number, found {}",
                    json_type(&other)
                ),
            )
        }
    };
    let text = match raw.text {
        Some(Value::String(s)) => s,
        None | Some(Value::Null) => {
            return err(Some(id), at, ErrorKind::MissingText, "no `text` field")
        }
        Some(other) => {
            return err(
                Some(id),
                at,
                ErrorKind::InvalidText,
                format!("`text` must be a string, found {}", json_type(&other)),
            )
        }
    };
    if text.len() > opts.max_bytes {
        return err(
            Some(id),
            at,
            ErrorKind::TooLarge,
            format!(
                "text is {} bytes, more than the maximum of {}",
                text.len(),
                opts.max_bytes
            ),
        );
    }
    let mut scalar = |field: &str, v: Option<Value>| match v {
        Some(Value::String(s)) => Some(s),
        None | Some(Value::Null) => None,
        Some(other) => {
            warnings.push(Warning::not_a_string(field, json_type(&other)));
            None
        }
    };
    let title = scalar("title", raw.title);
    let date = scalar("date", raw.date);
    Item::Doc(Article {
        id,
        text,
        title,
        date,
        line: at,
        file: None,
        warnings,
    })
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads JSON Lines, one [`Item`] per non-blank line. A line longer than the limit
/// (twice `max_bytes`, plus 64 KiB for the JSON around the text) is skipped without
/// being held in memory and reported as too large. A read error ends the stream with
/// an error item.
pub struct JsonlReader<R> {
    reader: R,
    source: String,
    opts: Options,
    line_no: u64,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    /// Reads from `reader`; `source` names it in error messages.
    pub fn new(reader: R, source: &str, opts: &Options) -> JsonlReader<R> {
        JsonlReader {
            reader,
            source: source.to_string(),
            opts: opts.clone(),
            line_no: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    /// Reads one line into `buf` (without the line break), up to `cap` bytes. Returns
    /// `Ok(None)` at the end, `Ok(Some(true))` if the line was cut at the cap.
    fn read_line(&mut self, cap: usize) -> io::Result<Option<bool>> {
        self.buf.clear();
        let mut over = false;
        let mut any = false;
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                return Ok(any.then_some(over));
            }
            any = true;
            let (take, found) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (i, true),
                None => (chunk.len(), false),
            };
            if !over {
                let room = cap.saturating_sub(self.buf.len());
                if take > room {
                    over = true;
                    self.buf.clear();
                } else {
                    self.buf.extend_from_slice(&chunk[..take]);
                }
            }
            self.reader.consume(take + usize::from(found));
            if found {
                return Ok(Some(over));
            }
        }
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if self.done {
            return None;
        }
        let cap = self
            .opts
            .max_bytes
            .saturating_mul(2)
            .saturating_add(64 << 10);
        loop {
            match self.read_line(cap) {
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    return Some(err(
                        None,
                        Some(self.line_no + 1),
                        ErrorKind::Unreadable,
                        format!("{}: read error: {e}", self.source),
                    ));
                }
                Ok(Some(over)) => {
                    self.line_no += 1;
                    if over {
                        return Some(err(
                            None,
                            Some(self.line_no),
                            ErrorKind::TooLarge,
                            format!("line is longer than {cap} bytes"),
                        ));
                    }
                    let mut line = self.buf.as_slice();
                    if self.line_no == 1 {
                        line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
                    }
                    if line.last() == Some(&b'\r') {
                        line = &line[..line.len() - 1];
                    }
                    if line.iter().all(u8::is_ascii_whitespace) {
                        continue; // blank lines are skipped
                    }
                    return Some(parse_jsonl_line(line, self.line_no, &self.opts));
                }
            }
        }
    }
}

/// Reads a plain-text article (the whole input is one article with id `id`).
pub fn read_text<R: Read>(mut reader: R, id: &str, opts: &Options) -> Item {
    let mut bytes = Vec::new();
    let limit = opts.max_bytes as u64 + 1;
    if let Err(e) = reader.by_ref().take(limit).read_to_end(&mut bytes) {
        return err(
            Some(id.to_string()),
            None,
            ErrorKind::Unreadable,
            format!("read error: {e}"),
        );
    }
    if bytes.len() > opts.max_bytes {
        return err(
            Some(id.to_string()),
            None,
            ErrorKind::TooLarge,
            format!("text is more than the maximum of {} bytes", opts.max_bytes),
        );
    }
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    let mut warnings = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) if opts.lossy => {
            warnings.push(Warning::repaired_utf8());
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
        Err(e) => {
            return err(
                Some(id.to_string()),
                None,
                ErrorKind::InvalidUtf8,
                format!(
                    "invalid UTF-8 at byte {} (use --lossy to replace it)",
                    e.utf8_error().valid_up_to()
                ),
            )
        }
    };
    Item::Doc(Article {
        id: id.to_string(),
        text,
        title: None,
        date: None,
        line: None,
        file: None,
        warnings,
    })
}

/// True for paths read as JSON Lines (`.jsonl`, `.ndjson`).
pub fn is_jsonl_path(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
}

/// All files under `path` in sorted order (hidden entries skipped); `path` itself if
/// it is a file. Unreadable directories are reported as error items.
fn walk(path: &Path, out: &mut Vec<Result<PathBuf, Item>>) {
    if !path.is_dir() {
        out.push(Ok(path.to_path_buf()));
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(rd) => rd,
        Err(e) => {
            let name = path.display().to_string();
            out.push(Err(err(
                Some(name.clone()),
                None,
                ErrorKind::Unreadable,
                format!("cannot read directory: {e}"),
            )
            .in_file(&name)));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    children.sort();
    for c in children {
        walk(&c, out);
    }
}

/// Items from a list of paths: files (plain text, or JSON Lines by extension) and
/// directories (walked in sorted order). `-` is standard input as plain text, or as
/// JSON Lines when `jsonl` is set.
pub fn items_from_paths(
    paths: Vec<PathBuf>,
    jsonl: bool,
    opts: Options,
) -> impl Iterator<Item = Item> + Send {
    let mut files = Vec::new();
    for p in &paths {
        if p.as_os_str() == "-" {
            files.push(Ok(p.clone()));
        } else {
            walk(p, &mut files);
        }
    }
    files
        .into_iter()
        .flat_map(move |f| -> Box<dyn Iterator<Item = Item> + Send> {
            let path = match f {
                Ok(p) => p,
                Err(item) => return Box::new(std::iter::once(item)),
            };
            if path.as_os_str() == "-" {
                let stdin = io::stdin();
                return if jsonl {
                    Box::new(JsonlReader::new(
                        BufReader::with_capacity(1 << 16, stdin),
                        "stdin",
                        &opts,
                    ))
                } else {
                    Box::new(std::iter::once(read_text(stdin, "stdin", &opts)))
                };
            }
            let name = path.display().to_string();
            let file = match File::open(&path) {
                Ok(f) => f,
                Err(e) => {
                    return Box::new(std::iter::once(
                        err(
                            Some(name.clone()),
                            None,
                            ErrorKind::Unreadable,
                            format!("cannot open: {e}"),
                        )
                        .in_file(&name),
                    ))
                }
            };
            if jsonl || is_jsonl_path(&path) {
                let reader =
                    JsonlReader::new(BufReader::with_capacity(1 << 16, file), &name, &opts);
                Box::new(reader.map(move |item| item.in_file(&name)))
            } else {
                Box::new(std::iter::once(
                    read_text(file, &name, &opts).in_file(&name),
                ))
            }
        })
}

/// Renders one item as output bytes (one JSON line, or pretty JSON and a newline).
pub fn render(analyzer: &Analyzer, item: &Item, pretty: bool, out: &mut Vec<u8>) -> Summary {
    match item {
        Item::Doc(doc) => guarded(doc, pretty, out, |out| {
            render_doc(analyzer, doc, pretty, out)
        }),
        Item::Error(e) => render_error(e, pretty, out),
    }
}

/// Runs `f` (which appends `doc`'s record) so that a panic in it costs only this
/// article: its partial output is dropped and an `internal_error` record takes its
/// place.
fn guarded(
    doc: &Article,
    pretty: bool,
    out: &mut Vec<u8>,
    f: impl FnOnce(&mut Vec<u8>) -> Summary,
) -> Summary {
    let mark = out.len();
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut *out))) {
        Ok(summary) => summary,
        Err(_) => {
            out.truncate(mark);
            let e = RecordError {
                id: Some(doc.id.clone()),
                file: doc.file.clone(),
                line: doc.line,
                kind: ErrorKind::Internal,
                message: "the analysis failed (a bug in newslens: please report it with \
                          this article)"
                    .to_string(),
            };
            render_error(&e, pretty, out)
        }
    }
}

/// Appends an error record.
fn render_error(e: &RecordError, pretty: bool, out: &mut Vec<u8>) -> Summary {
    let record = ErrorRecordRef {
        id: e.id.as_deref(),
        schema_version: SCHEMA_VERSION,
        file: e.file.as_deref(),
        line: e.line,
        error: ErrorOut {
            kind: e.kind.as_str(),
            message: &e.message,
        },
    };
    write_record(out, &record, pretty);
    Summary {
        errors: 1,
        ..Summary::default()
    }
}

/// Analyzes one document and appends its record.
fn render_doc(analyzer: &Analyzer, doc: &Article, pretty: bool, out: &mut Vec<u8>) -> Summary {
    let analysis = analyzer.analyze_dated(&doc.text, doc.date.as_deref());
    let mut record = RecordRef::new(&doc.id, &analysis);
    record.title = doc.title.as_deref();
    record.date = doc.date.as_deref();
    let mut w = doc.all_warnings();
    w.append(&mut record.warnings);
    record.warnings = w;
    let s = Summary {
        documents: 1,
        text_bytes: doc.text.len() as u64,
        entities: record.entities.len() as u64,
        claims: record.claims.len() as u64,
        ..Summary::default()
    };
    if pretty {
        write_record(out, &record, pretty);
    } else {
        // Byte-identical to serde_json's compact output, faster.
        out.reserve(doc.text.len() * 6);
        record.write_json(out);
        out.push(b'\n');
    }
    s
}

/// Appends one record as JSON (pretty or one line) and a newline.
/// One item as rows of `table` (the CLI's `--format csv/tsv`), and what it counted.
fn render_table(
    analyzer: &Analyzer,
    item: &Item,
    table: crate::output::table::Table,
    delim: crate::output::table::Delimiter,
    out: &mut Vec<u8>,
) -> Summary {
    let mut s = Summary::default();
    match item {
        Item::Doc(doc) => {
            let analysis = analyzer.analyze_dated(&doc.text, doc.date.as_deref());
            let record = RecordRef::new(&doc.id, &analysis);
            s.documents = 1;
            s.text_bytes = doc.text.len() as u64;
            s.entities = record.entities.len() as u64;
            s.claims = record.claims.len() as u64;
            crate::output::table::rows(&record, &doc.id, table, delim, out);
        }
        Item::Error(e) => {
            s.errors = 1;
            crate::output::table::error_row(e, table, delim, out);
        }
    }
    s
}

fn write_record<T: serde::Serialize>(out: &mut Vec<u8>, record: &T, pretty: bool) {
    // Serializing these plain structs into a Vec cannot fail.
    let r = if pretty {
        serde_json::to_writer_pretty(&mut *out, record)
    } else {
        serde_json::to_writer(&mut *out, record)
    };
    debug_assert!(r.is_ok());
    out.push(b'\n');
}

/// Called with each error item as it is written (for messages on stderr).
pub type OnError<'a> = &'a (dyn Fn(&RecordError) + Sync);

/// Called after each batch is written, with the totals so far (for progress).
pub type OnBatch<'a> = &'a (dyn Fn(&Summary) + Sync);

/// Called with each article whose record carries warnings, and the warnings, as it is
/// written (for messages on stderr).
pub type OnWarning<'a> = &'a (dyn Fn(&Article, &[Warning]) + Sync);

/// What [`run_with`] calls as it writes.
#[derive(Clone, Copy)]
pub struct Hooks<'a> {
    /// Each error item.
    pub on_error: OnError<'a>,
    /// Each article with warnings.
    pub on_warning: OnWarning<'a>,
    /// The totals after each batch.
    pub on_batch: OnBatch<'a>,
}

/// Analyzes `items` in parallel (on `pool`, or rayon's global pool) and writes one
/// record per item, in input order, to `out`. Returns what was done, or the first
/// write error (a closed pipe included: the caller decides whether that is an error).
pub fn run<I, W>(
    analyzer: &Analyzer,
    items: I,
    out: W,
    opts: &Options,
    pool: Option<&rayon::ThreadPool>,
    on_error: OnError,
) -> io::Result<Summary>
where
    I: Iterator<Item = Item> + Send,
    W: Write,
{
    run_observed(analyzer, items, out, opts, pool, on_error, &|_| {})
}

/// Like [`run`], calling `on_batch` with the running totals after each batch.
pub fn run_observed<I, W>(
    analyzer: &Analyzer,
    items: I,
    out: W,
    opts: &Options,
    pool: Option<&rayon::ThreadPool>,
    on_error: OnError,
    on_batch: OnBatch,
) -> io::Result<Summary>
where
    I: Iterator<Item = Item> + Send,
    W: Write,
{
    let hooks = Hooks {
        on_error,
        on_warning: &|_, _| {},
        on_batch,
    };
    run_with(analyzer, items, out, opts, pool, hooks)
}

/// Like [`run`], calling `hooks` on errors, warnings and batches.
pub fn run_with<I, W>(
    analyzer: &Analyzer,
    items: I,
    mut out: W,
    opts: &Options,
    pool: Option<&rayon::ThreadPool>,
    hooks: Hooks,
) -> io::Result<Summary>
where
    I: Iterator<Item = Item> + Send,
    W: Write,
{
    let Hooks {
        on_error,
        on_warning,
        on_batch,
    } = hooks;
    let (tx, rx) = sync_channel::<Vec<Item>>(2);
    let batch_docs = opts.batch_docs.max(1);
    let batch_bytes = opts.batch_bytes.max(1);
    std::thread::scope(|scope| {
        let stop = opts.stop.clone();
        let stopped = move || stop.as_ref().is_some_and(|s| s.load(Ordering::Relaxed));
        let reader_stopped = stopped.clone();
        scope.spawn(move || {
            let mut batch = Vec::with_capacity(batch_docs);
            let mut bytes = 0usize;
            for item in items {
                if reader_stopped() {
                    return;
                }
                if let Item::Doc(d) = &item {
                    bytes += d.text.len();
                }
                batch.push(item);
                if batch.len() >= batch_docs || bytes >= batch_bytes {
                    if tx.send(std::mem::take(&mut batch)).is_err() {
                        return;
                    }
                    bytes = 0;
                }
            }
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
        });
        // Analysis runs one batch ahead of the writing: a scoped thread drives the
        // pool while this thread (which owns `out`, maybe a non-Send stdout lock)
        // writes the previous batch, so the workers never wait for the writes.
        let (done_tx, done_rx) = sync_channel::<(Vec<Item>, Vec<(Vec<u8>, Summary)>)>(1);
        scope.spawn(move || {
            for batch in rx {
                let work = || -> Vec<(Vec<u8>, Summary)> {
                    batch
                        .par_iter()
                        .map(|item| {
                            let mut buf = Vec::with_capacity(4096);
                            let s = match opts.table {
                                Some((table, delim)) => {
                                    render_table(analyzer, item, table, delim, &mut buf)
                                }
                                None => render(analyzer, item, opts.pretty, &mut buf),
                            };
                            (buf, s)
                        })
                        .collect()
                };
                let rendered = match pool {
                    Some(p) => p.install(work),
                    None => work(),
                };
                if done_tx.send((batch, rendered)).is_err() {
                    return;
                }
            }
        });
        let mut total = Summary::default();
        for (batch, rendered) in done_rx {
            for (item, (buf, s)) in batch.iter().zip(&rendered) {
                match item {
                    Item::Error(e) => on_error(e),
                    Item::Doc(d) => {
                        if !d.warnings.is_empty() || d.date.is_some() {
                            let w = d.all_warnings();
                            if !w.is_empty() {
                                on_warning(d, &w);
                            }
                        }
                    }
                }
                out.write_all(buf)?;
                total.documents += s.documents;
                total.errors += s.errors;
                total.text_bytes += s.text_bytes;
                total.entities += s.entities;
                total.claims += s.claims;
            }
            out.flush()?;
            on_batch(&total);
            if stopped() {
                total.interrupted = true;
                break;
            }
        }
        Ok(total)
    })
}

#[cfg(test)]
mod tests;
