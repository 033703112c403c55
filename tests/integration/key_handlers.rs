//! "A newcomer finds the handler of any key in one hop": every action bound
//! in a layer's `keys.rs` is handled in that layer's own files, or its row
//! says which `App` function handles it (the few actions of every layer).
#![allow(clippy::unwrap_used)]

use std::path::Path;

/// Actions every list moves by (`Action::movement`, asked in each `update`).
const MOVES: [&str; 6] = [
    "SelectPrevious",
    "SelectNext",
    "PageUp",
    "PageDown",
    "SelectFirst",
    "SelectLast",
];

#[test]
fn every_key_of_a_layer_is_handled_in_its_own_files() {
    let app = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut unhandled = Vec::new();
    let mut layers = 0;
    for entry in std::fs::read_dir(&app).unwrap() {
        let folder = entry.unwrap().path();
        let Ok(keys) = std::fs::read_to_string(folder.join("keys.rs")) else {
            continue;
        };
        layers += 1;
        let own: String = std::fs::read_dir(&folder)
            .unwrap()
            .map(|f| f.unwrap().path())
            .filter(|p| p.file_name().unwrap() != "keys.rs")
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        for row in keys.lines().filter(|l| l.contains(", A::")) {
            let action = row.split("A::").nth(1).unwrap();
            let action: String = action
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            let handled = MOVES.contains(&action.as_str())
                || row.contains("// the App's: App::")
                || own.contains(&format!("Action::{action}"))
                || own.contains(&format!("A::{action}"));
            if !handled {
                unhandled.push(format!("{}: {action}", folder.display()));
            }
        }
    }
    assert_eq!(layers, 9, "a keys.rs per layer");
    assert!(unhandled.is_empty(), "{unhandled:#?}");
}
