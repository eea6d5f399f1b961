//! Error types of the library.

use std::fmt;

/// A lexicon could not be read or parsed, or a row means something impossible.
/// Displays as `file:line: what is wrong`, or `file:line: field: what is wrong` when
/// it is about one column.
#[derive(Debug)]
pub struct LexiconError {
    file: String,
    line: Option<usize>,
    field: Option<&'static str>,
    message: String,
    source: Option<std::io::Error>,
}

impl LexiconError {
    pub(crate) fn at(file: &str, line: usize, message: impl Into<String>) -> LexiconError {
        LexiconError {
            file: file.to_string(),
            line: Some(line),
            field: None,
            message: message.into(),
            source: None,
        }
    }

    /// An error about column `field` of line `line`.
    pub(crate) fn in_field(
        file: &str,
        line: usize,
        field: &'static str,
        message: impl Into<String>,
    ) -> LexiconError {
        LexiconError {
            field: Some(field),
            ..LexiconError::at(file, line, message)
        }
    }

    pub(crate) fn io(file: &str, err: std::io::Error) -> LexiconError {
        LexiconError {
            file: file.to_string(),
            line: None,
            field: None,
            message: err.to_string(),
            source: Some(err),
        }
    }

    /// The file (or name) the error is in.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The 1-based line, when the error is about one line.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The column the error is about, when it is about one (`country`, `aliases`).
    pub fn field(&self) -> Option<&str> {
        self.field
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: ", self.file, line)?,
            None => write!(f, "{}: ", self.file)?,
        }
        if let Some(field) = self.field {
            write!(f, "{field}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for LexiconError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_ref().map(|e| e as _)
    }
}

/// Why a record could not be analyzed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The line is not valid JSON.
    InvalidJson,
    /// The input is not valid UTF-8.
    InvalidUtf8,
    /// The line is JSON but not an object.
    NotAnObject,
    /// No `text` field.
    MissingText,
    /// `text` is not a string.
    InvalidText,
    /// No `id` field (or null).
    MissingId,
    /// `id` is not a string or a number.
    InvalidId,
    /// The article is larger than the configured maximum.
    TooLarge,
    /// The file or stream could not be read.
    Unreadable,
    /// The analysis itself failed: a bug in newslens (the article is reported, the
    /// run goes on).
    Internal,
}

impl ErrorKind {
    /// The snake-case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidJson => "invalid_json",
            ErrorKind::InvalidUtf8 => "invalid_utf8",
            ErrorKind::NotAnObject => "not_an_object",
            ErrorKind::MissingText => "missing_text",
            ErrorKind::InvalidText => "invalid_text",
            ErrorKind::MissingId => "missing_id",
            ErrorKind::InvalidId => "invalid_id",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Unreadable => "unreadable",
            ErrorKind::Internal => "internal_error",
        }
    }
}

/// A record that could not be analyzed, with where it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordError {
    /// The record's id, when it could be read (or the file path).
    pub id: Option<String>,
    /// The file the record is in (none for standard input or an in-memory record).
    pub file: Option<String>,
    /// 1-based input line, for JSON Lines.
    pub line: Option<u64>,
    /// What kind of problem.
    pub kind: ErrorKind,
    /// A readable message.
    pub message: String,
}

impl fmt::Display for RecordError {
    /// `[file: ]line N (id X): message`; the file is left out when it is the id (a
    /// plain-text article's id is its path).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            if self.id.as_ref() != Some(file) || self.line.is_some() {
                write!(f, "{file}: ")?;
            }
        }
        match (&self.id, self.line) {
            (Some(id), Some(l)) => write!(f, "line {l} (id {id}): {}", self.message),
            (None, Some(l)) => write!(f, "line {l}: {}", self.message),
            (Some(id), None) => write!(f, "{id}: {}", self.message),
            (None, None) => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for RecordError {}

crate::types::variants!(
    ErrorKind,
    [
        InvalidJson,
        InvalidUtf8,
        NotAnObject,
        MissingText,
        InvalidText,
        MissingId,
        InvalidId,
        TooLarge,
        Unreadable,
        Internal
    ]
);

/// What a [`Warning`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WarningKind {
    /// The `date` is in no form newslens reads; the article was analyzed without it.
    UnreadableDate,
    /// The `date` names no real date (`2025-13-45`); the article was analyzed without
    /// it.
    ImpossibleDate,
    /// A field that must be a string (`title`, `date`) is not; it was ignored.
    NotAString,
    /// Invalid UTF-8 was replaced with U+FFFD (`--lossy`): offsets refer to the
    /// repaired text.
    RepairedUtf8,
    /// The text repeats a phrase more than eight times in a row (a table dump, a
    /// scraping error): no entity or claim is reported in the copies after the eighth.
    RepeatedText,
}

impl WarningKind {
    /// The snake-case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            WarningKind::UnreadableDate => "unreadable_date",
            WarningKind::ImpossibleDate => "impossible_date",
            WarningKind::NotAString => "not_a_string",
            WarningKind::RepairedUtf8 => "repaired_utf8",
            WarningKind::RepeatedText => "repeated_text",
        }
    }
}

crate::types::variants!(
    WarningKind,
    [
        UnreadableDate,
        ImpossibleDate,
        NotAString,
        RepairedUtf8,
        RepeatedText
    ]
);

/// Something wrong with an input record that did not stop its analysis: written in
/// the record's `warnings` (absent when there is none) and on stderr.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Warning {
    /// The input field it is about (`date`, `title`, `text`).
    pub field: String,
    /// What kind of problem.
    pub kind: WarningKind,
    /// A readable message.
    pub message: String,
}

impl Warning {
    /// The warning for text whose invalid UTF-8 was replaced with U+FFFD.
    pub fn repaired_utf8() -> Warning {
        Warning {
            field: "text".to_string(),
            kind: WarningKind::RepairedUtf8,
            message: "invalid UTF-8 was replaced with U+FFFD; offsets refer to the \
                      repaired text"
                .to_string(),
        }
    }

    /// The warning for text with repeated runs (`Analysis::repeats`), if it has any:
    /// the copies of a phrase past its `copies`th in a row.
    pub fn repeated_text(runs: &[crate::types::Span], copies: usize) -> Option<Warning> {
        let first = runs.first()?;
        let bytes: usize = runs.iter().map(|r| r.len()).sum();
        Some(Warning {
            field: "text".to_string(),
            kind: WarningKind::RepeatedText,
            message: format!(
                "a phrase is repeated more than {} times in a row: nothing is reported in \
                 its later copies ({bytes} bytes in {} run{}, the first at bytes {}..{})",
                copies,
                runs.len(),
                if runs.len() == 1 { "" } else { "s" },
                first.start,
                first.end
            ),
        })
    }

    /// The warning for a field that should be a string and is `found` (`a number`).
    pub fn not_a_string(field: &str, found: &str) -> Warning {
        Warning {
            field: field.to_string(),
            kind: WarningKind::NotAString,
            message: format!("`{field}` must be a string, found {found}; ignored"),
        }
    }

    /// The warning for an article `date` that cannot be used, if it cannot: none for
    /// no date, an empty one, or a date [`crate::Date::parse`] reads.
    pub fn for_date(date: Option<&str>) -> Option<Warning> {
        let d = date?;
        if d.trim().is_empty() {
            return None;
        }
        let e = crate::types::Date::parse(d).err()?;
        let (kind, message) = match e {
            crate::types::DateError::Impossible(why) => (
                WarningKind::ImpossibleDate,
                format!("`{d}` is no real date ({why}); ignored"),
            ),
            crate::types::DateError::Unreadable => (
                WarningKind::UnreadableDate,
                format!(
                    "`{d}` is not a date newslens reads (YYYY-MM-DD, YYYY-MM, YYYY, an \
                     ISO 8601 date-time, YYYYMMDD, `March 5, 2025`, `5 March 2025`); \
                     ignored"
                ),
            ),
        };
        Some(Warning {
            field: "date".to_string(),
            kind,
            message,
        })
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}
