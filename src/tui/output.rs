//! The output path: a frame goes to the terminal in one write. ratatui flushes
//! its backend at the end of every draw; this writer ignores that, so that the
//! loop can add the end of the synchronized update (DEC 2026) and then present
//! the whole frame at once.

use std::io::{BufWriter, Write};

/// Output buffer: a whole frame fits.
pub const CAPACITY: usize = 64 * 1024;

pub struct FrameWriter<W: Write> {
    inner: BufWriter<W>,
}

impl<W: Write> FrameWriter<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner: BufWriter::with_capacity(CAPACITY, inner),
        }
    }

    /// Sends everything buffered: once per frame.
    pub fn present(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }

    pub fn get_ref(&self) -> &W {
        self.inner.get_ref()
    }
}

impl<W: Write> Write for FrameWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf)
    }

    /// Deliberately nothing: a frame is sent by `present`.
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
