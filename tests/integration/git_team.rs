//! Git as the team's distribution (issue 11, item 7), with the set-up exactly
//! as the README writes it: a real `git merge` with fachmk as merge driver names
//! the data file, `check` lists the conflicts it left, `export` refuses until
//! they are decided, and backups and the lock stay out of `git status`.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use fachmk::store;

/// The README's git set-up: the driver command and the `.gitignore` lines.
fn readme_setup() -> (String, Vec<String>) {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let driver = readme
        .lines()
        .find_map(|l| l.strip_prefix("git config merge.fachmk.driver \""))
        .and_then(|l| l.strip_suffix('"'))
        .expect("the README configures the merge driver")
        .to_owned();
    let ignored: Vec<String> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("echo '")?.strip_suffix("' >> .gitignore"))
        .map(str::to_owned)
        .collect();
    assert!(
        !ignored.is_empty(),
        "the README's git set-up has .gitignore lines"
    );
    (driver, ignored)
}

fn git(repo: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .current_dir(repo)
        .env("HOME", repo)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(args)
        .output()
        .unwrap()
}

fn git_ok(repo: &Path, args: &[&str]) -> String {
    let out = git(repo, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A repository set up as the README says, with the bundled file committed.
fn repository(repo: &Path) {
    let (driver, ignored) = readme_setup();
    let driver = driver.replacen("fachmk ", &format!("{} ", env!("CARGO_BIN_EXE_fachmk")), 1);
    git_ok(repo, &["init", "-q", "-b", "main"]);
    git_ok(repo, &["config", "user.email", "t@example.org"]);
    git_ok(repo, &["config", "user.name", "t"]);
    git_ok(
        repo,
        &["config", "merge.fachmk.name", "fachmk record merge"],
    );
    git_ok(repo, &["config", "merge.fachmk.driver", &driver]);
    std::fs::write(repo.join(".gitattributes"), "fachmk.json merge=fachmk\n").unwrap();
    std::fs::write(repo.join(".gitignore"), ignored.join("\n") + "\n").unwrap();
    std::fs::write(repo.join("fachmk.json"), store::BUNDLED_JSON).unwrap();
    git_ok(repo, &["add", "."]);
    git_ok(repo, &["commit", "-qm", "base"]);
}

fn answer(file: &Path, text: &str) {
    let mut data = store::load_file(file).unwrap().data;
    data.session_mut(48)
        .unwrap()
        .report_mut("IMK")
        .answers
        .insert("Q1".into(), text.into());
    std::fs::write(file, store::to_bytes(&data, file).unwrap()).unwrap();
}

#[test]
fn a_conflicting_git_merge_names_the_data_file_and_check_and_export_see_it() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    repository(repo);
    let file = repo.join("fachmk.json");
    git_ok(repo, &["checkout", "-q", "-b", "buero-a"]);
    answer(&file, "aus Büro A");
    git_ok(repo, &["commit", "-qam", "A"]);
    git_ok(repo, &["checkout", "-q", "main"]);
    answer(&file, "aus Büro B");
    git_ok(repo, &["commit", "-qam", "B"]);
    let merge = git(repo, &["merge", "--no-edit", "buero-a"]);
    assert!(
        !merge.status.success(),
        "the same field, two values: a conflict"
    );
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&merge.stdout),
        String::from_utf8_lossy(&merge.stderr)
    );
    assert!(said.contains("fachmk --file fachmk.json"), "{said}");
    assert!(!said.contains(".merge_file"), "{said}");

    // `check` lists the open conflict and exits 1.
    let check = crate::common::fachmk(repo)
        .current_dir(repo)
        .args(["--file", "fachmk.json", "check"])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    let listed = String::from_utf8_lossy(&check.stdout);
    assert!(
        listed.contains("Offener Merge-Konflikt: 48. Sitzung · Bericht IMK"),
        "{listed}"
    );
    // `export` refuses, naming it, and prints nothing on stdout.
    for format in ["md", "json", "ics", "csv"] {
        let export = crate::common::fachmk(repo)
            .current_dir(repo)
            .args(["--file", "fachmk.json", "export", "--format", format])
            .output()
            .unwrap();
        assert_eq!(export.status.code(), Some(65), "{format}");
        assert!(export.stdout.is_empty());
        let why = String::from_utf8_lossy(&export.stderr);
        assert!(
            why.contains("1 offene Merge-Konflikte") && why.contains("Bericht IMK"),
            "{why}"
        );
    }
}

#[test]
fn a_broken_side_is_named_by_the_data_file_not_by_gits_temporary_name() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join(".merge_file_AbC123");
    let ours = dir.path().join(".merge_file_DeF456");
    let theirs = dir.path().join(".merge_file_GhI789");
    std::fs::write(&base, store::BUNDLED_JSON).unwrap();
    std::fs::write(&ours, store::BUNDLED_JSON).unwrap();
    std::fs::write(&theirs, "{ broken").unwrap();
    let output = crate::common::fachmk(dir.path())
        .arg("merge")
        .args([&base, &ours, &theirs])
        .arg("team/fachmk.json")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(65));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("team/fachmk.json (Fassung der anderen)"),
        "{said}"
    );
    assert!(!said.contains(".merge_file"), "{said}");
}

#[test]
fn backups_and_the_lock_stay_out_of_git_status() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    repository(repo);
    let file = repo.join("fachmk.json");
    // A real save makes the backup and the lock.
    for text in ["eins", "zwei"] {
        let mut data = store::load_file(&file).unwrap().data;
        data.session_mut(48)
            .unwrap()
            .report_mut("IMK")
            .answers
            .insert("Q1".into(), text.into());
        store::save(&file, &store::to_bytes(&data, &file).unwrap(), 5).unwrap();
    }
    for extra in [
        "fachmk.json.lock",
        "fachmk.json.bak.5",
        ".fachmk.json.x7Yz9Q",
    ] {
        std::fs::write(repo.join(extra), "x").unwrap();
    }
    assert!(repo.join("fachmk.json.bak").exists());
    let status = git_ok(repo, &["status", "--porcelain", "--untracked-files=all"]);
    assert_eq!(
        status, " M fachmk.json\n",
        "only the data file, no leftovers of fachmk"
    );
}
