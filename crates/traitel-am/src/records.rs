//! CSV records cut straight out of a read buffer, exactly as the `csv` crate reads them
//! but for the vendor's escaped new lines below and a body that ends inside a quoted field
//! (the `traitel_rows` fuzz check holds every table to `csv` with those rules added),
//! without copying a field that needs no unquoting. Blank lines are the readers' to skip
//! (`wire::is_blank_field`). The log streams and the whole-body tables both read through
//! it.
//!
//! A record with no `"` in it is split at its commas in place; any other record, and the
//! header row (where `csv_core` strips a byte-order mark), goes through `csv_core`, the
//! parser `csv` itself runs. A line without a quote is the same record in both.
//!
//! One deliberate difference from `csv`, for the SMS logs only ([`Records::new`] with
//! `escapes`; the spec: "New Line characters are escaped with \\"): a line feed, or a CR
//! LF, after an odd run of backslashes does not end the record; it stays in the field, the
//! backslash with it (`unescape_ascii` decodes the message). Inside quotes that is what
//! `csv` does anyway, so the rule holds whatever the quoting: in the `csv_core` path the
//! new line is fed as ordinary bytes and written back over them. The fuzz reference check
//! (`fuzzing.rs`) applies the same rule before the `csv` crate reads. The rule costs one
//! byte comparison at the end of each record, and nothing for the other tables.
//!
//! A body that ends inside a quoted field (`...,"Meet at 5, bring`) is [`Split::Cut`]: a
//! body cut inside a row, where `csv_core` and `csv` close the field and hand the record
//! back. `csv_core` does not tell its quoting state, so the record's bytes are scanned
//! again, only for a record that ended with the body and went through `csv_core` (an
//! unquoted one cannot be inside quotes).

use csv_core::ReadRecordResult;

use crate::wire::Record;

/// What [`Records::split`] found at the start of the input.
pub(crate) enum Split {
    /// A whole record ([`Records::view`] shows it); `consumed` bytes of the input are read.
    Record { consumed: usize },
    /// No whole record yet: `consumed` bytes (blank lines) are read, the rest must stay and
    /// more input be added after it.
    NeedMore { consumed: usize },
    /// No record left (only given at the end of the input).
    End,
    /// The body ended inside a quoted field of the record [`Records::view`] shows: a body
    /// cut inside a row. `csv_core` (and `csv`) hand such a record back as if whole.
    Cut { consumed: usize },
}

/// A record whose fields are not all UTF-8, as `csv` reports it.
pub(crate) struct NotUtf8 {
    /// 0-based.
    pub(crate) field: usize,
    /// Where in the field the bad byte is.
    pub(crate) valid_up_to: usize,
}

/// A record `csv_core` has started on when the input ran out.
#[derive(Clone, Copy, Default)]
struct Pending {
    nin: usize,
    nout: usize,
    nend: usize,
    /// The body's first record, where `csv_core` strips a byte-order mark.
    first: bool,
}

/// Where the last record's bytes are.
#[derive(Clone, Copy)]
enum Place {
    /// In the input given to `split`, from `start`.
    Input { start: usize, end: usize },
    /// In `out`, unquoted by `csv_core`.
    Output,
}

/// The splitter; one per body, its state carried from record to record.
pub(crate) struct Records {
    core: csv_core::Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    /// Field ranges of the last record, in its bytes.
    bounds: Vec<(usize, usize)>,
    place: Place,
    pending: Option<Pending>,
    /// Nothing read yet: the header goes through `csv_core` whatever it holds.
    first: bool,
    /// Lines (`\n`) read, for error positions.
    lines: u64,
    /// A new line after an odd run of backslashes stays in its field (the SMS logs).
    escapes: bool,
    /// Escaped new lines inside the record being split in place, counted into `lines`
    /// once the record is whole.
    escaped_lines: u64,
}

/// What ends the input given to `csv_core` before an escaped new line.
enum Escaped {
    /// `len` bytes of new line (`\n`, or `\r\n`) follow.
    NewLine { len: usize },
    /// A `\r` after an odd run of backslashes is the last byte so far: whether a `\n`
    /// follows is not known yet.
    Undecided,
}

impl Records {
    /// A splitter; `escapes` turns on the SMS logs' escaped new lines (see the module docs).
    pub(crate) fn new(escapes: bool) -> Self {
        Records {
            escapes,
            escaped_lines: 0,
            core: csv_core::ReaderBuilder::new().build(),
            out: vec![0; 1024],
            ends: vec![0; 32],
            bounds: Vec::with_capacity(32),
            place: Place::Output,
            pending: None,
            first: true,
            lines: 1,
        }
    }

    /// The line the next record starts on (1-based), as `csv` counts it.
    pub(crate) fn line(&self) -> u64 {
        self.lines
    }

    /// Finds the next record at the start of `input`; `eof` says no more input will come.
    pub(crate) fn split(&mut self, input: &[u8], eof: bool) -> Split {
        if self.pending.is_some() {
            return self.quoted(input, 0, eof);
        }
        if self.first {
            // `csv_core` strips a byte-order mark only when its first read sees all three
            // bytes, as the whole-body reader's first read always does; and one byte more,
            // or the empty rest would read as the end of the body.
            if input.len() < 4 && !eof {
                return Split::NeedMore { consumed: 0 };
            }
            self.first = false;
            self.pending = Some(Pending {
                first: true,
                ..Pending::default()
            });
            return self.quoted(input, 0, eof);
        }
        let mut start = 0;
        while let Some(&b) = input.get(start) {
            match b {
                b'\n' => self.lines += 1,
                b'\r' => {}
                _ => break,
            }
            start += 1;
        }
        if start == input.len() {
            return if eof {
                Split::End
            } else {
                Split::NeedMore { consumed: start }
            };
        }
        self.bounds.clear();
        self.escaped_lines = 0;
        let mut field = start;
        let mut i = start;
        // Eight bytes a step; each special byte of a step is handled in turn.
        while let Some(chunk) = input.get(i..i + 8) {
            let mut bytes = [0; 8];
            bytes.copy_from_slice(chunk);
            let mut hits = specials(u64::from_le_bytes(bytes));
            while hits != 0 {
                let at = i + (hits.trailing_zeros() / 8) as usize;
                hits &= hits - 1;
                if let Some(split) = self.special(input, start, &mut field, at, eof) {
                    return split;
                }
            }
            i += 8;
        }
        for at in i..input.len() {
            if matches!(input[at], b',' | b'"' | b'\r' | b'\n')
                && let Some(split) = self.special(input, start, &mut field, at, eof)
            {
                return split;
            }
        }
        if !eof {
            return Split::NeedMore { consumed: start };
        }
        // The last record of the body, with no line end after it.
        self.lines += self.escaped_lines;
        self.bounds.push((field - start, input.len() - start));
        self.place = Place::Input {
            start,
            end: input.len(),
        };
        Split::Record {
            consumed: input.len(),
        }
    }

    /// One `,`, `"`, `\r` or `\n` of an unquoted record at `at`; `Some` ends the record.
    #[inline(always)]
    fn special(
        &mut self,
        input: &[u8],
        start: usize,
        field: &mut usize,
        at: usize,
        eof: bool,
    ) -> Option<Split> {
        match input.get(at).copied() {
            Some(b',') => {
                self.bounds.push((*field - start, at - start));
                *field = at + 1;
                None
            }
            Some(b'"') => Some(self.quoted(input, start, eof)),
            b => {
                if self.escapes && input.get(at.wrapping_sub(1)) == Some(&b'\\') {
                    // `\` then `\n` or `\r\n` (the `\n` of an escaped `\r\n` is seen
                    // below, after its `\r`).
                    match escaped_new_line(input, start, at, eof) {
                        Some(Escaped::NewLine { .. }) => {
                            self.escaped_lines += u64::from(b == Some(b'\n'));
                            return None;
                        }
                        Some(Escaped::Undecided) => {
                            return Some(Split::NeedMore { consumed: start });
                        }
                        None => {}
                    }
                } else if self.escapes
                    && b == Some(b'\n')
                    && input.get(at.wrapping_sub(1)) == Some(&b'\r')
                    && matches!(
                        escaped_new_line(input, start, at - 1, eof),
                        Some(Escaped::NewLine { .. })
                    )
                {
                    self.escaped_lines += 1;
                    return None;
                }
                self.lines += self.escaped_lines;
                self.bounds.push((*field - start, at - start));
                self.place = Place::Input { start, end: at };
                if b == Some(b'\n') {
                    self.lines += 1;
                }
                Some(Split::Record { consumed: at + 1 })
            }
        }
    }

    /// A record through `csv_core`, from `start` (or where the pending one stopped).
    fn quoted(&mut self, input: &[u8], start: usize, eof: bool) -> Split {
        let data = input.get(start..).unwrap_or_default();
        let mut at = self.pending.take().unwrap_or_default();
        loop {
            let mut rest = data.get(at.nin..).unwrap_or_default();
            if rest.is_empty() && !eof {
                self.pending = Some(at);
                return Split::NeedMore { consumed: start };
            }
            if self.escapes {
                // `csv_core` reads one line at a time, and an escaped new line is fed as
                // ordinary bytes: so the search never runs past the record's end.
                match next_new_line(data, at.nin, eof) {
                    Some((0, Some(Escaped::Undecided))) => {
                        self.pending = Some(at);
                        return Split::NeedMore { consumed: start };
                    }
                    Some((0, Some(Escaped::NewLine { len }))) => {
                        self.escaped_into_field(data, &mut at, len);
                        continue;
                    }
                    Some((before, Some(_))) => rest = rest.get(..before).unwrap_or(rest),
                    Some((before, None)) => rest = rest.get(..=before).unwrap_or(rest),
                    None => {}
                }
            }
            let (result, nin, nout, nend) = self.core.read_record(
                rest,
                self.out.get_mut(at.nout..).unwrap_or_default(),
                self.ends.get_mut(at.nend..).unwrap_or_default(),
            );
            let read = rest.get(..nin).unwrap_or_default();
            self.lines += read.iter().filter(|&&b| b == b'\n').count() as u64;
            at.nin += nin;
            at.nout += nout;
            at.nend += nend;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    let len = self.out.len().max(1) * 2;
                    self.out.resize(len, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let len = self.ends.len().max(1) * 2;
                    self.ends.resize(len, 0);
                }
                ReadRecordResult::Record => {
                    self.bounds.clear();
                    let mut from = 0;
                    for &end in self.ends.get(..at.nend).unwrap_or_default() {
                        self.bounds.push((from, end));
                        from = end;
                    }
                    self.place = Place::Output;
                    let consumed = start + at.nin;
                    // Handed back for the end of the input, not for a line end: the
                    // record is whole only if no quoted field was left open.
                    if rest.is_empty()
                        && ends_in_quotes(data.get(..at.nin).unwrap_or_default(), at.first)
                    {
                        return Split::Cut { consumed };
                    }
                    return Split::Record { consumed };
                }
                ReadRecordResult::End => return Split::End,
            }
        }
    }

    /// An escaped new line of `len` bytes at `data[at.nin..]`, into the field `csv_core` is
    /// in: after a backslash that is an unquoted or a quoted field, where an ordinary byte
    /// is written out as it comes. So `len` ordinary bytes are fed and the new line written
    /// over them; `csv_core`'s state and positions stay as they would be.
    fn escaped_into_field(&mut self, data: &[u8], at: &mut Pending, len: usize) {
        if self.out.len() < at.nout + len {
            let grown = (self.out.len() * 2).max(at.nout + len);
            self.out.resize(grown, 0);
        }
        if self.ends.len() <= at.nend {
            let grown = (self.ends.len() * 2).max(at.nend + 1);
            self.ends.resize(grown, 0);
        }
        let (_, nin, nout, _) = self.core.read_record(
            &b"xx"[..len],
            self.out.get_mut(at.nout..).unwrap_or_default(),
            self.ends.get_mut(at.nend..).unwrap_or_default(),
        );
        let new_line = data.get(at.nin..at.nin + len).unwrap_or_default();
        if let Some(out) = self.out.get_mut(at.nout..at.nout + nout) {
            out.copy_from_slice(new_line.get(..nout).unwrap_or_default());
        }
        at.nin += nin;
        at.nout += nout;
        self.lines += 1;
    }

    /// The bytes of the last record (`input` as given to the `split` that found it).
    fn bytes<'a>(&'a self, input: &'a [u8]) -> &'a [u8] {
        match self.place {
            Place::Input { start, end } => input.get(start..end).unwrap_or_default(),
            Place::Output => {
                let end = self.bounds.last().map_or(0, |&(_, e)| e);
                self.out.get(..end).unwrap_or_default()
            }
        }
    }

    /// Makes the fields of the last record from `from` on one field, their texts joined by
    /// commas: a raw message's commas, put back. A record split in place holds those
    /// commas already; one `csv_core` unquoted has its fields end to end in `out`, so they
    /// are moved apart (this path allocates, the in-place one does not).
    pub(crate) fn join_from(&mut self, from: usize) {
        let Some(&(first, _)) = self.bounds.get(from) else {
            return;
        };
        let last = self.bounds.last().map_or(first, |&(_, e)| e);
        if let Place::Output = self.place {
            let mut joined = Vec::with_capacity(last.saturating_sub(first) + self.bounds.len());
            for (i, &(a, b)) in self.bounds.iter().enumerate().skip(from) {
                if i > from {
                    joined.push(b',');
                }
                joined.extend_from_slice(self.out.get(a..b).unwrap_or_default());
            }
            let end = first + joined.len();
            if self.out.len() < end {
                self.out.resize(end, 0);
            }
            if let Some(out) = self.out.get_mut(first..end) {
                out.copy_from_slice(&joined);
            }
            self.bounds.truncate(from);
            self.bounds.push((first, end));
            return;
        }
        self.bounds.truncate(from);
        self.bounds.push((first, last));
    }

    /// How many fields the last record has.
    pub(crate) fn count(&self) -> usize {
        self.bounds.len()
    }

    /// The last record is a blank line: one field, and that field blank
    /// ([`crate::wire::is_blank_field`]). The readers skip it wherever it stands.
    #[inline]
    pub(crate) fn is_blank(&self, input: &[u8]) -> bool {
        self.bounds.len() == 1 && crate::wire::is_blank_field(self.bytes(input))
    }

    /// The last record as text; an error names the first field that is not UTF-8.
    pub(crate) fn view<'a>(&'a self, input: &'a [u8]) -> Result<View<'a>, NotUtf8> {
        let bytes = self.bytes(input);
        let bounds = &self.bounds[..];
        if let Ok(text) = std::str::from_utf8(bytes) {
            // Split at ASCII commas, or concatenated from whole UTF-8 fields: every bound
            // is a character boundary then, unless unquoting joined two halves of one
            // character, which the field check below catches.
            if matches!(self.place, Place::Input { .. })
                || bounds.iter().all(|&(a, _)| text.is_char_boundary(a))
            {
                return Ok(View { text, bounds });
            }
        }
        for (field, &(a, b)) in bounds.iter().enumerate() {
            if let Err(e) = std::str::from_utf8(bytes.get(a..b).unwrap_or_default()) {
                return Err(NotUtf8 {
                    field,
                    valid_up_to: e.valid_up_to(),
                });
            }
        }
        Err(NotUtf8 {
            field: 0,
            valid_up_to: 0,
        })
    }

    /// The last record, fields joined by commas, bad bytes replaced: an error excerpt.
    pub(crate) fn lossy_text(&self, input: &[u8]) -> String {
        let bytes = self.bytes(input);
        let fields: Vec<_> = self
            .bounds
            .iter()
            .map(|&(a, b)| String::from_utf8_lossy(bytes.get(a..b).unwrap_or_default()))
            .collect();
        fields.join(",")
    }
}

/// Whether the `\n` or `\r` at `at` is an escaped new line: after an odd run of
/// backslashes (counted back to `start`, the record's first byte), and for a `\r`, with a
/// `\n` after it. `None`: it ends the record.
fn escaped_new_line(input: &[u8], start: usize, at: usize, eof: bool) -> Option<Escaped> {
    let before = input.get(start..at).unwrap_or_default();
    let run = before.iter().rev().take_while(|&&b| b == b'\\').count();
    if run % 2 == 0 {
        return None;
    }
    match (input.get(at), input.get(at + 1)) {
        (Some(b'\n'), _) => Some(Escaped::NewLine { len: 1 }),
        (Some(b'\r'), Some(b'\n')) => Some(Escaped::NewLine { len: 2 }),
        (Some(b'\r'), None) if !eof => Some(Escaped::Undecided),
        _ => None,
    }
}

/// Whether `raw`, one record's bytes as `csv_core` read them up to the end of the body, is
/// still inside a quoted field, by `csv_core`'s rules: a quote opens quoting only at the
/// start of a field, `""` inside quotes is one quote, a quote after the closing one or
/// inside an unquoted field is literal. Line ends before the record are skipped, as is a
/// byte-order mark before the body's `first` record; a new line inside the record is an
/// escaped one (any other would have ended it), an ordinary byte.
fn ends_in_quotes(raw: &[u8], first: bool) -> bool {
    #[derive(Clone, Copy)]
    enum Q {
        FieldStart,
        Unquoted,
        Quoted,
        /// A quote inside quotes: the closing one, or the first of `""`.
        QuoteInQuoted,
    }
    let raw = match raw.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) if first => rest,
        _ => raw,
    };
    let lead = raw
        .iter()
        .take_while(|&&b| b == b'\n' || b == b'\r')
        .count();
    let mut q = Q::FieldStart;
    for &b in raw.get(lead..).unwrap_or_default() {
        q = match (q, b) {
            (Q::Quoted, b'"') => Q::QuoteInQuoted,
            (Q::Quoted, _) => Q::Quoted,
            (Q::QuoteInQuoted, b'"') => Q::Quoted,
            (_, b',') => Q::FieldStart,
            (Q::FieldStart, b'"') => Q::Quoted,
            _ => Q::Unquoted,
        };
    }
    matches!(q, Q::Quoted)
}

/// The first `\n` or `\r` in `data` from `from`: how many bytes before it, and whether it
/// is an escaped new line. Only the `csv_core` path of the SMS logs looks.
fn next_new_line(data: &[u8], from: usize, eof: bool) -> Option<(usize, Option<Escaped>)> {
    let rest = data.get(from..).unwrap_or_default();
    let i = rest.iter().position(|&b| b == b'\n' || b == b'\r')?;
    Some((i, escaped_new_line(data, 0, from + i, eof)))
}

/// The high bit of each byte of `word` that is `,`, `"`, `\r` or `\n`, and of no other.
fn specials(word: u64) -> u64 {
    const LOWS: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Exact per byte (no borrow runs from one byte into the next): high bit of each zero.
    let zeros = |x: u64| !(((x & LOWS) + LOWS) | x | LOWS);
    zeros(word ^ (ONES * u64::from(b',')))
        | zeros(word ^ (ONES * u64::from(b'"')))
        | zeros(word ^ (ONES * u64::from(b'\r')))
        | zeros(word ^ (ONES * u64::from(b'\n')))
}

/// One record, every field UTF-8.
pub(crate) struct View<'a> {
    pub(crate) text: &'a str,
    pub(crate) bounds: &'a [(usize, usize)],
}

impl Record for View<'_> {
    fn field(&self, i: usize) -> Option<&str> {
        let &(a, b) = self.bounds.get(i)?;
        self.text.get(a..b)
    }
    fn count(&self) -> usize {
        self.bounds.len()
    }
}
