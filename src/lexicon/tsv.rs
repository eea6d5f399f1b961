//! Reading the lexicons' TSV: fields split eight bytes at a time, header checks with
//! errors that name the file and line, and the exact float parse the models use.

use rustc_hash::FxHashMap as HashMap;

use crate::error::LexiconError;
use crate::types::LexStr;

/// Splits a TSV line into fields.
pub(super) fn fields(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    fields_into(line, &mut out);
    out
}

/// Splits a TSV line into fields, into `out` (cleared first; reused across rows).
pub(super) fn fields_into<'t>(line: &'t str, out: &mut Vec<&'t str>) {
    let line = line.trim_end_matches(['\r', '\n']);
    out.clear();
    // One pass over the row, eight bytes at a time: a memchr call per field costs
    // more in set-up than the short field it scans (a fifth of the lexicon parse).
    let b = line.as_bytes();
    let mut from = 0;
    let mut i = 0;
    while i + 8 <= b.len() {
        let chunk: [u8; 8] = b[i..i + 8].try_into().expect("eight bytes");
        let mut tabs = crate::util::swar::eq_bytes(u64::from_le_bytes(chunk), b'\t');
        while tabs != 0 {
            let at = i + (tabs.trailing_zeros() / 8) as usize;
            out.push(&line[from..at]);
            from = at + 1;
            tabs &= tabs - 1;
        }
        i += 8;
    }
    for (k, &c) in b[i..].iter().enumerate() {
        if c == b'\t' {
            out.push(&line[from..i + k]);
            from = i + k + 1;
        }
    }
    out.push(&line[from..]);
}

/// Parses a decimal number as `str::parse::<f32>` does, bit for bit, with a short
/// path for the model files' numbers (`-0.4913`: at most seven digits, a sign and a
/// point): their digits as an integer below 2^24 and a power of ten up to 10^10 are
/// both exact in an `f32`, so one division rounds correctly (Clinger's fast path, which
/// the standard parser also takes, after more general work: 180 instructions a number,
/// half of loading the mention model). Anything else goes to the standard parser.
pub(crate) fn parse_f32(s: &str) -> Option<f32> {
    const POW10: [f32; 11] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];
    let b = s.as_bytes();
    let (negative, digits) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        _ => (false, b),
    };
    let mut m: u32 = 0;
    let mut count = 0;
    let mut point = None;
    for (i, &c) in digits.iter().enumerate() {
        match c {
            b'0'..=b'9' if count < 7 => {
                m = m * 10 + u32::from(c - b'0');
                count += 1;
            }
            b'.' if point.is_none() && i > 0 && i + 1 < digits.len() => point = Some(i),
            _ => return s.parse().ok(),
        }
    }
    if count == 0 {
        return s.parse().ok();
    }
    let fraction = point.map_or(0, |p| digits.len() - p - 1);
    let x = m as f32 / POW10[fraction];
    Some(if negative { -x } else { x })
}

/// Makes a lexicon string of a piece of lexicon text: [`Cow::Borrowed`] for the
/// embedded text, an owned copy otherwise.
pub(super) type Own<'t> = fn(&'t str) -> LexStr;

/// Splits on an ASCII byte with memchr (`str::split` costs 15% of start-up here).
pub(crate) fn split_byte(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut from = 0;
    let mut cuts = memchr::memchr_iter(sep, s.as_bytes());
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let piece = match cuts.next() {
            Some(i) => {
                let p = &s[from..i];
                from = i + 1;
                p
            }
            None => {
                done = true;
                &s[from..]
            }
        };
        Some(piece)
    })
}

/// `str::trim`, with a fast path for the usual field, which starts and ends with a
/// printable ASCII character (the general trim decodes characters: a fifth of the
/// lexicon parse).
#[inline]
pub(super) fn trim(s: &str) -> &str {
    let printable = |b: &u8| (b'!'..0x80).contains(b);
    let b = s.as_bytes();
    if b.first().is_some_and(printable) && b.last().is_some_and(printable) {
        s
    } else {
        s.trim()
    }
}

/// The non-empty trimmed items of a `|`-separated list.
pub(super) fn items(s: &str) -> impl Iterator<Item = &str> {
    split_byte(s, b'|').map(trim).filter(|a| !a.is_empty())
}

pub(super) fn opt<'t>(s: &'t str, own: Own<'t>) -> Option<LexStr> {
    let s = trim(s);
    (!s.is_empty()).then(|| own(s))
}

/// A header: column name -> index, and the data lines after it.
pub(super) struct Table<'a> {
    pub(super) columns: HashMap<&'a str, usize>,
    pub(super) width: usize,
    pub(super) rows: Vec<(usize, &'a str)>,
}

pub(super) fn parse_table<'a>(
    name: &str,
    text: &'a str,
    required: &[&str],
) -> Result<Table<'a>, LexiconError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut lines = split_byte(text, b'\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .enumerate()
        .map(|(i, l)| (i + 1, l));
    let (header_line, header) = loop {
        match lines.next() {
            None => return Err(LexiconError::at(name, 1, "no header line")),
            Some((_, l)) if l.starts_with('#') || l.trim().is_empty() => continue,
            Some(h) => break h,
        }
    };
    let cols = fields(header);
    let mut columns = HashMap::default();
    for (i, c) in cols.iter().enumerate() {
        let c = c.trim();
        if c.is_empty() {
            return Err(LexiconError::at(
                name,
                header_line,
                format!("empty column name in header (column {})", i + 1),
            ));
        }
        if columns.insert(c, i).is_some() {
            return Err(LexiconError::at(
                name,
                header_line,
                format!("column `{c}` appears twice in the header"),
            ));
        }
    }
    for r in required {
        if !columns.contains_key(r) {
            return Err(LexiconError::at(
                name,
                header_line,
                format!(
                    "header lacks the required column `{r}` (found: {})",
                    cols.join(", ")
                ),
            ));
        }
    }
    // Sized up front (counting newlines is cheap next to growing a Vec of 50k rows).
    let mut rows = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    for (line, l) in lines {
        if !l.starts_with('#') && !trim(l).is_empty() {
            rows.push((line, l));
        }
    }
    Ok(Table {
        columns,
        width: cols.len(),
        rows,
    })
}

impl<'a> Table<'a> {
    /// A table of no rows (for a file whose header is in error).
    pub(super) fn empty() -> Table<'a> {
        Table {
            columns: HashMap::default(),
            width: 0,
            rows: Vec::new(),
        }
    }

    /// The positions of these columns (looked up once, not per row).
    pub(super) fn cols<const N: usize>(&self, names: [&str; N]) -> [Option<usize>; N] {
        names.map(|c| self.columns.get(c).copied())
    }

    /// The trimmed field of `row` at column `col` ("" when absent).
    pub(super) fn get<'r>(row: &[&'r str], col: Option<usize>) -> &'r str {
        col.and_then(|i| row.get(i)).map_or("", |s| trim(s))
    }

    pub(super) fn check_width(
        &self,
        name: &str,
        line: usize,
        row: &[&str],
    ) -> Result<(), LexiconError> {
        if row.len() != self.width {
            return Err(LexiconError::at(
                name,
                line,
                format!(
                    "expected {} tab-separated fields, found {}",
                    self.width,
                    row.len()
                ),
            ));
        }
        Ok(())
    }
}
