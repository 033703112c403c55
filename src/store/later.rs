//! The concerns of a file being opened, parsed on a second thread while the
//! screen draws everything else (see `outline`).
//!
//! For a file as this program writes it, the thread starts before the rest is
//! read, where the concerns seem to begin (`outline::concerns_start`); what it
//! read counts only if it is exactly the `concerns` value the parse of the rest
//! found. When the thread has not got a core by the time the concerns are
//! needed (a busy machine), the screen's thread reads them itself.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;

use super::LoadError;
use crate::domain::Concern;

/// Concerns read by the thread, and the bytes they were read from.
type Read = (Range<usize>, Vec<Concern>);

/// The concerns of a file being opened, read on their own thread.
#[derive(Debug)]
pub struct LaterConcerns {
    worker: Option<JoinHandle<Option<Read>>>,
    /// Set by whichever thread begins to read the concerns: the other one
    /// then does not.
    claimed: Arc<AtomicBool>,
    bytes: Arc<Vec<u8>>,
    /// The bytes of the `concerns` value, once the rest of the file is read.
    range: Option<Range<usize>>,
    /// The rest was read on the guess that `range` holds the concerns.
    guessed: bool,
    path: PathBuf,
}

/// What the concerns read beside the first frame came to.
#[derive(Debug)]
pub enum Later {
    Concerns(Vec<Concern>),
    /// The bytes the rest of the file was read around are not its concerns
    /// (a file not written by this program): the rest was misread, and the
    /// file is to be read whole.
    Misread,
}

impl LaterConcerns {
    /// Starts reading the concerns from `start` in `bytes` (checked as UTF-8
    /// already) up to the end of the JSON value there.
    pub(super) fn start(bytes: &Arc<Vec<u8>>, start: usize, path: &Path) -> Self {
        let claimed = Arc::new(AtomicBool::new(false));
        let worker = {
            let (bytes, claimed) = (Arc::clone(bytes), Arc::clone(&claimed));
            std::thread::Builder::new()
                .name("concerns".into())
                .spawn(move || {
                    if claimed.swap(true, Ordering::SeqCst) {
                        return None;
                    }
                    read_from(&bytes, start)
                })
                .ok()
        };
        Self {
            worker,
            claimed,
            bytes: Arc::clone(bytes),
            range: None,
            guessed: false,
            path: path.to_owned(),
        }
    }

    /// Where the `concerns` value is, as the parse of the rest found it.
    pub(super) fn found_at(mut self, range: Range<usize>) -> Self {
        self.range = Some(range);
        self
    }

    /// The rest was read as if `range` held the concerns (`outline::without_span`).
    pub(super) fn guessed(mut self, range: Range<usize>) -> Self {
        self.guessed = true;
        self.found_at(range)
    }

    /// The concerns, waiting for them if need be (or reading them here, if the
    /// thread has not begun). A concern the data contract refuses fails the
    /// whole file, with the message a whole load gives. Where the rest was
    /// read around bytes guessed to be the concerns, anything but exactly those
    /// bytes read as concerns is `Misread`: the file is to be read whole
    /// (which also finds what was refused).
    pub fn wait(mut self) -> Result<Later, LoadError> {
        let range = self.range.clone().unwrap_or_default();
        let read = if self.claimed.swap(true, Ordering::SeqCst) {
            self.worker.take().and_then(|w| w.join().ok()).flatten()
        } else {
            read_from(&self.bytes, range.start)
        };
        match read {
            Some((read, concerns)) if read == range => return Ok(Later::Concerns(concerns)),
            _ if self.guessed => return Ok(Later::Misread),
            _ => {}
        }
        // The thread began where the concerns were not, or they were refused.
        match read_from(&self.bytes, range.start) {
            Some((read, concerns)) if read == range => Ok(Later::Concerns(concerns)),
            // Refused: the message and the place a whole load gives.
            _ => super::load_bytes(&self.bytes, &self.path)
                .map(|loaded| Later::Concerns(loaded.data.concerns)),
        }
    }
}

impl Drop for LaterConcerns {
    /// A thread that has not begun need not: nobody will take its concerns.
    fn drop(&mut self) {
        self.claimed.store(true, Ordering::SeqCst);
    }
}

/// The JSON value at `start` read as concerns, and the bytes it took; `None`
/// when it is not that.
fn read_from(bytes: &[u8], start: usize) -> Option<Read> {
    let text = std::str::from_utf8(bytes.get(start..)?).ok()?;
    let mut values = serde_json::Deserializer::from_str(text).into_iter::<Vec<Concern>>();
    let concerns = values.next()?.ok()?;
    Some((start..start + values.byte_offset(), concerns))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    use super::{Later, LaterConcerns};
    use crate::store::{LoadError, load_bytes, open_file_for_screen};

    fn archive(concerns: u32) -> String {
        let data = crate::demo::archive(crate::demo::DemoSize {
            sessions: 3,
            concerns,
            seed: 5,
        });
        serde_json::to_string_pretty(&data).unwrap()
    }

    #[test]
    fn a_file_opened_for_the_screen_has_the_concerns_of_a_whole_load() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        let pretty = archive(200);
        let value: serde_json::Value = serde_json::from_str(&pretty).unwrap();
        for text in [
            // With a byte order mark: the range must still hit the concerns.
            format!("\u{feff}{pretty}"),
            // On one line: no place of the concerns to guess.
            serde_json::to_string(&value).unwrap(),
            // A guess that is wrong: a "concerns" line in a nested object.
            pretty.replacen("{\n", "{\n  \"x\": {\n  \"concerns\": [\n  ]},\n", 1),
        ] {
            std::fs::write(&path, &text).unwrap();
            let whole = crate::store::load_file(&path).unwrap();
            let (mut loaded, base, later) = open_file_for_screen(&path, 0).unwrap();
            assert!(loaded.data.concerns.is_empty());
            let later = later.unwrap();
            // The thread's work is taken, not done again (on a busy machine it
            // may not have begun yet: then wait for it).
            let worker = later.worker.as_ref().unwrap();
            while !worker.is_finished() {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            loaded.data.concerns = read(later);
            assert_eq!(loaded.data, whole.data);
            assert_eq!(loaded.data.concerns.len(), 200);
            assert_eq!(base.bytes(), text.as_bytes());
        }
        // Below the size given, the file is read whole at once.
        let (loaded, _, later) = open_file_for_screen(&path, usize::MAX).unwrap();
        assert!(later.is_none());
        assert_eq!(loaded.data.concerns.len(), 200);
    }

    #[test]
    fn concerns_no_thread_began_are_read_by_the_one_that_waits() {
        let text = archive(30);
        let bytes = Arc::new(text.clone().into_bytes());
        let (_, range) = crate::store::outline::without_concerns(&text).unwrap();
        // As if the thread had not got a core yet when the concerns are needed.
        let later = LaterConcerns {
            worker: None,
            claimed: Arc::new(AtomicBool::new(false)),
            bytes: Arc::clone(&bytes),
            range,
            guessed: false,
            path: "a.json".into(),
        };
        let claimed = Arc::clone(&later.claimed);
        let concerns = read(later);
        assert!(claimed.load(Ordering::SeqCst));
        let whole = load_bytes(&bytes, "a.json".as_ref()).unwrap().data.concerns;
        assert_eq!(concerns.len(), 30);
        assert_eq!(concerns, whole);
    }

    #[test]
    fn a_refused_concern_fails_the_file_as_a_whole_load_does() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        // The 30th concern without its title.
        let refused = |text: &str| {
            let concerns = text.find("\"concerns\":").unwrap();
            let title = concerns
                + text[concerns..]
                    .match_indices("\"title\":")
                    .nth(30)
                    .unwrap()
                    .0;
            format!("{}\"titel\":{}", &text[..title], &text[title + 8..])
        };
        let pretty = archive(50);
        let value: serde_json::Value = serde_json::from_str(&pretty).unwrap();
        for (text, guessed) in [
            (refused(&pretty), true),
            (refused(&serde_json::to_string(&value).unwrap()), false),
        ] {
            let whole = load_bytes(text.as_bytes(), &path).unwrap_err();
            assert!(matches!(whole, LoadError::Syntax { .. }), "{whole:?}");
            std::fs::write(&path, &text).unwrap();
            let (_, _, later) = open_file_for_screen(&path, 0).unwrap();
            match later.unwrap().wait() {
                // Read around the concerns guessed: the file is to be read whole.
                Ok(Later::Misread) => assert!(guessed),
                // Where nothing was guessed, the error is the whole load's.
                Err(later) => {
                    assert!(!guessed);
                    assert_eq!(later.to_string(), whole.to_string());
                }
                Ok(Later::Concerns(_)) => panic!("a refused concern was read"),
            }
        }
    }

    #[test]
    fn a_rest_read_around_what_are_not_the_concerns_is_misread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        // As another program may write it: no concerns, and after them a list
        // closed at the top level, taken for their end.
        let text = archive(40).replacen(
            "\n  \"concerns\": [",
            "\n  \"concerns\": [],\n  \"x\": [\n    1\n  ],\n  \"y\": [",
            1,
        );
        std::fs::write(&path, &text).unwrap();
        let whole = crate::store::load_file(&path).unwrap().data;
        assert!(whole.concerns.is_empty() && whole.extra.contains_key("x"));
        let (loaded, _, later) = open_file_for_screen(&path, 0).unwrap();
        // The guess read the key `x` as part of the concerns.
        assert!(!loaded.data.extra.contains_key("x"));
        assert!(matches!(later.unwrap().wait(), Ok(Later::Misread)));
    }

    fn read(later: LaterConcerns) -> Vec<crate::domain::Concern> {
        match later.wait().unwrap() {
            Later::Concerns(concerns) => concerns,
            Later::Misread => panic!("misread"),
        }
    }
}
