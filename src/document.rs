//! Documents and the reasons a document can be rejected.

use std::fmt;

/// One input document: an id, where it came from, and its UTF-8 text.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Document {
    /// The document's id, unique within a run.
    pub id: String,
    /// Where it came from: a path, or `path:line` for a JSONL line.
    pub source: String,
    /// The text, after stripping a UTF-8 byte-order mark. All offsets
    /// refer to this string.
    pub text: String,
}

impl Document {
    /// Makes a document.
    pub fn new(
        id: impl Into<String>,
        source: impl Into<String>,
        text: impl Into<String>,
    ) -> Document {
        Document { id: id.into(), source: source.into(), text: text.into() }
    }
}

/// A document that could not be processed, and why.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Rejection {
    /// The document's id (for a JSONL line without one, `FILE:LINE`).
    pub id: String,
    /// Where it came from, as in [`Document::source`].
    pub source: String,
    /// Its size in bytes as read, when known.
    pub bytes: Option<u64>,
    /// Why it was rejected.
    pub reason: RejectReason,
}

/// Why a document was rejected. The `Display` form is written to the
/// `status` column of `documents.csv`.
#[derive(Clone, Debug, Eq, PartialEq)]
#[non_exhaustive]
pub enum RejectReason {
    /// The bytes are not UTF-8; `at` is the offset of the first bad byte.
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        at: usize,
    },
    /// A UTF-16 file (with a byte-order mark) holds an unpaired surrogate.
    InvalidUtf16 {
        /// Byte offset of the bad code unit.
        at: usize,
    },
    /// The text holds a NUL byte, a sign of binary or UTF-16 data.
    NulByte {
        /// Byte offset of the first NUL.
        at: usize,
    },
    /// The text is empty or only whitespace.
    Empty,
    /// The document is larger than the configured limit.
    TooLarge {
        /// Its size, in bytes (a lower bound when reading stopped early).
        len: u64,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A JSONL line is not valid JSON (or is nested too deeply).
    BadJson {
        /// 1-based line number.
        line: u64,
        /// The parser's message.
        message: String,
    },
    /// A JSONL line is not a JSON object.
    NotAnObject {
        /// 1-based line number.
        line: u64,
    },
    /// A JSONL line lacks the text field, or it is not a string.
    MissingText {
        /// The field that was expected.
        field: String,
        /// 1-based line number.
        line: u64,
        /// The fields of the object that do hold a string, for the
        /// message: one of them is likely the text, under another name.
        strings: Vec<String>,
    },
    /// Another document of the run already has this id.
    DuplicateId {
        /// Where the first document with this id came from.
        first: String,
    },
    /// The file could not be read.
    Unreadable {
        /// The I/O error message.
        message: String,
    },
    /// Processing it failed on a bug (a panic in a stage): the document
    /// is reported instead of ending the run.
    InternalError {
        /// The panic's message.
        message: String,
    },
}

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RejectReason::InvalidUtf8 { at } => {
                write!(f, "invalid_utf8 at byte {at}")
            }
            RejectReason::InvalidUtf16 { at } => {
                write!(f, "invalid_utf16 at byte {at}")
            }
            RejectReason::NulByte { at } => write!(f, "nul_byte at byte {at}"),
            RejectReason::Empty => write!(f, "empty"),
            RejectReason::TooLarge { len, limit } => {
                write!(f, "too_large: {len} bytes > limit {limit}")
            }
            RejectReason::BadJson { line, message } => {
                write!(f, "bad_json at line {line}: {message}")
            }
            RejectReason::NotAnObject { line } => {
                write!(f, "bad_json at line {line}: not a JSON object")
            }
            RejectReason::MissingText { field, line, strings } => {
                write!(
                    f,
                    "missing_text at line {line}: no string field {field:?}"
                )?;
                if !strings.is_empty() {
                    write!(
                        f,
                        " (string fields: {}; choose one with --text-field)",
                        strings.join(", ")
                    )?;
                }
                Ok(())
            }
            RejectReason::DuplicateId { first } => {
                write!(f, "duplicate_id: first seen in {first}")
            }
            RejectReason::Unreadable { message } => {
                write!(f, "unreadable: {message}")
            }
            RejectReason::InternalError { message } => {
                write!(f, "internal_error: {message} (a bug: please report)")
            }
        }
    }
}
