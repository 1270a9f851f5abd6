//! factspan turns news text into span-exact fact tables.
//!
//! Staged extractors pull people, organizations, places, nationalities,
//! dates and numeric claims out of documents; every finding carries the
//! exact byte span it came from, and the writer turns spans into Unicode
//! code-point offsets so that Python's `text[start:end]` equals the quote.
//!
//! The stages, in order:
//!
//! 1. [`invisible`]: a copy without soft hyphens and zero-width
//!    characters, for the documents that have them.
//! 2. [`segment`]: tokens and sentences, built for news shapes.
//! 3. [`gazetteer`]: listed names, found with one automaton.
//! 4. [`rules`]: pattern rules over tokens ([`dates`] alongside).
//! 5. [`resolve`]: overlaps settled, aliases, acronyms and links.
//! 6. [`numbers`] and [`claims`]: figures and the claims built on them.
//! 7. [`output`]: rows for `documents.csv`, `entities.csv`, `claims.csv`.
//!
//! ```
//! use factspan::{Document, PipelineBuilder};
//!
//! let pipeline = PipelineBuilder::new().build()?;
//! let doc = Document::new("d1", "inline", "ISLAMABAD: Pakistan spoke.");
//! let found = pipeline.process(&doc);
//! assert_eq!(found.sentences.len(), 2);
//! # Ok::<(), factspan::Error>(())
//! ```

#![deny(missing_docs)]

pub mod annotation;
pub mod audit;
pub mod claims;
pub mod compare;
pub mod dates;
pub mod document;
pub mod error;
pub mod eval;
pub mod gazetteer;
pub mod input;
pub mod invisible;
pub mod numbers;
pub mod output;
pub mod pipeline;
pub mod resolve;
pub mod review;
pub mod rules;
pub mod segment;
pub mod shard;
pub mod span;

pub use annotation::{Claim, Entity, EntityType, Extraction};
pub use document::{Document, RejectReason, Rejection};
pub use error::{Error, ErrorKind, Result};
pub use pipeline::{Pipeline, PipelineBuilder, RunOptions, RunStats};
pub use span::Span;
