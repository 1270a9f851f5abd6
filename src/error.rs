//! Errors from building a pipeline or reading inputs.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// A convenient result type for this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// An error from building a pipeline or reading inputs.
///
/// Per-document problems (invalid UTF-8, a document too large, a bad JSON
/// line) are not errors: they become a rejected document in the output,
/// see [`crate::document::Rejection`].
#[derive(Debug)]
pub struct Error(Box<ErrorKind>);

/// The specific kind of an [`Error`].
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An I/O error, with the path involved when there is one.
    Io {
        /// The file or folder being read or written.
        path: Option<PathBuf>,
        /// The underlying error.
        err: io::Error,
    },
    /// A gazetteer file has a bad line.
    Gazetteer {
        /// The file (or the embedded file's name).
        path: PathBuf,
        /// 1-based line number.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// A rule file has a bad rule.
    Rule {
        /// The file (or the embedded file's name).
        path: PathBuf,
        /// 1-based line number.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// Building the gazetteer matcher or a regex failed.
    Build(String),
    /// Writing CSV failed.
    Csv(csv::Error),
    /// A table read by `audit`, `compare` or `review` is not usable.
    Table {
        /// The table.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A bad setting.
    Config(String),
}

impl Error {
    /// The specific kind of this error.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// Makes an I/O error about `path`.
    pub fn io(path: impl Into<PathBuf>, err: io::Error) -> Error {
        Error::from(ErrorKind::Io { path: Some(path.into()), err })
    }

    /// Makes a configuration error.
    pub fn config(message: impl Into<String>) -> Error {
        Error::from(ErrorKind::Config(message.into()))
    }

    /// Makes an error about a table read by a checking command.
    pub fn table(
        path: impl Into<PathBuf>,
        message: impl Into<String>,
    ) -> Error {
        Error::from(ErrorKind::Table {
            path: path.into(),
            message: message.into(),
        })
    }

    /// Whether this is a broken pipe (a closed stdout, as with `| head`).
    pub fn is_broken_pipe(&self) -> bool {
        match self.kind() {
            ErrorKind::Io { err, .. } => {
                err.kind() == io::ErrorKind::BrokenPipe
            }
            ErrorKind::Csv(err) => match err.kind() {
                csv::ErrorKind::Io(err) => {
                    err.kind() == io::ErrorKind::BrokenPipe
                }
                _ => false,
            },
            _ => false,
        }
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error(Box::new(kind))
    }
}

impl From<io::Error> for Error {
    fn from(err: io::Error) -> Error {
        Error::from(ErrorKind::Io { path: None, err })
    }
}

impl From<csv::Error> for Error {
    fn from(err: csv::Error) -> Error {
        Error::from(ErrorKind::Csv(err))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind() {
            ErrorKind::Io { path: Some(p), err } => {
                write!(f, "{}: {err}", p.display())
            }
            ErrorKind::Io { path: None, err } => write!(f, "{err}"),
            ErrorKind::Gazetteer { path, line, message } => {
                write!(f, "{}:{line}: {message}", path.display())
            }
            ErrorKind::Rule { path, line, message } => {
                write!(f, "{}:{line}: {message}", path.display())
            }
            ErrorKind::Build(message) => write!(f, "{message}"),
            ErrorKind::Csv(err) => write!(f, "csv: {err}"),
            ErrorKind::Table { path, message } => {
                write!(f, "{}: {message}", path.display())
            }
            ErrorKind::Config(message) => write!(f, "{message}"),
        }
    }
}

/// The I/O and CSV errors underneath are not given as a `source`: their
/// message is part of this one's already, and a reporter that prints the
/// chain (anyhow's `{:#}`) would say it twice. [`Error::kind`] has them.
impl std::error::Error for Error {}

/// The message of a caught panic: its text, when it has one.
pub(crate) fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}
