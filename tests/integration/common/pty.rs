//! The real binary in a pseudo-terminal: keys in, screen (parsed by vt100) out.
#![allow(dead_code, clippy::unwrap_used)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

pub struct Pty {
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, as it came.
    raw: Arc<Mutex<Vec<u8>>>,
    /// Keeps the terminal's master side open.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Pty {
    /// Starts `fachmk` with `args` in an 80×24 terminal, with `home` as its home
    /// (XDG data and state below it).
    pub fn spawn(home: &Path, args: &[&str]) -> Self {
        Self::spawn_with_env(home, args, &[])
    }

    /// `fachmk --file FILE --session 48` in `home`, as most screen tests start.
    pub fn on_session_48(home: &Path, file: &Path) -> Self {
        Self::spawn(home, &["--file", file.to_str().unwrap(), "--session", "48"])
    }

    /// Like `spawn`, with more environment variables.
    pub fn spawn_with_env(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Self {
        Self::spawn_as(&[], home, home, args, env)
    }

    /// Like `spawn_with_env`, run through `wrapper` (e.g. `setpriv --reuid=…
    /// --`, to run as another account), in the working directory `cwd`.
    pub fn spawn_as(
        wrapper: &[&str],
        home: &Path,
        cwd: &Path,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Self {
        let cmd = match wrapper.split_first() {
            Some((program, rest)) => {
                let mut cmd = CommandBuilder::new(program);
                cmd.args(rest);
                cmd.arg(env!("CARGO_BIN_EXE_fachmk"));
                cmd
            }
            None => CommandBuilder::new(env!("CARGO_BIN_EXE_fachmk")),
        };
        Self::start(cmd, home, cwd, args, env)
    }

    /// Starts `program` (a shell, or `setsid` before fachmk) like `spawn_with_env`.
    pub fn spawn_program(home: &Path, program: &str, args: &[&str], env: &[(&str, &str)]) -> Self {
        Self::start(CommandBuilder::new(program), home, home, args, env)
    }

    fn start(
        mut cmd: CommandBuilder,
        home: &Path,
        cwd: &Path,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env_clear();
        cmd.env("HOME", home);
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("XDG_STATE_HOME", home.join("state"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("USER", "e2e");
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(24).unwrap(),
            std::num::NonZeroU16::new(80).unwrap(),
            0,
        )));
        let sink = Arc::clone(&screen);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let raw_sink = Arc::clone(&raw);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                raw_sink.lock().unwrap().extend_from_slice(&buf[..n]);
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        Self {
            child,
            writer,
            screen,
            raw,
            _master: pair.master,
        }
    }

    /// Every byte the program wrote so far.
    pub fn output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Which mouse reports the program asked the terminal for.
    pub fn mouse_mode(&self) -> vt100::MouseProtocolMode {
        self.screen.lock().unwrap().screen().mouse_protocol_mode()
    }

    /// How many cells on the screen have a colour of their own.
    pub fn coloured_cells(&self) -> usize {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let (rows, cols) = (rows.get(), cols.get());
        (0..rows)
            .flat_map(|r| (0..cols).map(move |c| (r, c)))
            .filter(|&(r, c)| {
                screen.cell(r, c).is_some_and(|cell| {
                    cell.fgcolor() != vt100::Color::Default
                        || cell.bgcolor() != vt100::Color::Default
                })
            })
            .count()
    }

    /// Waits until the screen shows `text`; panics with the screen after 10 s.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("screen never showed {text:?}:\n{}", self.contents());
    }

    /// Sends bytes as typed, then gives the program a moment.
    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Escape alone: with a pause after it, so it is not read as Alt+next key.
    pub fn escape(&mut self) {
        std::thread::sleep(Duration::from_millis(60));
        self.send("\x1b");
        std::thread::sleep(Duration::from_millis(120));
    }

    /// The process id of the program.
    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }

    /// Sends a signal (by name, as `kill` takes it) to the program.
    pub fn signal(&self, name: &str) {
        let ok = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .unwrap();
        assert!(ok.success());
    }

    /// Waits for the program to end; returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "did not exit:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

pub const TAB: &str = "\t";
pub const ENTER: &str = "\r";
pub const CTRL_S: &str = "\x13";

/// A temporary home holding a copy of the bundled dataset as `daten.json`.
pub fn bundled_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("daten.json");
    fachmk::store::write_new(&file, fachmk::store::BUNDLED_JSON.as_bytes()).unwrap();
    (home, file)
}
