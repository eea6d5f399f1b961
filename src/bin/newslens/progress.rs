//! The CLI's progress display on stderr: an indicatif bar on a terminal, or a plain
//! line every few seconds when `--progress` is asked for and stderr is not one (logs).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newslens::batch::Summary;

/// How progress is shown, if at all.
pub enum Progress {
    /// Nothing is shown.
    Off,
    /// A bar (or spinner when the size is unknown) on the terminal.
    Bar(ProgressBar),
    /// Plain lines, at most one every [`LINE_EVERY`].
    Lines {
        started: Instant,
        last: Mutex<Instant>,
        total: Option<u64>,
    },
}

/// Interval between plain progress lines.
const LINE_EVERY: Duration = Duration::from_secs(5);

impl Progress {
    /// A display for a run over `total` bytes of input (when known).
    pub fn new(on: bool, total: Option<u64>) -> Progress {
        if !on {
            return Progress::Off;
        }
        if !std::io::stderr().is_terminal() {
            let now = Instant::now();
            return Progress::Lines {
                started: now,
                last: Mutex::new(now),
                total,
            };
        }
        let target = ProgressDrawTarget::stderr_with_hz(5);
        let bar = match total {
            Some(n) => ProgressBar::with_draw_target(Some(n), target).with_style(
                ProgressStyle::with_template(
                    "{elapsed_precise} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            ),
            None => ProgressBar::with_draw_target(None, target).with_style(
                ProgressStyle::with_template("{elapsed_precise} {spinner} {bytes} {bytes_per_sec} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            ),
        };
        Progress::Bar(bar)
    }

    /// Shows the totals so far (bytes are article text).
    pub fn update(&self, s: &Summary) {
        match self {
            Progress::Off => {}
            Progress::Bar(bar) => {
                bar.set_position(s.text_bytes);
                bar.set_message(format!("{} docs, {} errors", s.documents, s.errors));
            }
            Progress::Lines {
                started,
                last,
                total,
            } => {
                let now = Instant::now();
                let Ok(mut last) = last.lock() else { return };
                if now.duration_since(*last) < LINE_EVERY {
                    return;
                }
                *last = now;
                let secs = now.duration_since(*started).as_secs_f64().max(1e-9);
                let mb = s.text_bytes as f64 / 1e6;
                let of = match total {
                    Some(t) => format!(" of {:.1}", *t as f64 / 1e6),
                    None => String::new(),
                };
                eprintln!(
                    "newslens: {} docs, {} errors, {mb:.1}{of} MB, {:.1} MB/s",
                    s.documents,
                    s.errors,
                    mb / secs
                );
            }
        }
    }

    /// Runs `f` (which prints to stderr) without tearing the bar.
    pub fn suspend(&self, f: impl FnOnce()) {
        match self {
            Progress::Bar(bar) => bar.suspend(f),
            _ => f(),
        }
    }

    /// Removes the bar; the caller prints the one-line summary.
    pub fn finish(&self) {
        if let Progress::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }
}

/// Total size of the inputs when it can be known without reading them: regular
/// files (directories walked), and stdin when it is redirected from a file.
pub fn input_size(paths: &[PathBuf]) -> Option<u64> {
    let mut total = 0u64;
    for p in paths {
        if p.as_os_str() == "-" {
            let meta = std::fs::metadata("/dev/stdin").ok()?;
            if !meta.is_file() {
                return None;
            }
            total += meta.len();
        } else {
            total += size_of(p)?;
        }
    }
    Some(total)
}

fn size_of(p: &Path) -> Option<u64> {
    let meta = std::fs::metadata(p).ok()?;
    if meta.is_file() {
        return Some(meta.len());
    }
    if meta.is_dir() {
        let mut n = 0;
        for entry in std::fs::read_dir(p).ok()? {
            n += size_of(&entry.ok()?.path())?;
        }
        return Some(n);
    }
    None
}
