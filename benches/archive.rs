//! Speed on a large archive (`fachmk demo`: 60 sessions × 20 conferences, 12 000
//! concerns, ~20 MB). Run with `cargo bench`; targets and figures are in the README.
#![allow(clippy::unwrap_used)]

use std::sync::LazyLock;

use divan::Bencher;
use fachmk::app::App;
use fachmk::demo::{DemoSize, archive};
use fachmk::domain::Dataset;
use fachmk::search::{Engine, Index, Scorer};
use fachmk::store;
use fuzzy_matcher::FuzzyMatcher as _;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The program's allocator (`src/main.rs`), so the figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    eprintln!(
        "archive: {} kB, {} sessions, {} concerns",
        BYTES.len() / 1000,
        DATA.sessions.len(),
        DATA.concerns.len()
    );
    divan::main();
}

/// In the order the file is written in, as loaded data is: a save need not sort a copy.
static DATA: LazyLock<Dataset> = LazyLock::new(|| {
    let mut data = archive(DemoSize::default());
    data.normalize();
    data
});
static BYTES: LazyLock<Vec<u8>> =
    LazyLock::new(|| store::to_bytes(&DATA, "demo.json".as_ref()).unwrap());
static FILE: LazyLock<(tempfile::TempDir, std::path::PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.json");
    std::fs::write(&path, &*BYTES).unwrap();
    (dir, path)
});

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap()
}

#[divan::bench(sample_count = 20)]
fn load_and_validate() -> usize {
    let loaded = store::load_bytes(divan::black_box(&BYTES), "demo.json".as_ref()).unwrap();
    loaded.data.validate().len()
}

/// A save as the screen makes it (`sync::save_merging`): lock, leftovers,
/// the file read and compared with the base, serialized, written to a
/// temporary file, fsync, backup linked, rename, backups rotated, directory fsync.
#[divan::bench(sample_count = 20)]
fn save(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("save.json");
    std::fs::write(&path, &*BYTES).unwrap();
    let mut base = store::Base::new(BYTES.clone(), None);
    let mut data = DATA.clone();
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        data.sessions[0].place = Some(format!("Ort {n}"));
        match store::sync::save_merging(&path, &base, &data, 5).unwrap() {
            store::sync::SaveOutcome::Saved(written) => base = written,
            _ => panic!("nobody else saved"),
        }
    });
}

/// The part of a save that is computing: the data serialized (pretty, stable
/// order), into a buffer of the last size as a save makes it.
#[divan::bench(sample_count = 20)]
fn save_serialize_only() -> usize {
    store::to_bytes_sized(divan::black_box(&DATA), "demo.json".as_ref(), BYTES.len())
        .unwrap()
        .len()
}

/// The same, as `serde_json::to_writer_pretty` writes it on one core (what
/// the program did before serializing on two): the same bytes.
#[divan::bench(sample_count = 20)]
fn save_serialize_serde_json() -> usize {
    let mut bytes = Vec::with_capacity(BYTES.len() + BYTES.len() / 16 + 128);
    serde_json::to_writer_pretty(&mut bytes, divan::black_box(&*DATA)).unwrap();
    bytes.len()
}

/// From start to the first frame: read and parse the file, build the app, draw.
#[divan::bench(sample_count = 20)]
fn first_frame() {
    let loaded = store::load_file(&FILE.1).unwrap();
    let app = App::new(loaded.data, today(), chrono::Utc::now(), "bench", None);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|f| fachmk::ui::render(&app, f, &fachmk::ui::Theme::default()))
        .unwrap();
}

/// The same as the screen reads the file: all but the concerns, which a
/// second thread reads meanwhile (waited for after the sample, untimed, so
/// that one sample's thread does not run into the next).
#[divan::bench(sample_count = 20)]
fn first_frame_concerns_later() -> ConcernsRead {
    let (loaded, _, later) = store::open_file_for_screen(&FILE.1, 1 << 20).unwrap();
    let app = App::new(loaded.data, today(), chrono::Utc::now(), "bench", None);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|f| fachmk::ui::render(&app, f, &fachmk::ui::Theme::default()))
        .unwrap();
    ConcernsRead(later)
}

/// Waits for the concerns when dropped (divan drops a sample's output after
/// timing it).
struct ConcernsRead(Option<store::LaterConcerns>);

impl Drop for ConcernsRead {
    fn drop(&mut self) {
        let later = self.0.take().map(store::LaterConcerns::wait);
        assert!(matches!(later, Some(Ok(store::Later::Concerns(_)))));
    }
}

#[divan::bench(sample_count = 20)]
fn build_search_index() -> usize {
    Index::build(&DATA, 108).entries.len()
}

/// 100 000 searchable items: the archive's own, repeated.
fn hundred_thousand(engine: Engine) -> Index {
    let own = Index::build(&DATA, 108);
    let entries = own.entries.iter().cycle().take(100_000).cloned().collect();
    Index::with_engine(entries, engine)
}
static BIG_INDEX: LazyLock<Index> = LazyLock::new(|| hundred_thousand(Engine::Nucleo));
static BIG_INDEX_SKIM: LazyLock<Index> =
    LazyLock::new(|| hundred_thousand(Engine::Other(std::sync::Arc::new(Skim::default()))));

/// `fuzzy-matcher`'s Skim V2 (a dev-dependency), plugged into the index for comparison.
struct Skim(SkimMatcherV2);

impl Default for Skim {
    fn default() -> Self {
        Self(SkimMatcherV2::default().ignore_case())
    }
}

impl Scorer for Skim {
    fn score(&self, text: &str, query: &str) -> Option<i64> {
        self.0.fuzzy_match(text, query)
    }
    fn indices(&self, text: &str, query: &str) -> Option<(i64, Vec<usize>)> {
        self.0.fuzzy_indices(text, query)
    }
}

/// One keystroke: the query grows by a letter, narrowing the result of the
/// query typed letter by letter up to there (not measured).
fn keystroke(bencher: Bencher, index: &Index, query: &str) {
    let mut before = None;
    for end in 1..query.len() {
        before = Some(index.search_within(&query[..end], before.as_ref()).1);
    }
    bencher.bench_local(|| index.search_within(query, before.as_ref()).0.len());
}

/// A word typed letter by letter (1, 2, 3, 5, 7 letters), a second word; a
/// syllable found inside words more often than at their start (`u`, `un`,
/// `ung`: the best hits are spread over the whole index); an abbreviation that
/// only fuzzy matching finds, from its first letter no text contains in order
/// (`rgs`: all entries scored) on.
const QUERIES: [&str; 15] = [
    "r",
    "re",
    "reg",
    "regis",
    "registe",
    "registe imk",
    "u",
    "un",
    "ung",
    "rgs",
    "rgst",
    "rgstr",
    "rgstrm",
    "rgstrmd",
    "rgstrmdr",
];

/// One keystroke over 100 000 items, matched by nucleo-matcher (what the program uses).
#[divan::bench(args = QUERIES, sample_count = 10)]
fn search_keystroke_100k(bencher: Bencher, query: &str) {
    keystroke(bencher, &BIG_INDEX, query);
}

/// The same keystrokes matched by fuzzy-matcher's Skim V2, for comparison.
#[divan::bench(args = QUERIES, sample_count = 3)]
fn search_keystroke_100k_skim(bencher: Bencher, query: &str) {
    keystroke(bencher, &BIG_INDEX_SKIM, query);
}

/// One key press handled and one frame drawn at 120×40.
#[divan::bench(sample_count = 200)]
fn key_press_and_frame(bencher: Bencher) {
    let mut app = App::new(DATA.clone(), today(), chrono::Utc::now(), "bench", None);
    app.resize(120, 40);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let theme = fachmk::ui::Theme::default();
    let mut down = true;
    bencher.bench_local(|| {
        let code = if down { KeyCode::Down } else { KeyCode::Up };
        down = !down;
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
        terminal
            .draw(|f| fachmk::ui::render(&app, f, &theme))
            .unwrap();
    });
}

#[divan::bench(sample_count = 10)]
fn merge_two_edited_copies(bencher: Bencher) {
    let base = DATA.clone();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.sessions
        .last_mut()
        .unwrap()
        .report_mut("IMK")
        .answers
        .insert("Q1".into(), "unsere".into());
    theirs
        .sessions
        .last_mut()
        .unwrap()
        .report_mut("WMK")
        .answers
        .insert("Q1".into(), "ihre".into());
    theirs.concerns[5].status = fachmk::domain::ConcernStatus::Resolved;
    // Concerns changed on both sides: the lists are merged record by record.
    ours.concerns[11_000].title.push_str(" (unser)");
    bencher.bench_local(|| {
        store::sync::merge_datasets(&base, &ours, &theirs)
            .unwrap()
            .conflicts
            .len()
    });
}
