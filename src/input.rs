//! Reading documents: `.txt` files, JSONL files, folders and stdin.
//!
//! Inputs are read lazily, one document at a time, so memory does not grow
//! with the corpus. Every problem with one document becomes a
//! [`Rejection`]; only a problem with the inputs as a whole (a path that
//! does not exist) is an [`Error`].

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use sha2::Digest;

use crate::document::{Document, RejectReason, Rejection};
use crate::error::{Error, Result};

/// The default limit on one document's size: 16 MiB.
pub const DEFAULT_MAX_DOC_BYTES: u64 = 16 << 20;

/// How inputs are read.
#[derive(Clone, Debug)]
pub struct InputOptions {
    /// The JSONL field holding the document id.
    pub id_field: String,
    /// The JSONL field holding the text.
    pub text_field: String,
    /// Documents larger than this are rejected.
    pub max_doc_bytes: u64,
    /// How `.txt` files without a byte-order mark are encoded. JSONL is
    /// always UTF-8, as JSON is.
    pub encoding: TextEncoding,
}

impl Default for InputOptions {
    fn default() -> InputOptions {
        InputOptions {
            id_field: "id".into(),
            text_field: "text".into(),
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
            encoding: TextEncoding::Utf8,
        }
    }
}

/// The encoding of `.txt` files that start with no byte-order mark.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub enum TextEncoding {
    /// UTF-8; a file that is not is rejected (`invalid_utf8 at byte N`).
    #[default]
    Utf8,
    /// Windows-1252, the encoding of most older Western news archives,
    /// of which ISO-8859-1 (Latin-1) is a subset for printable text.
    /// Every byte is one character, so offsets in code points are byte
    /// offsets into the file.
    Windows1252,
}

/// How a source file holds its documents.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum Format {
    /// One document per file.
    Text,
    /// One JSON object per line.
    Jsonl,
}

/// One file (or stdin) to read, with the id of its document for text files.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Source {
    /// The file, or `None` for standard input.
    pub path: Option<PathBuf>,
    /// How the file holds its documents.
    pub format: Format,
    /// For text files: the document id (the path relative to the folder
    /// named on the command line, without extension).
    pub id: String,
}

impl Source {
    /// The path as written to the `source` column (`-` for stdin).
    pub fn display(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => "-".to_string(),
        }
    }

    /// The file's size, when it is a file.
    pub fn file_size(&self) -> Option<u64> {
        let path = self.path.as_ref()?;
        std::fs::metadata(path).ok().map(|m| m.len())
    }
}

/// Turns command-line inputs into the list of sources, in order: each
/// argument in turn, folders walked recursively in sorted order (taking
/// `.txt`, `.text`, `.jsonl` and `.ndjson` files), `-` for JSONL on stdin.
///
/// # Errors
///
/// Returns an error naming the path when an input does not exist or a
/// folder cannot be listed.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(Source {
                path: None,
                format: Format::Jsonl,
                id: "-".into(),
            });
            continue;
        }
        let meta =
            std::fs::metadata(input).map_err(|e| Error::io(input, e))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(input, &mut files)?;
            files.sort();
            for path in files {
                if let Some(format) = format_of(&path, false) {
                    let rel = path.strip_prefix(input).unwrap_or(&path);
                    out.push(Source {
                        id: id_of(rel),
                        path: Some(path),
                        format,
                    });
                }
            }
        } else {
            let format = format_of(input, true).unwrap_or(Format::Text);
            let rel =
                Path::new(input.file_name().unwrap_or(input.as_os_str()));
            out.push(Source {
                id: id_of(rel),
                path: Some(input.clone()),
                format,
            });
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        let kind = entry.file_type().map_err(|e| Error::io(&path, e))?;
        if kind.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// The format a file name implies; `explicit` files with other extensions
/// are read as text, files met while walking a folder are skipped.
fn format_of(path: &Path, explicit: bool) -> Option<Format> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    match ext.to_ascii_lowercase().as_str() {
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        "txt" | "text" => Some(Format::Text),
        _ if explicit => Some(Format::Text),
        _ => None,
    }
}

/// The id of a text document: its relative path without extension, with
/// `/` separators on every platform.
fn id_of(rel: &Path) -> String {
    let no_ext = rel.with_extension("");
    let parts: Vec<String> = no_ext
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// One item read from the inputs: a document, or why one was rejected.
pub type Item = std::result::Result<Document, Rejection>;

/// Reads documents from a list of sources, in order, one at a time.
pub struct Reader {
    sources: Vec<Source>,
    next_source: usize,
    options: InputOptions,
    current: Option<JsonlState>,
    /// First origin of every id seen, keyed by a 128-bit hash of the id:
    /// 32 bytes a document instead of two strings, so that memory grows
    /// as little as it can with the corpus.
    seen: HashMap<u128, Origin>,
    /// Where the item read last came from.
    origin: Origin,
    keep: Option<IdFilter>,
    position: u64,
}

/// Where an item came from: a source's index, and its line for JSONL (0
/// for a text file).
type Origin = (u32, u64);

/// Decides by id which documents a [`Reader`] yields.
type IdFilter = Box<dyn Fn(&str) -> bool + Send>;

struct JsonlState {
    index: u32,
    reader: Box<dyn BufRead + Send>,
    line: u64,
    /// The source as its items' `source` column starts, formatted once:
    /// per line it showed up in profiles.
    shown: String,
    /// The current line's bytes, kept between lines so that reading one
    /// does not grow a new buffer from empty.
    buf: Vec<u8>,
}

impl Reader {
    /// Makes a reader over `sources`.
    pub fn new(sources: Vec<Source>, options: InputOptions) -> Reader {
        Reader {
            sources,
            next_source: 0,
            options,
            current: None,
            seen: HashMap::new(),
            origin: (0, 0),
            keep: None,
            position: 0,
        }
    }

    /// Yields only the items (documents or rejections) whose id `keep`
    /// accepts; a text file whose id it refuses is not even opened. This
    /// is how a shard reads its part of the inputs.
    ///
    /// Duplicate ids are still caught, as long as `keep` gives the same
    /// answer for equal ids (as a hash of the id does): every copy of an
    /// id is then kept or dropped together.
    pub fn filter_ids(
        mut self,
        keep: impl Fn(&str) -> bool + Send + 'static,
    ) -> Reader {
        self.keep = Some(Box::new(keep));
        self
    }

    /// The input position of the item returned last: its index (from 0)
    /// among all items of the inputs, counting the ones filtered out.
    /// Equal across runs over the same inputs, whatever the filter.
    pub fn position(&self) -> u64 {
        self.position.saturating_sub(1)
    }

    /// Reads the next document, or returns `None` at the end of all inputs.
    ///
    /// # Errors
    ///
    /// I/O errors on a source in the middle of reading (a JSONL file that
    /// fails after some lines) become a rejection of that source's rest;
    /// this never fails for one document's content.
    pub fn next_item(&mut self) -> Option<Item> {
        loop {
            let item = self.next_unchecked()?;
            self.position += 1;
            let Some(keep) = &self.keep else {
                return Some(item.and_then(|doc| self.check_duplicate(doc)));
            };
            let id = match &item {
                Ok(doc) => &doc.id,
                Err(rejection) => &rejection.id,
            };
            if keep(id) {
                return Some(item.and_then(|doc| self.check_duplicate(doc)));
            }
        }
    }

    fn check_duplicate(&mut self, doc: Document) -> Item {
        let digest = sha2::Sha256::digest(doc.id.as_bytes());
        let mut key = [0u8; 16];
        key.copy_from_slice(&digest[..16]);
        let key = u128::from_le_bytes(key);
        if let Some(&first) = self.seen.get(&key) {
            return Err(Rejection {
                id: doc.id.clone(),
                source: doc.source.clone(),
                bytes: Some(doc.text.len() as u64),
                reason: RejectReason::DuplicateId { first: self.shown(first) },
            });
        }
        self.seen.insert(key, self.origin);
        Ok(doc)
    }

    /// The `source` column of an item from `origin`, as the readers
    /// write it.
    fn shown(&self, (index, line): Origin) -> String {
        let source = self.sources[index as usize].display();
        if line == 0 {
            source
        } else {
            format!("{source}:{line}")
        }
    }

    fn next_unchecked(&mut self) -> Option<Item> {
        loop {
            if let Some(state) = &mut self.current {
                match next_jsonl(state, &self.options) {
                    Some(item) => {
                        self.origin = (state.index, state.line);
                        return Some(item);
                    }
                    None => self.current = None,
                }
            }
            let index = self.next_source;
            let source = self.sources.get(index)?.clone();
            self.next_source += 1;
            // Sources are command-line arguments and files in folders: far
            // fewer than 2^32.
            let index = u32::try_from(index).unwrap_or(u32::MAX);
            match source.format {
                // A text file is one item, with its id known unread.
                Format::Text
                    if self.keep.as_ref().is_some_and(|k| !k(&source.id)) =>
                {
                    self.position += 1;
                }
                Format::Text => {
                    self.origin = (index, 0);
                    return Some(read_text(&source, &self.options));
                }
                Format::Jsonl => {
                    let reader: Box<dyn BufRead + Send> = match &source.path {
                        None => Box::new(BufReader::new(io::stdin())),
                        Some(path) => match File::open(path) {
                            Ok(f) => {
                                Box::new(BufReader::with_capacity(1 << 16, f))
                            }
                            Err(e) => {
                                return Some(Err(Rejection {
                                    id: source.display(),
                                    source: source.display(),
                                    bytes: None,
                                    reason: RejectReason::Unreadable {
                                        message: e.to_string(),
                                    },
                                }))
                            }
                        },
                    };
                    let shown = source.display();
                    self.current = Some(JsonlState {
                        index,
                        reader,
                        line: 0,
                        shown,
                        buf: Vec::new(),
                    });
                }
            }
        }
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        self.next_item()
    }
}

fn read_text(source: &Source, options: &InputOptions) -> Item {
    let shown = source.display();
    let reject = |bytes, reason| Rejection {
        id: source.id.clone(),
        source: shown.clone(),
        bytes,
        reason,
    };
    let path = source.path.as_ref().expect("text sources are files");
    let file = File::open(path).map_err(|e| {
        reject(None, RejectReason::Unreadable { message: e.to_string() })
    })?;
    // Read at most one byte past the limit, so an oversized file is
    // rejected without being read into memory.
    let mut bytes = Vec::new();
    file.take(options.max_doc_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| {
            reject(None, RejectReason::Unreadable { message: e.to_string() })
        })?;
    if bytes.len() as u64 > options.max_doc_bytes {
        let len = source.file_size().unwrap_or(bytes.len() as u64);
        return Err(reject(
            Some(len),
            RejectReason::TooLarge { len, limit: options.max_doc_bytes },
        ));
    }
    let len = bytes.len() as u64;
    let text = decode_as(bytes, options.encoding)
        .map_err(|r| reject(Some(len), r))?;
    check_text(&text).map_err(|r| reject(Some(len), r))?;
    Ok(Document { id: source.id.clone(), source: shown, text })
}

/// Decodes a text file: UTF-8 with an optional byte-order mark (stripped),
/// or UTF-16 when the file starts with a UTF-16 byte-order mark.
pub fn decode(
    mut bytes: Vec<u8>,
) -> std::result::Result<String, RejectReason> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    } else if bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
    {
        return decode_utf16(&bytes);
    }
    String::from_utf8(bytes).map_err(|e| RejectReason::InvalidUtf8 {
        at: e.utf8_error().valid_up_to(),
    })
}

/// Decodes a text file as [`decode`] does, but for a file with no
/// byte-order mark in `encoding`.
pub fn decode_as(
    bytes: Vec<u8>,
    encoding: TextEncoding,
) -> std::result::Result<String, RejectReason> {
    let has_bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF])
        || bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF]);
    match encoding {
        TextEncoding::Windows1252 if !has_bom => {
            Ok(bytes.iter().map(|&b| windows_1252(b)).collect())
        }
        _ => decode(bytes),
    }
}

/// The character of a Windows-1252 byte: Latin-1 but for 0x80 to 0x9F,
/// which hold curly quotes, dashes, the euro sign and a few letters. The
/// five bytes it leaves undefined keep their C1 code points, as the WHATWG
/// Encoding Standard (and so every browser) decodes them.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ',
        '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—',
        '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

fn decode_utf16(bytes: &[u8]) -> std::result::Result<String, RejectReason> {
    let little = bytes[0] == 0xFF;
    let body = &bytes[2..];
    if body.len() % 2 == 1 {
        return Err(RejectReason::InvalidUtf16 { at: bytes.len() - 1 });
    }
    let units = body.chunks_exact(2).map(|c| {
        if little {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    let mut out = String::with_capacity(body.len() / 2);
    for (i, ch) in char::decode_utf16(units).enumerate() {
        match ch {
            Ok(ch) => out.push(ch),
            // The iterator yields one item per code unit, or one per pair.
            Err(_) => {
                return Err(RejectReason::InvalidUtf16 { at: 2 + 2 * i })
            }
        }
    }
    Ok(out)
}

/// Checks a decoded text: no NUL bytes, not empty.
pub fn check_text(text: &str) -> std::result::Result<(), RejectReason> {
    if let Some(at) = memchr::memchr(0, text.as_bytes()) {
        return Err(RejectReason::NulByte { at });
    }
    if text.trim().is_empty() {
        return Err(RejectReason::Empty);
    }
    Ok(())
}

fn next_jsonl(state: &mut JsonlState, options: &InputOptions) -> Option<Item> {
    let buf = &mut state.buf;
    loop {
        buf.clear();
        state.line += 1;
        let line = state.line;
        let shown = shown_line(&state.shown, line);
        // A line held whole in the reader's buffer, as most are, is read
        // there: copying it out first cost a pass over the input.
        let (shown, read) =
            match line_in_buffer(&mut *state.reader, line, shown, options) {
                Buffered::Item(item) => return Some(item),
                Buffered::Blank => continue,
                Buffered::End => return None,
                Buffered::Failed(e, shown) => (shown, Err(e)),
                Buffered::Elsewhere(shown) => {
                    let limit = options.max_doc_bytes;
                    (shown, read_line_bounded(&mut state.reader, buf, limit))
                }
            };
        // A line's fallback id is its `source` column.
        let reject = |bytes, reason| Rejection {
            id: shown.clone(),
            source: shown.clone(),
            bytes,
            reason,
        };
        let (len, complete) = match read {
            Ok(None) => return None,
            Ok(Some(x)) => x,
            Err(e) => {
                // The rest of this source cannot be read: report once and
                // move on to the next source.
                let item = reject(
                    None,
                    RejectReason::Unreadable { message: e.to_string() },
                );
                return Some(Err(item));
            }
        };
        if !complete {
            return Some(Err(reject(
                Some(len),
                RejectReason::TooLarge { len, limit: options.max_doc_bytes },
            )));
        }
        if buf.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        return Some(parse_jsonl_line(buf, line, shown, options));
    }
}

/// What [`line_in_buffer`] found.
enum Buffered {
    /// The line's item.
    Item(Item),
    /// A blank line, skipped.
    Blank,
    /// The end of the input.
    End,
    /// The reader failed; the line's `source` column is handed back.
    Failed(io::Error, String),
    /// The line is not whole in the buffer (or is too long): it is to be
    /// read by [`read_line_bounded`]; its `source` column is handed back.
    Elsewhere(String),
}

/// Reads the next line as [`next_jsonl`] does when it lies whole, with
/// its `\n`, in the reader's buffer, parsing it there and consuming it;
/// a line not yet held whole is left to [`read_line_bounded`]. `shown` is
/// the line's `source` column.
fn line_in_buffer(
    reader: &mut dyn BufRead,
    line: u64,
    shown: String,
    options: &InputOptions,
) -> Buffered {
    let chunk = match reader.fill_buf() {
        Ok([]) => return Buffered::End,
        Ok(chunk) => chunk,
        Err(e) if e.kind() == io::ErrorKind::Interrupted => {
            return Buffered::Elsewhere(shown)
        }
        Err(e) => return Buffered::Failed(e, shown),
    };
    let Some(len) = memchr::memchr(b'\n', chunk) else {
        return Buffered::Elsewhere(shown);
    };
    if len as u64 > options.max_doc_bytes {
        return Buffered::Elsewhere(shown);
    }
    let text = &chunk[..len];
    let text = text.strip_suffix(b"\r").unwrap_or(text);
    let found = if text.iter().all(|b| b.is_ascii_whitespace()) {
        Buffered::Blank
    } else {
        Buffered::Item(parse_jsonl_line(text, line, shown, options))
    };
    reader.consume(len + 1);
    found
}

/// `SOURCE:LINE`, the `source` column (and fallback id) of a JSONL line:
/// by hand, as a `format!` per line showed up in profiles.
fn shown_line(source: &str, line: u64) -> String {
    let digits = crate::output::Num::new(line);
    let mut shown = String::with_capacity(source.len() + 1 + digits.len());
    shown.push_str(source);
    shown.push(':');
    shown.push_str(&digits);
    shown
}

/// Reads one line (without its `\n` or `\r\n`) into `buf`, keeping at most
/// `limit` bytes; returns the line's full length and whether it fit, or
/// `None` at end of input.
fn read_line_bounded(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: u64,
) -> io::Result<Option<(u64, bool)>> {
    let mut len: u64 = 0;
    let mut any = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        let room = limit.saturating_sub(buf.len() as u64) as usize;
        buf.extend_from_slice(&chunk[..take.min(room)]);
        len += take as u64;
        reader.consume(if done { take + 1 } else { take });
        if done {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if buf.last() == Some(&b'\r') && len <= limit {
        buf.pop();
        len -= 1;
    }
    Ok(Some((len, len <= limit)))
}

fn parse_jsonl_line(
    buf: &[u8],
    line: u64,
    shown: String,
    options: &InputOptions,
) -> Item {
    // The fallback id is the `source` column.
    let fallback_id = shown.as_str();
    let bytes = Some(buf.len() as u64);
    let reject = |id: &str, reason| Rejection {
        id: id.to_string(),
        source: shown.clone(),
        bytes,
        reason,
    };
    // Windows tools start a UTF-8 file with a byte-order mark.
    let buf = match buf {
        [0xEF, 0xBB, 0xBF, rest @ ..] if line == 1 => rest,
        _ => buf,
    };
    let utf8 = std::str::from_utf8(buf).map_err(|e| {
        reject(fallback_id, RejectReason::InvalidUtf8 { at: e.valid_up_to() })
    })?;
    if let Some((id, text)) = read_flat_object(utf8, options) {
        let id = id.unwrap_or_else(|| fallback_id.to_string());
        check_text(&text).map_err(|r| reject(&id, r))?;
        return Ok(Document { id, source: shown, text });
    }
    let value: serde_json::Value = serde_json::from_str(utf8)
        .or_else(|e| match without_lone_surrogates(utf8) {
            Some(repaired) => serde_json::from_str(&repaired),
            None => Err(e),
        })
        .map_err(|e| {
            reject(
                fallback_id,
                RejectReason::BadJson { line, message: e.to_string() },
            )
        })?;
    let serde_json::Value::Object(mut map) = value else {
        return Err(reject(fallback_id, RejectReason::NotAnObject { line }));
    };
    let id = match map.get(&options.id_field) {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => fallback_id.to_string(),
    };
    let text = match map.remove(&options.text_field) {
        Some(serde_json::Value::String(s)) => s,
        _ => {
            return Err(reject(
                &id,
                RejectReason::MissingText {
                    field: options.text_field.clone(),
                    line,
                    strings: map
                        .iter()
                        .filter(|(_, v)| v.is_string())
                        .map(|(k, _)| k.clone())
                        .collect(),
                },
            ))
        }
    };
    check_text(&text).map_err(|r| reject(&id, r))?;
    Ok(Document { id, source: shown, text })
}

/// `line` with every `\u` escape of a lone UTF-16 surrogate replaced by
/// `\ufffd`, or `None` when it has none. Python's `json.dumps` writes such
/// escapes for text cut inside a character outside the BMP; serde_json
/// rejects them. Python reads one as one code point, as it reads U+FFFD,
/// so the offsets in the tables are those of the text the user holds.
fn without_lone_surrogates(line: &str) -> Option<String> {
    let b = line.as_bytes();
    // The code unit of a `\uXXXX` escape at `at`, if there is one.
    let unit = |at: usize| -> Option<u16> {
        let hex = b.get(at + 2..at + 6)?;
        (b[at] == b'\\' && b[at + 1] == b'u')
            .then(|| {
                u16::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()
            })
            .flatten()
    };
    let (mut out, mut copied, mut at) = (String::new(), 0, 0);
    while at < b.len() {
        if b[at] != b'\\' {
            at += 1;
            continue;
        }
        let Some(u) = unit(at) else {
            // Another escape: skip the escaped byte (it may be a `\`).
            at += 2;
            continue;
        };
        let high = (0xD800..0xDC00).contains(&u);
        let paired = high
            && unit(at + 6).is_some_and(|l| (0xDC00..0xE000).contains(&l));
        if paired {
            at += 12;
        } else if (0xD800..0xE000).contains(&u) {
            out.push_str(&line[copied..at]);
            out.push_str("\\ufffd");
            at += 6;
            copied = at;
        } else {
            at += 6;
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&line[copied..]);
    Some(out)
}

/// The id (when a non-empty string) and the text of a JSONL line that is
/// one flat object of string values with only one-letter escapes, as
/// nearly every line of a news corpus is, read without building a
/// `serde_json::Value`: one vectorized byte search per stretch between
/// escapes, where serde_json went a word at a time, and no map of owned
/// keys. `None` for any other line, which serde_json then reads, so that
/// every result and error stays serde_json's: a value that is not a
/// string, a `\u` escape, an escaped key, a control character (even a
/// tab between tokens), a missing text field, or anything serde_json
/// would reject.
fn read_flat_object(
    line: &str,
    options: &InputOptions,
) -> Option<(Option<String>, String)> {
    let b = line.as_bytes();
    // Folded without an early exit, so that it compiles to vector
    // compares; strings may not hold control characters, so that past
    // this no string needs the test.
    if b.iter().fold(false, |any, &c| any | (c < 0x20)) {
        return None;
    }
    let mut at = skip_json_space(b, 0);
    if b.get(at) != Some(&b'{') {
        return None;
    }
    // The last value of each field, as a map keeps it.
    let mut id = None;
    let mut text = None;
    loop {
        at = skip_json_space(b, at + 1);
        if b.get(at) != Some(&b'"') {
            return None;
        }
        let key_end = at + 1 + memchr::memchr2(b'"', b'\\', &b[at + 1..])?;
        if b[key_end] != b'"' {
            return None;
        }
        let key = &line[at + 1..key_end];
        at = skip_json_space(b, key_end + 1);
        if b.get(at) != Some(&b':') {
            return None;
        }
        at = skip_json_space(b, at + 1);
        if b.get(at) != Some(&b'"') {
            return None;
        }
        let is_id = key == options.id_field;
        let is_text = key == options.text_field;
        // The text runs nearly to the line's end: room for it at once,
        // not a dozen regrowths and copies.
        let room = if is_text { b.len() - at } else { 0 };
        let mut value =
            (is_id || is_text).then(|| String::with_capacity(room));
        at = json_string(line, at + 1, value.as_mut())?;
        if is_id {
            id.clone_from(&value);
        }
        if is_text {
            text = value;
        }
        at = skip_json_space(b, at + 1);
        match b.get(at) {
            Some(b',') => {}
            Some(b'}') => break,
            _ => return None,
        }
    }
    if skip_json_space(b, at + 1) != b.len() {
        return None;
    }
    Some((id.filter(|id| !id.is_empty()), text?))
}

/// The first byte from `at` that is not JSON whitespace.
fn skip_json_space(b: &[u8], mut at: usize) -> usize {
    while let Some(b' ' | b'\n' | b'\t' | b'\r') = b.get(at) {
        at += 1;
    }
    at
}

/// Reads the JSON string whose content starts at `at` in a line free of
/// control characters, decoded into `out` if given; returns its closing
/// quote, or `None` when it is unterminated or holds a `\u` or invalid
/// escape.
fn json_string(
    line: &str,
    mut at: usize,
    mut out: Option<&mut String>,
) -> Option<usize> {
    let b = line.as_bytes();
    loop {
        let end = at + memchr::memchr2(b'"', b'\\', b.get(at..)?)?;
        if let Some(out) = out.as_mut() {
            out.push_str(&line[at..end]);
        }
        if b[end] == b'"' {
            return Some(end);
        }
        let c = match b.get(end + 1)? {
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            &c @ (b'"' | b'\\' | b'/') => char::from(c),
            _ => return None,
        };
        if let Some(out) = out.as_mut() {
            out.push(c);
        }
        at = end + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id and text as serde_json's `Value` gives them, the way
    /// `parse_jsonl_line` reads them when the fast path declines.
    fn by_serde(line: &str) -> Option<(Option<String>, String)> {
        let value: serde_json::Value = serde_json::from_str(line).ok()?;
        let serde_json::Value::Object(map) = value else { return None };
        let id = match map.get("id") {
            Some(serde_json::Value::String(s)) if !s.is_empty() => {
                Some(s.clone())
            }
            _ => None,
        };
        match map.get("text") {
            Some(serde_json::Value::String(s)) => Some((id, s.clone())),
            _ => None,
        }
    }

    #[test]
    fn flat_objects_read_as_serde_json_reads_them() {
        let options = InputOptions::default();
        let read = |line: &str| read_flat_object(line, &options);
        let taken = [
            r#"{"id": "a", "text": "One.\nTwo \"quoted\" \\ \/ \t\b\f\r"}"#,
            r#"  {"text":"x","id":""}  "#,
            r#"{"id": "a", "text": "first", "text": "second", "id": "b"}"#,
            r#"{"source": "s\n", "text": "é 日本 😀", "other": ""}"#,
            r#"{"text": "no id"}"#,
            "{\"id\" : \"a\" , \"text\" :\"b\"}",
        ];
        for line in taken {
            let got = read(line);
            assert!(got.is_some(), "{line:?}");
            assert_eq!(got, by_serde(line), "{line:?}");
        }
        let declined = [
            r#"{"id": 7, "text": "a"}"#,
            r#"{"id": "a", "text": "\u00e9"}"#,
            r#"{"id": "a", "text": "a", "entities": []}"#,
            r#"{"i\u0064": "a", "text": "a"}"#,
            "{\"id\": \"a\", \"text\": \"tab\there\"}",
            "{\"id\": \"a\",\t\"text\": \"a\"}",
            "{\"id\" : \"a\" ,\r\n \"text\" :\"b\"}",
            r#"{"id": "a", "text": "a"} x"#,
            r#"{"id": "a", "text": "a""#,
            r#"{"id": "a", "text": "a\x"}"#,
            r#"{"id": "a", "text": "a\"#,
            r#"{"id": "a"}"#,
            r#"{"id": "a",}"#,
            r#"{}"#,
            r#"["id", "text"]"#,
            r#""text""#,
            "",
        ];
        for line in declined {
            assert_eq!(read(line), None, "{line:?}");
        }
    }

    proptest::proptest! {
        /// Whatever the line, the fast path gives serde_json's answer or
        /// declines.
        #[test]
        fn flat_objects_agree_with_serde_json_or_decline(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "{", "}", "\"", ":", ",", " ", "\t", "id", "text", "\"id\"",
                    "\"text\"", "\\", "\\n", "\\\"", "\\u0041", "\\/", "a", "é",
                    "7", "[]", "\u{1}",
                ]),
                0..16,
            )
        ) {
            let line = parts.concat();
            let options = InputOptions::default();
            if let Some(got) = read_flat_object(&line, &options) {
                proptest::prop_assert_eq!(Some(got), by_serde(&line));
            }
        }
    }

    #[test]
    fn bounded_line_reader_reports_oversized_lines() {
        let data = b"short\nthis line is long\r\nlast".to_vec();
        let mut r = io::Cursor::new(data);
        let mut buf = Vec::new();
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 8).unwrap(),
            Some((5, true))
        );
        assert_eq!(buf, b"short");
        buf.clear();
        let (len, ok) =
            read_line_bounded(&mut r, &mut buf, 8).unwrap().unwrap();
        assert!(!ok);
        assert!(len > 8);
        assert_eq!(buf.len(), 8);
        buf.clear();
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 8).unwrap(),
            Some((4, true))
        );
        buf.clear();
        assert_eq!(read_line_bounded(&mut r, &mut buf, 8).unwrap(), None);
    }

    #[test]
    fn decode_handles_bom_and_utf16() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc".to_vec()).unwrap(), "abc");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hé".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(utf16).unwrap(), "hé");
        assert_eq!(
            decode(b"ab\xFFcd".to_vec()),
            Err(RejectReason::InvalidUtf8 { at: 2 })
        );
        let lone = vec![0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00];
        assert_eq!(decode(lone), Err(RejectReason::InvalidUtf16 { at: 2 }));
    }

    #[test]
    fn lone_surrogate_escapes_become_replacement_characters() {
        let line = r#"{"text": "a\ud83d b \ud83d\ude00 c \udc00\\ud800"}"#;
        let repaired = without_lone_surrogates(line).expect("has lone ones");
        assert_eq!(
            repaired,
            r#"{"text": "a\ufffd b \ud83d\ude00 c \ufffd\\ud800"}"#
        );
        assert_eq!(
            without_lone_surrogates(r#"{"t": "\ud83d\ude00 \u00e9"}"#),
            None
        );
        let doc = parse_jsonl_line(
            line.as_bytes(),
            1,
            "f:1".into(),
            &InputOptions::default(),
        )
        .expect("read");
        // One code point for each, as Python reads the line.
        assert_eq!(doc.text, "a\u{fffd} b 😀 c \u{fffd}\\ud800");
    }

    #[test]
    fn decodes_windows_1252_when_asked() {
        let latin = b"Caf\xE9 \x93na\xEFve\x94 \x80 5 \x96 Z\xFCrich".to_vec();
        assert_eq!(
            decode(latin.clone()),
            Err(RejectReason::InvalidUtf8 { at: 3 })
        );
        let text = decode_as(latin.clone(), TextEncoding::Windows1252);
        let text = text.expect("every byte decodes");
        assert_eq!(text, "Café “naïve” € 5 – Zürich");
        // One character a byte: code-point offsets are byte offsets.
        assert_eq!(text.chars().count(), latin.len());
        // A byte-order mark still decides.
        let utf8 = b"\xEF\xBB\xBFcaf\xC3\xA9".to_vec();
        assert_eq!(
            decode_as(utf8, TextEncoding::Windows1252).unwrap(),
            "café"
        );
    }

    #[test]
    fn duplicates_name_where_the_id_was_first_seen() {
        let dir = tempfile::tempdir().expect("temp dir");
        let txt = dir.path().join("a.txt");
        std::fs::write(&txt, "Some text.").expect("write");
        let jsonl = dir.path().join("b.jsonl");
        let lines = [
            r#"{"id": "x", "text": "One."}"#,
            r#"{"id": "a", "text": "Two."}"#,
            r#"{"id": "y", "text": ""}"#,
            r#"{"id": "y", "text": "Four."}"#,
            r#"{"id": "x", "text": "Five."}"#,
        ];
        std::fs::write(&jsonl, lines.join("\n")).expect("write");
        let sources = expand(&[txt.clone(), jsonl.clone()]).expect("inputs");
        let items: Vec<Item> =
            Reader::new(sources, InputOptions::default()).collect();
        let first = |i: usize| match &items[i] {
            Err(Rejection {
                reason: RejectReason::DuplicateId { first },
                ..
            }) => Some(first.clone()),
            _ => None,
        };
        let want = [
            None,
            None,
            Some(txt.display().to_string()),
            None, // empty: rejected, so its id is not taken
            None,
            Some(format!("{}:1", jsonl.display())),
        ];
        for (i, w) in want.into_iter().enumerate() {
            assert_eq!(first(i), w, "item {i}");
        }
    }

    #[test]
    fn a_filter_skips_text_files_unread_and_positions_count_them() {
        let dir = tempfile::tempdir().expect("temp dir");
        let jsonl = dir.path().join("b.jsonl");
        std::fs::write(&jsonl, "{\"id\": \"k1\", \"text\": \"x\"}\n{\"id\": \"d2\", \"text\": \"y\"}\n")
            .expect("write");
        let gone = |id: &str| Source {
            path: Some(dir.path().join(format!("{id}.txt"))),
            format: Format::Text,
            id: id.into(),
        };
        let mut sources = vec![gone("d0"), gone("k0")];
        sources.extend(expand(&[jsonl]).expect("inputs"));
        let mut reader = Reader::new(sources, InputOptions::default())
            .filter_ids(|id| id.starts_with('k'));
        let mut got = Vec::new();
        while let Some(item) = reader.next_item() {
            let id = match item {
                Ok(doc) => doc.id,
                Err(r) => format!("rejected {}", r.id),
            };
            got.push((reader.position(), id));
        }
        // d0.txt does not exist, yet is not reported: it was never opened.
        let want = [(1, "rejected k0".to_string()), (2, "k1".to_string())];
        assert_eq!(got, want);
    }

    #[test]
    fn shown_lines_are_source_colon_line() {
        for line in [0, 1, 9, 10, 4_321, u64::MAX] {
            assert_eq!(
                shown_line("a/b.jsonl", line),
                format!("a/b.jsonl:{line}")
            );
        }
    }

    #[test]
    fn ids_are_relative_paths_without_extension() {
        assert_eq!(id_of(Path::new("sub/dir/file.txt")), "sub/dir/file");
        assert_eq!(id_of(Path::new("a.b.txt")), "a.b");
    }
}
