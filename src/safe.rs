//! Text from the data file, made safe for a terminal. Everything fachmk prints to
//! standard output and standard error passes through [`TerminalSafe`]; a text
//! that anyone may have typed into the shared file must not drive a colleague's
//! terminal (OSC 52 clipboard, window title, CSI 6n answers typed into the shell,
//! reset, Trojan-Source bidi overrides).
//!
//! The one stand-in is U+FFFD (�) for: C0 controls except newline and tab (a
//! carriage return is kept only directly before a newline, as CSV and iCalendar
//! end their lines), DEL, C1 controls (U+0080–U+009F) and the bidi overrides and
//! isolates (U+202A–U+202E, U+2066–U+2069). Invalid UTF-8 gets it too.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

/// What a character that must not reach a terminal raw is shown as.
pub const STAND_IN: char = '\u{fffd}';

/// True for a character that must not reach a terminal raw (newline, tab and
/// carriage return aside: see [`terminal_safe`]).
pub fn is_unsafe(ch: char) -> bool {
    matches!(ch,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character, and every carriage return not followed
/// by a newline, replaced by [`STAND_IN`]. Borrowed when nothing changes.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone_cr = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    let first = text
        .char_indices()
        .find(|&(i, ch)| is_unsafe(ch) || lone_cr(i));
    let Some((start, _)) = first else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..start]);
    for (i, ch) in text[start..].char_indices() {
        if is_unsafe(ch) || lone_cr(start + i) {
            out.push(STAND_IN);
        } else {
            out.push(ch);
        }
    }
    Cow::Owned(out)
}

/// JSON text with DEL, C1 controls and bidi overrides written as `\uXXXX`
/// escapes (serde_json escapes only C0): the same data, safe on a terminal.
/// These characters can only occur inside JSON strings, so this stays valid.
pub fn json_escaped(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_unsafe) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for ch in json.chars() {
        if is_unsafe(ch) {
            let _ = write!(out, "\\u{:04x}", u32::from(ch));
        } else {
            out.push(ch);
        }
    }
    Cow::Owned(out)
}

/// A writer that passes everything through [`terminal_safe`], however the
/// bytes are split across writes, and remembers the first error, so that the
/// program can end with exit code 74 when standard output could not be written.
pub struct TerminalSafe<W: Write> {
    inner: W,
    /// An incomplete UTF-8 character or a carriage return, until the next write.
    pending: Vec<u8>,
    error: Option<io::Error>,
}

impl<W: Write> TerminalSafe<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
            error: None,
        }
    }

    /// The first error writing failed with, if any.
    pub fn error(&self) -> Option<&io::Error> {
        self.error.as_ref()
    }

    /// Writes what is pending (as stand-ins) and flushes; the first error of the
    /// whole life of this writer, if any.
    pub fn finish(&mut self) -> Option<&io::Error> {
        if !self.pending.is_empty() {
            let pending = std::mem::take(&mut self.pending);
            let text = String::from_utf8_lossy(&pending);
            let safe = terminal_safe(&text).replace('\r', &STAND_IN.to_string());
            let _ = self.emit(&safe);
        }
        if let Err(e) = self.inner.flush() {
            self.error.get_or_insert(e);
        }
        self.error.as_ref()
    }

    fn emit(&mut self, text: &str) -> io::Result<()> {
        if let Some(e) = &self.error {
            return Err(io::Error::new(e.kind(), e.to_string()));
        }
        self.inner.write_all(text.as_bytes()).inspect_err(|e| {
            self.error = Some(io::Error::new(e.kind(), e.to_string()));
        })
    }
}

impl<W: Write> Write for TerminalSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let joined;
        let bytes: &[u8] = if self.pending.is_empty() {
            buf
        } else {
            let mut pending = std::mem::take(&mut self.pending);
            pending.extend_from_slice(buf);
            joined = pending;
            &joined
        };
        let mut text = String::with_capacity(bytes.len());
        let mut rest = bytes;
        loop {
            match std::str::from_utf8(rest) {
                Ok(valid) => {
                    text.push_str(valid);
                    break;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                    let Some(len) = e.error_len() else {
                        // An incomplete character at the end: wait for the rest.
                        self.pending.extend_from_slice(after);
                        break;
                    };
                    text.push(STAND_IN);
                    rest = &after[len..];
                }
            }
        }
        if self.pending.is_empty() && text.ends_with('\r') {
            text.pop();
            self.pending.push(b'\r');
        }
        self.emit(&terminal_safe(&text))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through_writer(pieces: &[&[u8]]) -> String {
        let mut w = TerminalSafe::new(Vec::new());
        for p in pieces {
            w.write_all(p).unwrap_or_default();
        }
        w.finish();
        String::from_utf8(w.inner).unwrap_or_default()
    }

    #[test]
    fn controls_become_the_stand_in_and_text_stays() {
        assert_eq!(terminal_safe("Bär\tok\n"), "Bär\tok\n");
        assert_eq!(
            terminal_safe("a\u{1b}]52;c;eA==\u{7}b\u{9b}6n\u{202e}x\u{2066}\u{7f}"),
            "a�]52;c;eA==�b�6n�x��"
        );
        assert_eq!(terminal_safe("a\rb\r\nc\r"), "a�b\r\nc�");
    }

    #[test]
    fn the_writer_is_safe_however_the_bytes_are_split() {
        let hostile = "x\u{9b}6n\u{202e}ä\r\ny\rz".as_bytes();
        let whole = through_writer(&[hostile]);
        assert_eq!(whole, "x�6n�ä\r\ny�z");
        for cut in 0..hostile.len() {
            let (a, b) = hostile.split_at(cut);
            assert_eq!(through_writer(&[a, b]), whole, "cut at {cut}");
        }
        assert_eq!(through_writer(&[b"a\r"]), "a�");
        assert_eq!(through_writer(&[b"\xff\x1b"]), "��");
    }

    #[test]
    fn json_keeps_its_data_but_escapes_what_a_terminal_would_obey() {
        let json = serde_json::to_string("a\u{1b}\u{9b}\u{202e}\u{7f}").unwrap_or_default();
        let escaped = json_escaped(&json);
        assert_eq!(escaped, r#""a\u001b\u009b\u202e\u007f""#);
        let back: String = serde_json::from_str(&escaped).unwrap_or_default();
        assert_eq!(back, "a\u{1b}\u{9b}\u{202e}\u{7f}");
    }
}
