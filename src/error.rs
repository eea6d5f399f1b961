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
