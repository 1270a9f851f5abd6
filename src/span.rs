//! Byte spans into a document's UTF-8 text.

use std::ops::Range;

/// A half-open range `[start, end)` of byte offsets into a document.
///
/// Every span produced by factspan starts and ends on a `char` boundary.
/// Code-point offsets, which the output tables use, are computed once by
/// the writer (see [`crate::output::CharIndex`]).
#[derive(
    Clone, Copy, Debug, Default, Eq, Hash, Ord, PartialEq, PartialOrd,
)]
pub struct Span {
    /// Inclusive start, in bytes.
    pub start: usize,
    /// Exclusive end, in bytes.
    pub end: usize,
}

impl Span {
    /// Makes a span; `start <= end` is the caller's invariant.
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    #[inline]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The span as a range, for slicing.
    #[inline]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies within this span.
    #[inline]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The same span moved `by` bytes to the right.
    #[inline]
    pub const fn offset(&self, by: usize) -> Span {
        Span { start: self.start + by, end: self.end + by }
    }

    /// The text this span covers in `text`.
    ///
    /// # Panics
    ///
    /// Panics if the span is out of bounds or not on char boundaries of
    /// `text`, which would mean it was made for another text.
    #[inline]
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.range()]
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}
