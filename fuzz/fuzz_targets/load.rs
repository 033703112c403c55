//! Feeds arbitrary bytes to the loader: it must answer with data or a message,
//! never panic; what loads must save and load again to the same data.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let path = std::path::Path::new("fuzz.json");
    if let Ok(loaded) = fachmk::store::load_bytes(bytes, path) {
        let saved = fachmk::store::to_bytes(&loaded.data, path).expect("loaded data saves");
        let again = fachmk::store::load_bytes(&saved, path).expect("saved data loads");
        let mut normalized = loaded.data;
        normalized.normalize();
        assert_eq!(again.data, normalized);
    }
});
