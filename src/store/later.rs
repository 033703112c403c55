//! The concerns of a file being opened, parsed on a second thread while the
//! screen draws everything else (see `outline`).

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use super::LoadError;
use crate::domain::Concern;

/// The concerns of a file being opened, read on their own thread.
#[derive(Debug)]
pub struct LaterConcerns {
    worker: Option<JoinHandle<Result<Vec<Concern>, LoadError>>>,
    bytes: Arc<Vec<u8>>,
    range: Range<usize>,
    path: PathBuf,
}

impl LaterConcerns {
    /// Starts reading the concerns, the text at `range` of `bytes` (checked as
    /// UTF-8 and JSON already).
    pub(super) fn start(bytes: Arc<Vec<u8>>, range: Range<usize>, path: &Path) -> Self {
        let worker = {
            let (bytes, range, path) = (Arc::clone(&bytes), range.clone(), path.to_owned());
            std::thread::Builder::new()
                .name("concerns".into())
                .spawn(move || parse(&bytes, range, &path))
                .ok()
        };
        Self {
            worker,
            bytes,
            range,
            path: path.to_owned(),
        }
    }

    /// The concerns, waiting for them if need be. A concern the data contract
    /// refuses fails the whole file, with the message a whole load gives.
    pub fn wait(mut self) -> Result<Vec<Concern>, LoadError> {
        let joined = self.worker.take().map(JoinHandle::join);
        match joined {
            Some(Ok(result)) => result,
            // No thread could be started, or it ended without an answer.
            _ => parse(&self.bytes, self.range.clone(), &self.path),
        }
    }
}

fn parse(bytes: &[u8], range: Range<usize>, path: &Path) -> Result<Vec<Concern>, LoadError> {
    let parsed = std::str::from_utf8(&bytes[range])
        .ok()
        .and_then(|text| serde_json::from_str::<Vec<Concern>>(text).ok());
    match parsed {
        Some(concerns) => Ok(concerns),
        // The whole file again, for the error as a whole load words it (its
        // line and column in the file, the record it is in).
        None => super::load_bytes(bytes, path).map(|loaded| loaded.data.concerns),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
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
        // With a byte order mark: the range must still hit the concerns.
        std::fs::write(&path, format!("\u{feff}{}", archive(200))).unwrap();
        let whole = crate::store::load_file(&path).unwrap();
        let (mut loaded, base, later) = open_file_for_screen(&path, 0).unwrap();
        assert!(loaded.data.concerns.is_empty());
        loaded.data.concerns = later.unwrap().wait().unwrap();
        assert_eq!(loaded.data, whole.data);
        assert_eq!(base.bytes(), std::fs::read(&path).unwrap());
        // Below the size given, the file is read whole at once.
        let (loaded, _, later) = open_file_for_screen(&path, usize::MAX).unwrap();
        assert!(later.is_none());
        assert_eq!(loaded.data, whole.data);
    }

    #[test]
    fn a_refused_concern_fails_the_file_as_a_whole_load_does() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        // The 30th concern without its title.
        let text = archive(50);
        let concerns = text.find("\"concerns\":").unwrap();
        let title = concerns
            + text[concerns..]
                .match_indices("\"title\":")
                .nth(30)
                .unwrap()
                .0;
        let text = format!("{}\"titel\":{}", &text[..title], &text[title + 8..]);
        std::fs::write(&path, &text).unwrap();
        let whole = load_bytes(text.as_bytes(), &path).unwrap_err();
        assert!(matches!(whole, LoadError::Syntax { .. }), "{whole:?}");
        let (_, _, later) = open_file_for_screen(&path, 0).unwrap();
        let later = later.unwrap().wait().unwrap_err();
        assert_eq!(later.to_string(), whole.to_string());
    }
}
