//! Finds gazetteer forms in folded text by hashing, anchored on token
//! starts.
//!
//! A match can only start where a token starts (or on a non-word byte)
//! and only count where one ends, so instead of walking an automaton
//! over every byte, each token start hashes the text up to each
//! following boundary, where a word ends and at each non-word byte, and
//! asks a filter of two bits a hash: may this be a form, and may a longer
//! form go on from here? The scan stops at the first prefix no form goes
//! on from, usually the first word, and only a likely form is looked up,
//! and verified, in the hash table of forms. The filter (512 KiB for the
//! defaults) stays in cache; the table is touched about once a match.
//!
//! The matches are those of a leftmost-longest automaton over the same
//! forms whose matches are kept only on whole tokens and with a retry of
//! shorter forms at a start whose longest form is refused (see
//! [`Matcher::scan`]). Forms that start with a non-word byte (`(`, `'`)
//! make that exact: the automaton's search stops at any form, even one
//! inside a word, and skips to the next token; for them the scan checks
//! every length, slowly, where such a form could start.
//!
//! This file uses only std, because `build.rs` includes it too (through
//! `table.rs`, which writes the table's bytes).

use std::borrow::Cow;

use super::table::OTHER_LETTER;

/// Whether `b` is part of a word in folded text: ASCII letters and digits
/// and the placeholder for letters of other scripts.
pub fn is_word_byte(b: u8) -> bool {
    WORD[usize::from(b)]
}

/// [`is_word_byte`] for each byte: one load instead of three ranges.
static WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == OTHER_LETTER;
        b += 1;
    }
    t
};

/// The first position after `s` where a token starts (a word byte after a
/// non-word byte), or the end of `hay`.
pub fn next_token_start(hay: &[u8], s: usize) -> usize {
    let Some(&first) = hay.get(s) else { return hay.len() };
    let mut i = s + 1;
    // Past the rest of the word, then past the non-word bytes: one test
    // a byte.
    if is_word_byte(first) {
        i = word_end(hay, i);
    }
    while hay.get(i).is_some_and(|&b| !is_word_byte(b)) {
        i += 1;
    }
    i
}

/// The first position from `i` that is not a word byte, or the end of
/// `hay`.
fn word_end(hay: &[u8], mut i: usize) -> usize {
    while hay.get(i).is_some_and(|&b| is_word_byte(b)) {
        i += 1;
    }
    i
}

/// Whether a match may end at `e`: the end of the text, or not between
/// two word bytes.
fn is_end(hay: &[u8], e: usize) -> bool {
    e == hay.len() || !is_word_byte(hay[e - 1]) || !is_word_byte(hay[e])
}

/// The hash of a prefix, extended one byte at a time (FxHash's step), so
/// that each longer prefix costs one multiply. The build script and the
/// crate must agree on it: the table stores its results.
fn step(h: u64, b: u8) -> u64 {
    (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7cc1_b727_220a)
}

/// The hash of the empty prefix.
const SEED: u64 = 0x2545_f491_4f6c_dd1d;

fn hash(s: &[u8]) -> u64 {
    s.iter().fold(SEED, |h, &b| step(h, b))
}

/// The hash [`Matcher::scan`] gives `may_start` at a token whose first
/// word is the first word of the folded form `key` (its bytes up to the
/// first non-word byte); `None` for a form starting with a non-word
/// byte.
pub fn first_word_hash(key: &[u8]) -> Option<u64> {
    let end = word_end(key, 0);
    (end > 0).then(|| hash(&key[..end]))
}

/// A small set of hashes (such as [`first_word_hash`]es) asked about
/// nearly every word: a bitmap of their top bits rules out most hashes
/// with one load, the sorted hashes decide the rest.
pub struct HashSet64 {
    top: [u64; 64],
    sorted: Vec<u64>,
}

impl HashSet64 {
    /// The set of `hashes`.
    pub fn new(hashes: impl Iterator<Item = u64>) -> HashSet64 {
        let mut sorted: Vec<u64> = hashes.collect();
        sorted.sort_unstable();
        sorted.dedup();
        let mut top = [0; 64];
        for &h in &sorted {
            let bit = (h >> 52) as usize;
            top[bit / 64] |= 1 << (bit % 64);
        }
        HashSet64 { top, sorted }
    }

    /// Whether `h` is in the set.
    #[inline]
    pub fn contains(&self, h: u64) -> bool {
        let bit = (h >> 52) as usize;
        self.top[bit / 64] >> (bit % 64) & 1 == 1
            && self.sorted.binary_search(&h).is_ok()
    }
}

/// The bit set in every slot, so that no slot is 0 (empty).
const FORM: u32 = 1 << 31;

/// Buckets in the filter of a large gazetteer: two bits each, 512 KiB in
/// all, which stays in cache.
const MAX_BUCKETS: usize = 1 << 21;

/// The filter over the first two bytes of forms that start with a
/// non-word byte: 2^16 bits.
const ODD_BYTES: usize = 1 << 13;

/// The matcher's tables as built, to be written by `table::encode`.
pub struct Built {
    /// The hash table of forms: `tag << 32 | FORM | form`, 0 when empty.
    pub slots: Vec<u64>,
    /// The filter: two bits a bucket, the first set when a form hashes
    /// there, the second when a prefix that a longer form goes on from
    /// does.
    pub filter: Vec<u64>,
    /// Bit `b0 << 8 | b1` for each form starting with the non-word byte
    /// `b0` then `b1` (every `b1` for a one-byte form).
    pub odd: Vec<u64>,
    /// The longest form, in bytes.
    pub max_len: u64,
}

/// The position in a hash table of `len` slots (a power of two) where
/// probing for `h` starts: the top bits, which the multiply mixes best.
fn home(h: u64, len: usize) -> usize {
    match len.trailing_zeros() {
        0 => 0,
        bits => (h >> (64 - bits)) as usize,
    }
}

/// Builds the tables over `keys` (folded forms, distinct; form `i` is
/// the `i`-th).
///
/// # Errors
///
/// Fails when there are too many forms for a slot's value.
pub fn build<'k>(
    keys: impl ExactSizeIterator<Item = &'k [u8]>,
) -> Result<Built, String> {
    if keys.len() >= FORM as usize {
        return Err(format!("{} gazetteer forms: too many", keys.len()));
    }
    let mut forms = Vec::with_capacity(keys.len());
    let mut more = std::collections::HashSet::new();
    let mut odd = vec![0u64; ODD_BYTES / 8];
    let mut max_len = 0;
    for key in keys {
        max_len = max_len.max(key.len());
        forms.push(hash(key));
        if let Some(&b0) = key.first().filter(|&&b| !is_word_byte(b)) {
            let seconds = match key.get(1) {
                Some(&b1) => b1..=b1,
                None => 0..=u8::MAX,
            };
            for b1 in seconds {
                let bit = usize::from(b0) << 8 | usize::from(b1);
                odd[bit / 64] |= 1 << (bit % 64);
            }
        }
        let mut h = SEED;
        for j in 1..key.len() {
            h = step(h, key[j - 1]);
            if is_end(key, j) {
                more.insert(h);
            }
        }
    }
    // Twice as many slots as forms keep probes short.
    let len = (forms.len() * 2).next_power_of_two().max(2);
    let mut slots = vec![0u64; len];
    for (i, &h) in forms.iter().enumerate() {
        let mut s = home(h, len);
        while slots[s] != 0 {
            s = (s + 1) & (len - 1);
        }
        slots[s] = (h & 0xffff_ffff) << 32 | u64::from(FORM | i as u32);
    }
    let buckets = ((forms.len() + more.len()) * 8)
        .next_power_of_two()
        .clamp(32, MAX_BUCKETS);
    let mut filter = vec![0u64; buckets / 32];
    let mut set = |h: u64, which: usize| {
        let bit = 2 * home(h, buckets) + which;
        filter[bit / 64] |= 1 << (bit % 64);
    };
    forms.iter().for_each(|&h| set(h, 0));
    more.iter().for_each(|&h| set(h, 1));
    Ok(Built { slots, filter, odd, max_len: max_len as u64 })
}

/// The matcher: the tables of [`build`] over little-endian bytes, as
/// embedded in the binary (borrowed) or built at run time (owned).
pub struct Matcher {
    keys: Cow<'static, [u8]>,
    key_ends: Cow<'static, [u8]>,
    slots: Cow<'static, [u8]>,
    filter: Cow<'static, [u8]>,
    odd: Cow<'static, [u8]>,
    has_odd: bool,
    /// Whether some form starting with a non-word byte starts with this
    /// byte: one load rules out most non-word bytes (spaces).
    odd_first: [bool; 256],
    max_len: usize,
    /// `64 - log2(buckets)`: a hash shifted right by it is its bucket
    /// (the filter has at least 32 buckets), as [`home`] computes it.
    filter_shift: u32,
}

/// The bytes of a [`Matcher`], as `table::decode` reads them.
pub struct Parts<T> {
    /// The folded forms, concatenated.
    pub keys: T,
    /// Each form's end offset in `keys`, `u32`.
    pub key_ends: T,
    /// [`Built::slots`], `u64`.
    pub slots: T,
    /// [`Built::filter`], `u64`.
    pub filter: T,
    /// [`Built::odd`], `u64`.
    pub odd: T,
    /// [`Built::max_len`].
    pub max_len: u64,
}

impl Parts<&[u8]> {
    /// Whether the parts make a matcher that cannot panic or loop: whole
    /// arrays, power-of-two tables with an empty slot reachable (probes
    /// are bounded anyway) and `forms` form ends. Offsets into `keys` are
    /// checked where they are read.
    pub fn check(&self, forms: usize) -> bool {
        let pow2 = |b: &[u8]| {
            b.len().is_multiple_of(8) && (b.len() / 8).is_power_of_two()
        };
        self.key_ends.len() == 4 * forms
            && pow2(self.slots)
            && pow2(self.filter)
            && self.odd.len() == ODD_BYTES
            && usize::try_from(self.max_len).is_ok()
    }
}

fn u64_at(b: &[u8], i: usize) -> u64 {
    let mut w = [0; 8];
    w.copy_from_slice(&b[8 * i..8 * i + 8]);
    u64::from_le_bytes(w)
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    let mut w = [0; 4];
    w.copy_from_slice(&b[4 * i..4 * i + 4]);
    u32::from_le_bytes(w)
}

impl Matcher {
    /// The matcher over checked [`Parts`].
    pub fn new(p: Parts<Cow<'static, [u8]>>) -> Matcher {
        let has_odd = p.odd.iter().any(|&b| b != 0);
        let mut odd_first = [false; 256];
        for (b0, row) in p.odd.chunks(256 / 8).enumerate() {
            odd_first[b0 % 256] = row.iter().any(|&b| b != 0);
        }
        let buckets = p.filter.len() * 4;
        Matcher {
            odd_first,
            filter_shift: 64 - buckets.trailing_zeros(),
            keys: p.keys,
            key_ends: p.key_ends,
            slots: p.slots,
            filter: p.filter,
            odd: p.odd,
            has_odd,
            max_len: usize::try_from(p.max_len).unwrap_or(usize::MAX),
        }
    }

    /// Bytes of all the tables, embedded or not.
    pub fn table_bytes(&self) -> usize {
        [&self.keys, &self.key_ends, &self.slots, &self.filter, &self.odd]
            .iter()
            .map(|c| c.len())
            .sum()
    }

    /// The folded text of form `f`, if the tables hold it.
    fn key(&self, f: u32) -> Option<&[u8]> {
        let f = f as usize;
        let end = self.key_ends.get(4 * f..4 * f + 4)?;
        let end = u32::from_le_bytes(end.try_into().ok()?) as usize;
        let start = if f == 0 { 0 } else { u32_at(&self.key_ends, f - 1) };
        self.keys.get(start as usize..end)
    }

    /// The form `text` is (its hash is `h`), if any.
    fn form(&self, text: &[u8], h: u64) -> Option<u32> {
        let len = self.slots.len() / 8;
        let tag = h & 0xffff_ffff;
        let mut at = home(h, len);
        for _ in 0..len {
            let slot = u64_at(&self.slots, at);
            if slot == 0 {
                break;
            }
            let f = slot as u32 & !FORM;
            if slot >> 32 == tag && self.key(f) == Some(text) {
                return Some(f);
            }
            at = (at + 1) & (len - 1);
        }
        None
    }

    /// What the filter says of a prefix whose hash is `h`: whether it
    /// may be a form, and whether a longer form may go on from it. It
    /// can be wrong only by saying yes.
    #[inline]
    fn bucket(&self, h: u64) -> (bool, bool) {
        let bit = 2 * (h >> self.filter_shift) as usize;
        let bits = self.filter.get(bit / 8).map_or(0, |b| b >> (bit % 8));
        (bits & 1 == 1, bits & 2 == 2)
    }

    /// The form at `hay[s..e]` (whose hash is `h`), if any, and whether
    /// a longer form may go on from it.
    #[inline]
    fn probe(
        &self,
        hay: &[u8],
        s: usize,
        e: usize,
        h: u64,
    ) -> (Option<u32>, bool) {
        let (form, more) = self.bucket(h);
        let form = if form { self.form(&hay[s..e], h) } else { None };
        (form, more)
    }

    /// [`first_word_hash`] of form `f`.
    #[cfg(test)]
    fn first_word_hash(&self, f: u32) -> Option<u64> {
        first_word_hash(self.key(f)?)
    }

    /// The end of the word at `s` and its hash.
    fn first_word(hay: &[u8], s: usize) -> (usize, u64) {
        let mut h = SEED;
        let mut e = s;
        while let Some(&b) = hay.get(e).filter(|&&b| is_word_byte(b)) {
            h = step(h, b);
            e += 1;
        }
        (e, h)
    }

    /// Forms at `s` that end where a match may end, shortest first, as
    /// `(end, form)`. `s` must be a token start (a form starting with a
    /// non-word byte is not looked for), whose word ends at `word_end`
    /// and hashes to `h`.
    fn forms_at(
        &self,
        hay: &[u8],
        s: usize,
        (word_end, mut h): (usize, u64),
        out: &mut Vec<(usize, u32)>,
    ) {
        out.clear();
        let mut e = word_end;
        // The first word; then each boundary after it, where a word
        // ends and at every non-word byte.
        loop {
            let (form, more) = self.probe(hay, s, e, h);
            if let Some(f) = form {
                out.push((e, f));
            }
            if !more || e == hay.len() {
                return;
            }
            h = step(h, hay[e]);
            e += 1;
            if is_word_byte(hay[e - 1]) {
                while e < hay.len() && is_word_byte(hay[e]) {
                    h = step(h, hay[e]);
                    e += 1;
                }
            }
        }
    }

    /// Every form at `s` whatever its end, shortest first. A form that
    /// goes on past a boundary of the text has its prefix up to there in
    /// the table, so as in [`Matcher::forms_at`] the walk stops at the
    /// first boundary no form goes on from; but inside a word, where only
    /// forms ending inside the word can end, every length is probed: this
    /// is for the rare places where such forms matter.
    fn all_forms_at(&self, hay: &[u8], s: usize, out: &mut Vec<(usize, u32)>) {
        out.clear();
        let stop = hay.len().min(s.saturating_add(self.max_len));
        let mut h = SEED;
        for e in s + 1..=stop {
            h = step(h, hay[e - 1]);
            let (form, more) = self.probe(hay, s, e, h);
            if let Some(f) = form {
                out.push((e, f));
            }
            if !more && is_end(hay, e) {
                return;
            }
        }
    }

    /// Whether a form starting with a non-word byte may start at `p`.
    fn odd_at(&self, hay: &[u8], p: usize) -> bool {
        if !self.odd_first[usize::from(hay[p])] {
            return false;
        }
        let b1 = hay.get(p + 1).copied().unwrap_or(0);
        let bit = usize::from(hay[p]) << 8 | usize::from(b1);
        self.odd[bit / 8] >> (bit % 8) & 1 == 1
    }

    /// Finds the forms in `hay` (folded text), leftmost-longest, on whole
    /// tokens: a match starts at a token start or a non-word byte and
    /// ends at the end of the text or next to a non-word byte. At each
    /// start, `accept(start, end, form)` is asked for the forms there,
    /// longest first, until it takes one (the scan then goes on from its
    /// end); when it takes none, the scan goes on from the next token.
    ///
    /// This is what a leftmost-longest automaton search gives when a
    /// match starting inside a word, or refused with all the shorter
    /// forms at its start, sends the search to the next token start.
    ///
    /// `may_start(start, h)` is asked at each token start with the hash
    /// of its first word (as [`first_word_hash`] gives it); it
    /// may say `false` only where `accept` would refuse every form
    /// starting there. The scan then skips the token without probing
    /// the tables, unless a form starting with a non-word byte may start
    /// after it, where it must know whether any form was found.
    pub fn scan(
        &self,
        hay: &[u8],
        may_start: impl Fn(usize, u64) -> bool,
        mut accept: impl FnMut(usize, usize, u32) -> bool,
    ) {
        let mut found = Vec::new();
        let mut pos = 0;
        'next: while pos < hay.len() {
            let mut s = pos;
            while s < hay.len() {
                let word = is_word_byte(hay[s]);
                let inside = word && s > 0 && is_word_byte(hay[s - 1]);
                if word && !inside {
                    let first = Self::first_word(hay, s);
                    let word_end = first.0;
                    if !may_start(s, first.1) {
                        // Every form here would be refused, which sends
                        // the scan to the next token start, as finding
                        // none does unless a form may start after the
                        // word.
                        let (next, odd) = self.after_word(hay, word_end);
                        if !odd {
                            pos = next;
                            continue 'next;
                        }
                    }
                    self.forms_at(hay, s, first, &mut found);
                    if found.is_empty() {
                        // The automaton would stop at a form that starts
                        // here or later in the word, whatever its end,
                        // and skip the non-word bytes after the word:
                        // that only matters if a form starts on one.
                        let (next, odd) = self.after_word(hay, word_end);
                        if !odd || self.any_form_at(hay, s) {
                            pos = next;
                            continue 'next;
                        }
                        s += 1;
                        continue;
                    }
                } else if inside {
                    // Only reached when checking for odd forms.
                    if self.any_form_at(hay, s) {
                        pos = next_token_start(hay, s);
                        continue 'next;
                    }
                    s += 1;
                    continue;
                } else if self.has_odd && self.odd_at(hay, s) {
                    self.all_forms_at(hay, s, &mut found);
                    if found.is_empty() {
                        s += 1;
                        continue;
                    }
                    found.retain(|&(e, _)| is_end(hay, e));
                } else if self.has_odd {
                    s += 1;
                    continue;
                } else {
                    s = (s + 1..hay.len())
                        .find(|&i| is_word_byte(hay[i]))
                        .unwrap_or(hay.len());
                    continue;
                }
                for &(e, f) in found.iter().rev() {
                    if accept(s, e, f) {
                        pos = e;
                        continue 'next;
                    }
                }
                pos = next_token_start(hay, s);
                continue 'next;
            }
            break;
        }
    }

    /// The next token start after a word ending at `word_end`, and
    /// whether some form starts on a non-word byte before it: the
    /// token's non-word bytes, walked once.
    fn after_word(&self, hay: &[u8], word_end: usize) -> (usize, bool) {
        let mut p = word_end;
        let mut odd = false;
        while let Some(&b) = hay.get(p) {
            if is_word_byte(b) {
                break;
            }
            odd = odd
                || self.has_odd
                    && self.odd_at(hay, p)
                    && self.any_form_at(hay, p);
            p += 1;
        }
        (p, odd)
    }

    fn any_form_at(&self, hay: &[u8], s: usize) -> bool {
        let mut found = Vec::new();
        self.all_forms_at(hay, s, &mut found);
        !found.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A matcher over `keys` (form `i` is `keys[i]`), owned, as user
    /// files build it.
    fn matcher(keys: &[&str]) -> Matcher {
        let b = build(keys.iter().map(|k| k.as_bytes())).expect("builds");
        let le64 = |v: &[u64]| -> Cow<'static, [u8]> {
            Cow::Owned(v.iter().flat_map(|x| x.to_le_bytes()).collect())
        };
        let mut ends = Vec::new();
        let mut n = 0u32;
        for k in keys {
            n += k.len() as u32;
            ends.extend(n.to_le_bytes());
        }
        let p = Parts {
            keys: Cow::Owned(keys.concat().into_bytes()),
            key_ends: Cow::Owned(ends),
            slots: le64(&b.slots),
            filter: le64(&b.filter),
            odd: le64(&b.odd),
            max_len: b.max_len,
        };
        let check = Parts {
            keys: &*p.keys,
            key_ends: &*p.key_ends,
            slots: &*p.slots,
            filter: &*p.filter,
            odd: &*p.odd,
            max_len: p.max_len,
        };
        assert!(check.check(keys.len()));
        Matcher::new(p)
    }

    /// A match: start, end, form.
    type Hit = (usize, usize, u32);

    /// What the scan finds, with `accept` refusing the forms in `no`.
    fn scan(m: &Matcher, hay: &str, no: &[u32]) -> Vec<(usize, usize, u32)> {
        scan_skipping(m, hay, no, |_, _| true)
    }

    /// [`scan`] with a `may_start` for the matcher.
    fn scan_skipping(
        m: &Matcher,
        hay: &str,
        no: &[u32],
        may_start: impl Fn(usize, u64) -> bool,
    ) -> Vec<(usize, usize, u32)> {
        let mut out = Vec::new();
        m.scan(hay.as_bytes(), may_start, |s, e, f| {
            let ok = !no.contains(&f);
            if ok {
                out.push((s, e, f));
            }
            ok
        });
        out
    }

    /// The search the matcher replaces: a leftmost-longest automaton
    /// (here a naive one), then the whole-token checks and the retry of
    /// shorter forms as `Gazetteer::find_in` did them.
    fn reference(
        keys: &[&str],
        hay: &str,
        no: &[u32],
    ) -> Vec<(usize, usize, u32)> {
        let hay = hay.as_bytes();
        // Leftmost-longest in hay[from..to]: (start, end, form).
        let find = |from: usize, to: usize| {
            (from..to).find_map(|s| {
                keys.iter()
                    .enumerate()
                    .filter(|(_, k)| hay[s..to].starts_with(k.as_bytes()))
                    .max_by_key(|(_, k)| k.len())
                    .map(|(i, k)| (s, s + k.len(), i as u32))
            })
        };
        let ok = |e: usize, f: u32| is_end(hay, e) && !no.contains(&f);
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < hay.len() {
            let Some((s, e, f)) = find(pos, hay.len()) else { break };
            if s > 0 && is_word_byte(hay[s - 1]) && is_word_byte(hay[s]) {
                pos = next_token_start(hay, s);
                continue;
            }
            let mut hit = ok(e, f).then_some(f);
            let mut limit = e;
            while hit.is_none() && limit > s + 1 {
                match find(s, limit - 1) {
                    Some((s2, e2, f2)) if s2 == s => {
                        limit = e2;
                        hit = ok(e2, f2).then_some(f2);
                    }
                    _ => break,
                }
            }
            match hit {
                Some(f) => {
                    out.push((s, limit, f));
                    pos = limit;
                }
                None => pos = next_token_start(hay, s),
            }
        }
        out
    }

    #[test]
    fn leftmost_longest_on_whole_tokens() {
        let keys =
            ["south", "south africa", "africa", "oman", "u.s.", "u.s", "at&t"];
        let m = matcher(&keys);
        let cases: &[(&str, &[Hit])] = &[
            ("south africa", &[(0, 12, 1)]),
            ("south african", &[(0, 5, 0)]),
            ("in south  africa", &[(3, 8, 0), (10, 16, 2)]),
            ("xoman omanx oman", &[(12, 16, 3)]),
            ("the u.s.-led and u.s.a", &[(4, 8, 4), (17, 21, 4)]),
            ("at&t's", &[(0, 4, 6)]),
            ("at&tx", &[]),
        ];
        for (hay, want) in cases {
            assert_eq!(&scan(&m, hay, &[]), want, "{hay:?}");
            assert_eq!(&reference(&keys, hay, &[]), want, "{hay:?}");
        }
    }

    #[test]
    fn refused_forms_give_way_to_shorter_ones() {
        let keys = ["kabul", "kabul river", "kabul river basin"];
        let m = matcher(&keys);
        let hay = "the kabul river basin";
        assert_eq!(scan(&m, hay, &[]), [(4, 21, 2)]);
        assert_eq!(scan(&m, hay, &[2]), [(4, 15, 1)]);
        assert_eq!(scan(&m, hay, &[1, 2]), [(4, 9, 0)]);
        assert_eq!(scan(&m, hay, &[0, 1, 2]), []);
    }

    /// The set answers yes for its hashes only, also for hashes that
    /// share the top bits its filter keeps.
    #[test]
    fn hash_set_holds_its_hashes() {
        let top = 0xabc0_0000_0000_0000_u64;
        let inside = [top | 1, top | 0x5555, 7, u64::MAX];
        let set = HashSet64::new(inside.iter().copied().chain([7]));
        for h in inside {
            assert!(set.contains(h), "{h:#x}");
        }
        for h in [top, top | 2, 8, 0, u64::MAX - 1, hash(b"kabul")] {
            assert!(!set.contains(h), "{h:#x}");
        }
        assert!(!HashSet64::new(std::iter::empty()).contains(0));
    }

    /// Forms starting with a non-word byte, and a form inside a word
    /// before them that the automaton would have stopped at.
    #[test]
    fn forms_on_non_word_bytes() {
        let keys = ["(un)", "'s", "ab", "b"];
        let m = matcher(&keys);
        let cases: &[(&str, &[Hit])] = &[
            ("the (un) said", &[(4, 8, 0)]),
            ("x(un)", &[(1, 5, 0)]),
            // "b" inside "ab": the automaton goes to the next token.
            ("cb(un) (un)", &[(7, 11, 0)]),
            ("ab's", &[(0, 2, 2), (2, 4, 1)]),
        ];
        for (hay, want) in cases {
            assert_eq!(&reference(&keys, hay, &[]), want, "{hay:?}");
            assert_eq!(&scan(&m, hay, &[]), want, "{hay:?}");
        }
    }

    /// The scan agrees with the automaton search on random text over an
    /// alphabet of word and non-word bytes, with random refusals.
    #[test]
    fn agrees_with_the_automaton_search() {
        let mut seed = 0x9e37_79b9_u64;
        let mut rand = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let alphabet = b"ab ab.'(\x01";
        let word = |rand: &mut dyn FnMut(usize) -> usize, max: usize| {
            let n = 1 + rand(max);
            (0..n)
                .map(|_| char::from(alphabet[rand(alphabet.len())]))
                .collect::<String>()
        };
        for round in 0..400 {
            let mut keys: Vec<String> =
                (0..1 + rand(12)).map(|_| word(&mut rand, 5)).collect();
            keys.sort();
            keys.dedup();
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            let m = matcher(&keys);
            for _ in 0..20 {
                let hay = word(&mut rand, 30);
                let no: Vec<u32> =
                    (0..keys.len() as u32).filter(|_| rand(3) == 0).collect();
                let want = reference(&keys, &hay, &no);
                assert_eq!(
                    scan(&m, &hay, &no),
                    want,
                    "round {round}: {keys:?} in {hay:?}, refusing {no:?}"
                );
                // Told where every form would be refused (at a first
                // word all of whose forms are), the scan skips those
                // tokens and still finds the same.
                let first_words = |refused: bool| {
                    (0..keys.len() as u32)
                        .filter(|f| no.contains(f) == refused)
                        .filter_map(|f| m.first_word_hash(f))
                        .collect::<std::collections::HashSet<u64>>()
                };
                let (refused, taken) = (first_words(true), first_words(false));
                let may_start = |_: usize, h: u64| {
                    !refused.contains(&h) || taken.contains(&h)
                };
                assert_eq!(
                    scan_skipping(&m, &hay, &no, may_start),
                    want,
                    "round {round}, skipping: {keys:?} in {hay:?}, refusing {no:?}"
                );
            }
        }
    }
}
