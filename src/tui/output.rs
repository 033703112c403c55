//! The output path: a frame goes to the terminal in one write. ratatui flushes
//! its backend at the end of every draw; this writer ignores that, so that the
//! loop can add the end of the synchronized update (DEC 2026) and then present
//! the whole frame at once.
//!
//! It is also the last guard of the screen against text from the shared file:
//! ratatui drops control characters but hands zero-width ones, such as the bidi
//! overrides and isolates (U+202A–U+202E, U+2066–U+2069), to the terminal inside
//! the previous cell, where a bidi-capable terminal would reorder the rest of the
//! line (Trojan Source). Every character [`crate::safe::is_unsafe`] names is
//! dropped here; they take no column, so the picture stays aligned.

use std::io::{BufWriter, Write};

/// Output buffer: a whole frame fits.
pub const CAPACITY: usize = 64 * 1024;

pub struct FrameWriter<W: Write> {
    inner: BufWriter<W>,
    /// The start of a multi-byte character cut by a write, until the next one.
    pending: Vec<u8>,
}

/// The byte length of the UTF-8 character that `lead` starts, for the leads
/// of characters that may have to be dropped (two and three bytes); else 0.
fn guarded_len(lead: u8) -> usize {
    match lead {
        0xC2 => 2,
        0xE2 => 3,
        _ => 0,
    }
}

impl<W: Write> FrameWriter<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner: BufWriter::with_capacity(CAPACITY, inner),
            pending: Vec::new(),
        }
    }

    /// Sends everything buffered: once per frame.
    pub fn present(&mut self) -> std::io::Result<()> {
        let pending = std::mem::take(&mut self.pending);
        self.inner.write_all(&pending)?;
        self.inner.flush()
    }

    pub fn get_ref(&self) -> &W {
        self.inner.get_ref()
    }

    /// Writes `data` without the characters a terminal must not get; keeps
    /// a character cut at its end for the next write.
    fn write_guarded(&mut self, data: &[u8]) -> std::io::Result<()> {
        let mut start = 0;
        let mut i = 0;
        while i < data.len() {
            let len = guarded_len(data[i]);
            if len == 0 {
                i += 1;
                continue;
            }
            let Some(bytes) = data.get(i..i + len) else {
                self.inner.write_all(&data[start..i])?;
                self.pending = data[i..].to_vec();
                return Ok(());
            };
            let unsafe_char = std::str::from_utf8(bytes)
                .ok()
                .and_then(|s| s.chars().next())
                .is_some_and(crate::safe::is_unsafe);
            if unsafe_char {
                self.inner.write_all(&data[start..i])?;
                start = i + len;
            }
            i += if unsafe_char { len } else { 1 };
        }
        self.inner.write_all(&data[start..])
    }
}

impl<W: Write> Write for FrameWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.pending.is_empty() {
            self.write_guarded(buf)?;
        } else {
            let mut data = std::mem::take(&mut self.pending);
            data.extend_from_slice(buf);
            self.write_guarded(&data)?;
        }
        Ok(buf.len())
    }

    /// Deliberately nothing: a frame is sent by `present`.
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn through(pieces: &[&[u8]]) -> Vec<u8> {
        let mut writer = FrameWriter::new(Vec::new());
        for piece in pieces {
            assert_eq!(writer.write(piece).unwrap(), piece.len());
        }
        writer.present().unwrap();
        writer.get_ref().clone()
    }

    #[test]
    fn bidi_overrides_and_c1_controls_never_reach_the_terminal() {
        let text = "\u{1b}[10;36Hc \u{202e}…ab\u{2066}ü\u{2069}—\u{9b}6n ok";
        assert_eq!(
            String::from_utf8(through(&[text.as_bytes()])).unwrap(),
            "\u{1b}[10;36Hc …abü—6n ok"
        );
        // However the frame is cut into writes.
        let bytes = text.as_bytes();
        for cut in 0..=bytes.len() {
            let (a, b) = bytes.split_at(cut);
            assert_eq!(
                String::from_utf8(through(&[a, b])).unwrap(),
                "\u{1b}[10;36Hc …abü—6n ok",
                "cut at byte {cut}"
            );
        }
    }

    #[test]
    fn ordinary_text_passes_unchanged() {
        let text = "╔▸Konferenzen═ · Größe ✓ ✎ – ‚Zitat‘ „Anführung“ € 中文 …\u{1b}[0m";
        assert_eq!(through(&[text.as_bytes()]), text.as_bytes());
    }
}
