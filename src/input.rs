//! Bounded input: the limits on what is read from outside, and a line
//! reader that never holds more than its limit, whatever the input (a
//! single endless line such as `/dev/zero` included).

use std::io::{self, BufRead};

/// The longest statement `verify` reads, in bytes (as an argument or a
/// line of `--file`). A sentence is a few hundred; this leaves room for a
/// paragraph.
pub const MAX_STATEMENT_BYTES: usize = 10_000;

/// The longest quiz answer read, in bytes.
pub const MAX_ANSWER_BYTES: usize = 1_000;

/// The largest bank file read, in bytes (the shipped one is 60 KB; a bank
/// of 24,000 facts written as richly is about 27 MB).
pub const MAX_BANK_BYTES: u64 = 64 * 1024 * 1024;

/// What one call to [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// A line (without its newline) is in the buffer.
    Read,
    /// End of input, nothing read.
    End,
    /// The line is longer than the limit; the buffer holds its first
    /// `max` bytes and the rest has not been read.
    TooLong,
}

/// Reads one line into `buf` (cleared first), holding at most `max + 1`
/// bytes of it.
pub(crate) fn read_line(r: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<Line> {
    buf.clear();
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(if buf.is_empty() {
                Line::End
            } else {
                Line::Read
            });
        }
        let (take, newline) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        if buf.len() + take > max {
            let room = max - buf.len();
            buf.extend_from_slice(&chunk[..room]);
            r.consume(room);
            return Ok(Line::TooLong);
        }
        buf.extend_from_slice(&chunk[..take]);
        r.consume(take + usize::from(newline));
        if newline {
            return Ok(Line::Read);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: usize) -> Vec<(Line, Vec<u8>)> {
        let mut r = io::BufReader::with_capacity(4, input);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            let l = read_line(&mut r, &mut buf, max).unwrap();
            let stop = l != Line::Read;
            out.push((l, buf.clone()));
            if stop {
                return out;
            }
        }
    }

    #[test]
    fn lines_within_the_limit_are_read_whole() {
        let got = lines(b"one\ntwo words\n\nlast", 9);
        let want: Vec<(Line, Vec<u8>)> = vec![
            (Line::Read, b"one".to_vec()),
            (Line::Read, b"two words".to_vec()),
            (Line::Read, b"".to_vec()),
            (Line::Read, b"last".to_vec()),
            (Line::End, b"".to_vec()),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn a_longer_line_stops_at_the_limit() {
        let got = lines(b"short\nmuch too long\nnext", 8);
        assert_eq!(got[1], (Line::TooLong, b"much too".to_vec()));
    }

    #[test]
    fn an_endless_line_holds_no_more_than_the_limit() {
        let mut zeros = io::BufReader::new(io::repeat(0));
        let mut buf = Vec::new();
        let l = read_line(&mut zeros, &mut buf, 1000).unwrap();
        assert_eq!(l, Line::TooLong);
        assert_eq!(buf.len(), 1000);
    }
}
