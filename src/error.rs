//! Error types of the library.

use std::fmt;

/// A lexicon could not be read or parsed. Displays as `file:line: what is wrong`.
#[derive(Debug)]
pub struct LexiconError {
    file: String,
    line: Option<usize>,
    message: String,
    source: Option<std::io::Error>,
}

impl LexiconError {
    pub(crate) fn at(file: &str, line: usize, message: impl Into<String>) -> LexiconError {
        LexiconError {
            file: file.to_string(),
            line: Some(line),
            message: message.into(),
            source: None,
        }
    }

    pub(crate) fn io(file: &str, err: std::io::Error) -> LexiconError {
        LexiconError {
            file: file.to_string(),
            line: None,
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

    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
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
    /// 1-based input line, for JSON Lines.
    pub line: Option<u64>,
    /// What kind of problem.
    pub kind: ErrorKind,
    /// A readable message.
    pub message: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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
