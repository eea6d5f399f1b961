//! The `newslens` command line: argument parsing, I/O and exit codes. The work is
//! done by the library.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use newslens::batch::{self, Options};
use newslens::lexicon::{self, CheckOptions};
use newslens::output::table::{self, Delimiter, Table};
use newslens::{Analyzer, LexiconError};

mod progress;

/// Exit code: every record analyzed.
const EXIT_OK: u8 = 0;
/// Exit code: the run finished, but some records are error records.
const EXIT_RECORD_ERRORS: u8 = 1;
/// Exit code: bad arguments or a bad lexicon; nothing was analyzed.
const EXIT_USAGE: u8 = 2;
/// Exit code: writing the output failed (disk full...); the output is incomplete.
const EXIT_IO: u8 = 3;
/// Exit code: interrupted (SIGINT, SIGTERM); the output holds whole records only.
const EXIT_INTERRUPTED: u8 = 130;

#[derive(Parser)]
#[command(
    name = "newslens",
    version,
    about = "Analyze news articles: sentences, entities, attributed claims, stance."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyze articles and print one JSON record per article.
    ///
    /// With no FILE, reads one plain-text article from stdin (or JSON Lines with
    /// --jsonl). A FILE ending in .jsonl is JSON Lines; any other file is one article
    /// (its id is its path); a directory is walked in sorted order. `-` is stdin.
    Analyze(AnalyzeArgs),
    /// Print the lexicons' entry counts per type, or validate lexicon files.
    Lexicons(LexiconArgs),
}

#[derive(Args)]
struct LexiconOpts {
    /// Add a lexicon file (TSV; repeatable). Its entries win over the bundled ones.
    #[arg(long = "lexicon", value_name = "FILE")]
    lexicons: Vec<PathBuf>,
    /// Start from no bundled entity lexicons.
    #[arg(long)]
    no_default_lexicons: bool,
    /// Accept aliases in --lexicon (and --check) files that are stop words or single
    /// characters (`the`, `A`), refused otherwise; one row accepts its own with the
    /// flag `force` or `force=Alias`.
    #[arg(long)]
    force_aliases: bool,
    /// Entities are lexicon matches alone: no name patterns, classifier, nested names,
    /// surname/acronym/short-form resolution (pronoun coreference still runs); faster.
    #[arg(long)]
    lexicon_only: bool,
}

#[derive(Args)]
struct AnalyzeArgs {
    /// Articles: plain-text files, .jsonl files, directories, or - for stdin.
    files: Vec<PathBuf>,
    /// Read JSON Lines ({"id", "text", ...} per line) from stdin (and from every FILE).
    #[arg(long)]
    jsonl: bool,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Pretty-print each record (not JSON Lines).
    #[arg(long)]
    pretty: bool,
    /// Largest article text accepted, in bytes; larger ones become error records.
    #[arg(long, value_name = "BYTES", default_value_t = batch::DEFAULT_MAX_BYTES)]
    max_bytes: usize,
    /// Replace invalid UTF-8 with U+FFFD instead of refusing the article. Offsets
    /// then refer to the repaired text, and the record says so: a `repaired_utf8`
    /// warning in its `warnings`.
    #[arg(long)]
    lossy: bool,
    /// Print no message for error records on stderr.
    #[arg(long, short)]
    quiet: bool,
    /// Output format: JSON records, or a flat table (see --table) as CSV or TSV.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// The table --format csv/tsv writes: one row per entity mention (the default), or
    /// per claim. Only with --format csv or tsv: with JSON output it is an error (exit 2).
    #[arg(long, value_enum)]
    table: Option<TableArg>,
    /// Show progress on stderr (documents, MB, rate, ETA when the input size is
    /// known). On by default when stderr is a terminal; never on stdout.
    #[arg(long)]
    progress: bool,
    #[command(flatten)]
    lexicon: LexiconOpts,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// One JSON record per article (JSON Lines; --pretty for indented JSON).
    Json,
    /// Comma-separated values (RFC 4180), with a header line.
    Csv,
    /// Tab-separated values, with a header line.
    Tsv,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum TableArg {
    /// One row per entity mention.
    Entities,
    /// One row per claim.
    Claims,
}

#[derive(Args)]
struct LexiconArgs {
    /// Only validate these files, every line of each, without the bundled ones: report
    /// each problem as `file:line: field: problem` (syntax; role dates that exist;
    /// ISO 3166-1 alpha-3 countries; ids unique among the files; no stop-word or
    /// single-character alias unless forced). Exit 2 when there is any.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    check: Vec<PathBuf>,
    #[command(flatten)]
    lexicon: LexiconOpts,
}

fn table_kind(t: TableArg) -> Table {
    match t {
        TableArg::Entities => Table::Entities,
        TableArg::Claims => Table::Claims,
    }
}

fn build_analyzer(opts: &LexiconOpts) -> Result<Analyzer, LexiconError> {
    let mut b = Analyzer::builder()
        .default_lexicons(!opts.no_default_lexicons)
        .lexicon_only(opts.lexicon_only)
        .force_aliases(opts.force_aliases);
    for p in &opts.lexicons {
        b = b.lexicon_file(p);
    }
    b.build()
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn analyze(args: AnalyzeArgs) -> Result<u8> {
    // Argument checks first: nothing is loaded for a bad command line.
    let kind = table_kind(args.table.unwrap_or(TableArg::Entities));
    let table = match args.format {
        Format::Json => None,
        Format::Csv => Some((kind, Delimiter::Comma)),
        Format::Tsv => Some((kind, Delimiter::Tab)),
    };
    if table.is_none() && args.table.is_some() {
        eprintln!(
            "newslens: --table applies to --format csv or tsv only; add --format csv or \
             --format tsv (JSON records hold every table)"
        );
        return Ok(EXIT_USAGE);
    }
    if table.is_some() && args.pretty {
        eprintln!("newslens: --pretty applies to --format json only");
        return Ok(EXIT_USAGE);
    }
    let analyzer = match build_analyzer(&args.lexicon) {
        // Lives until the process exits: freeing its ~100k allocations one by one at
        // exit would cost about a tenth of the start-up time, for nothing.
        Ok(a) => &*Box::leak(Box::new(a)),
        Err(e) => {
            // `file: reason` or `file:line: reason` (the Python package raises the
            // same message).
            eprintln!("newslens: {e}");
            return Ok(EXIT_USAGE);
        }
    };
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        if n == 0 {
            eprintln!("newslens: --threads must be at least 1");
            return Ok(EXIT_USAGE);
        }
        pool = pool.num_threads(n);
    }
    let pool = pool.build().context("starting worker threads")?;
    // On SIGINT or SIGTERM, finish writing the current batch and stop, so the output
    // ends with a whole record.
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed));
    let opts = Options {
        pretty: args.pretty,
        max_bytes: args.max_bytes,
        lossy: args.lossy,
        stop: Some(stop),
        table,
        ..Options::default()
    };
    let files = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files
    };
    let show_progress = args.progress || (io::stderr().is_terminal() && !args.quiet);
    let total_bytes = if show_progress {
        progress::input_size(&files)
    } else {
        None
    };
    let items = batch::items_from_paths(files, args.jsonl, opts.clone());
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 18, stdout.lock());
    if let Some((kind, delim)) = table {
        let mut head = Vec::new();
        table::header(kind, delim, &mut head);
        if let Err(e) = out.write_all(&head) {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return Ok(EXIT_OK);
            }
            eprintln!("newslens: writing output: {e}");
            return Ok(EXIT_IO);
        }
    }
    let quiet = args.quiet;
    let progress = progress::Progress::new(show_progress, total_bytes);
    let on_error = |e: &batch::RecordError| {
        if !quiet {
            progress.suspend(|| eprintln!("newslens: {e}"));
        }
    };
    let on_warning = |d: &batch::Article, warnings: &[batch::Warning]| {
        if !quiet {
            let at = match (&d.file, d.line) {
                (Some(f), Some(l)) => format!("{f}: line {l} (id {}): ", d.id),
                (None, Some(l)) => format!("line {l} (id {}): ", d.id),
                _ => format!("{}: ", d.id),
            };
            progress.suspend(|| {
                for w in warnings {
                    eprintln!("newslens: warning: {at}{w}");
                }
            });
        }
    };
    let on_batch = |s: &batch::Summary| progress.update(s);
    let hooks = batch::Hooks {
        on_error: &on_error,
        on_warning: &on_warning,
        on_batch: &on_batch,
    };
    let started = Instant::now();
    let summary = batch::run_with(analyzer, items, out, &opts, Some(&pool), hooks);
    progress.finish();
    match summary {
        Ok(s) => {
            if show_progress || (io::stderr().is_terminal() && !quiet) {
                let secs = started.elapsed().as_secs_f64();
                eprintln!(
                    "newslens: {} documents, {} errors, {} entities, {} claims, {:.1} MB/s",
                    s.documents,
                    s.errors,
                    s.entities,
                    s.claims,
                    s.text_bytes as f64 / 1e6 / secs.max(1e-9)
                );
            }
            Ok(if s.interrupted {
                eprintln!("newslens: interrupted; the output ends with a whole record");
                EXIT_INTERRUPTED
            } else if s.errors > 0 {
                EXIT_RECORD_ERRORS
            } else {
                EXIT_OK
            })
        }
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(EXIT_OK),
        Err(e) => {
            eprintln!("newslens: writing output: {e}");
            Ok(EXIT_IO)
        }
    }
}

fn lexicons(args: LexiconArgs) -> Result<u8> {
    let mut out = io::stdout().lock();
    if !args.check.is_empty() {
        let opts = CheckOptions {
            force_aliases: args.lexicon.force_aliases,
        };
        let mut texts = Vec::new();
        let mut errors = 0usize;
        for p in &args.check {
            match lexicon::read_file(p) {
                Ok(t) => texts.push((p.display().to_string(), t)),
                Err(e) => {
                    eprintln!("{e}");
                    errors += 1;
                }
            }
        }
        let files: Vec<(&str, &str)> = texts
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        match lexicon::check_files(&files, opts) {
            Ok(counts) => {
                for ((name, _), n) in files.iter().zip(counts) {
                    writeln!(out, "{name}: ok, {n} entries")?;
                }
            }
            Err(es) => {
                for e in &es {
                    eprintln!("{e}");
                }
                errors += es.len();
                for f in &files {
                    if es.iter().all(|e| e.file() != f.0) {
                        if let Ok(n) = lexicon::check_files(std::slice::from_ref(f), opts) {
                            writeln!(out, "{}: ok, {} entries", f.0, n[0])?;
                        }
                    }
                }
            }
        }
        if errors > 0 {
            eprintln!(
                "newslens: {errors} problem{} in the lexicons checked",
                if errors == 1 { "" } else { "s" }
            );
            return Ok(EXIT_USAGE);
        }
        return Ok(EXIT_OK);
    }
    let analyzer = match build_analyzer(&args.lexicon) {
        Ok(a) => a,
        Err(e) => {
            // `file: reason` or `file:line: reason` (the Python package raises the
            // same message).
            eprintln!("newslens: {e}");
            return Ok(EXIT_USAGE);
        }
    };
    for (t, n) in analyzer.lexicon().counts() {
        writeln!(out, "{t}\t{n}")?;
    }
    writeln!(out, "total\t{}", analyzer.lexicon().len())?;
    writeln!(
        out,
        "surface_forms\t{}",
        analyzer.gazetteer().pattern_count()
    )?;
    let w = analyzer.words();
    writeln!(out, "cue_forms\t{}", w.cues.len())?;
    writeln!(out, "role_words\t{}", w.roles.len())?;
    writeln!(out, "sentiment_words\t{}", w.sentiment.len())?;
    Ok(EXIT_OK)
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { EXIT_OK });
        }
    };
    let result = match cli.command {
        Command::Analyze(a) => analyze(a),
        Command::Lexicons(a) => lexicons(a),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::from(EXIT_OK),
        Err(e) => {
            eprintln!("newslens: {e:#}");
            ExitCode::from(EXIT_IO)
        }
    }
}
