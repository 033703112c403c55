//! Signals and a dead terminal. SIGHUP (the SSH connection dropped), SIGTERM
//! and SIGINT: the work is written to the recovery file, and the process ends
//! with 128 + the signal's number; after a hang-up the terminal is gone, so it
//! is not touched. A terminal that hangs up or fails without a signal (a read
//! would only return end of input, over and over) ends the program the same
//! way, as a hang-up (129): a thread waits for that in `poll`, which costs
//! nothing meanwhile. SIGTSTP (`kill -TSTP`; Ctrl-Z arrives as a key) hands
//! the terminal back, stops, and on SIGCONT takes it again and redraws.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, TryLockError};
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP, SIGWINCH};
use signal_hook::iterator::Signals;

use super::{Shared, enter_screen, restore_terminal};

/// The user's own editor has the terminal: the recovery file (with the
/// editor's scratch file) was written before it opened, and the main thread
/// holds the state until it ends. A signal then ends the program at once.
pub(super) static EDITOR_OPEN: AtomicBool = AtomicBool::new(false);
/// The terminal was taken back after a stop: the next frame repaints all.
pub(super) static REPAINT: AtomicBool = AtomicBool::new(false);
/// The program is ending (a signal and a hung-up terminal can come together).
static ENDING: AtomicBool = AtomicBool::new(false);
/// Whether mouse reports are on (to turn them on again after a stop).
pub(super) static MOUSE: AtomicBool = AtomicBool::new(false);

pub(super) fn install(shared: Arc<Mutex<Shared>>) -> std::io::Result<()> {
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT, SIGTSTP])?;
    let for_signals = Arc::clone(&shared);
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                match signal {
                    SIGTSTP => stop_from_signal(),
                    // Ctrl-C typed into an editor that does not catch it is
                    // the editor's (as git does): its text stays safe.
                    SIGINT if EDITOR_OPEN.load(Ordering::SeqCst) => {}
                    _ => end(&for_signals, signal),
                }
            }
        })?;
    std::thread::Builder::new()
        .name("terminal-watch".into())
        .spawn(move || watch_terminal(&shared))?;
    Ok(())
}

/// Keeps the work for recovery and ends the process with 128 + `signal`.
pub(super) fn end(shared: &Mutex<Shared>, signal: i32) -> ! {
    if ENDING.swap(true, Ordering::SeqCst) {
        // Another thread is ending the process already.
        loop {
            std::thread::park();
        }
    }
    tracing::warn!(signal, "ending; keeping unsaved work for recovery");
    loop {
        let mut state = match shared.try_lock() {
            Ok(state) => state,
            // A panic elsewhere must not keep the work from being saved.
            Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
            // The editor is open: its recovery was written before it opened.
            Err(TryLockError::WouldBlock) if EDITOR_OPEN.load(Ordering::SeqCst) => break,
            Err(TryLockError::WouldBlock) => {
                std::thread::sleep(Duration::from_millis(5));
                continue;
            }
        };
        let Shared { app, file } = &mut *state;
        file.write_recovery(app);
        break;
    }
    if signal != SIGHUP && !EDITOR_OPEN.load(Ordering::SeqCst) {
        restore_terminal();
    }
    std::process::exit(128 + signal);
}

/// Waits until the terminal hangs up or fails, then ends as on SIGHUP.
fn watch_terminal(shared: &Mutex<Shared>) {
    use rustix::event::{PollFd, PollFlags};
    let stdin = std::io::stdin();
    loop {
        // No events asked for: only a hang-up or an error wakes it.
        let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
        match rustix::event::poll(&mut fds, None) {
            Ok(_) => {
                let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
                if fds[0].revents().intersects(gone) {
                    tracing::warn!(revents = ?fds[0].revents(), "the terminal hung up");
                    end(shared, SIGHUP);
                }
            }
            Err(rustix::io::Errno::INTR) => {}
            Err(e) => {
                tracing::warn!(error = %e, "cannot watch the terminal");
                return;
            }
        }
    }
}

/// Whether a shell with job control can continue this process after a stop:
/// its parent is in the same session but another process group. (Otherwise
/// the kernel ignores SIGTSTP from the terminal: nobody could send `fg`.)
///
/// The ids come from `/proc`, not from `getsid`/`getpgid`: in a container the
/// parent's session may lie outside our PID namespace, where the kernel
/// reports it as 0 — a value rustix's `Pid` cannot hold (it asserts, and a
/// debug build panicked on Ctrl-Z there).
pub(super) fn job_control() -> bool {
    let Some(own) = ProcessIds::read("self") else {
        return false;
    };
    let Some(parent) = ProcessIds::read(&own.parent.to_string()) else {
        return false;
    };
    own.session != 0 && parent.session == own.session && parent.group != own.group
}

/// The ids of `/proc/PID/stat` that job control depends on.
#[derive(Debug, PartialEq, Eq)]
struct ProcessIds {
    parent: i64,
    group: i64,
    session: i64,
}

impl ProcessIds {
    fn read(pid: &str) -> Option<Self> {
        Self::parse(&std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?)
    }

    /// `PID (COMM) STATE PPID PGRP SESSION …`; COMM may hold spaces and
    /// parentheses, so the fields are counted from its last `)`.
    fn parse(stat: &str) -> Option<Self> {
        let (_, rest) = stat.rsplit_once(')')?;
        let mut fields = rest.split_ascii_whitespace().skip(1);
        let mut next = || fields.next()?.parse().ok();
        Some(Self {
            parent: next()?,
            group: next()?,
            session: next()?,
        })
    }
}

/// Stops the process until SIGCONT (the shell's `fg`).
pub(super) fn stop() {
    // SIGSTOP: SIGTSTP itself is caught here, to hand the terminal back first.
    let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
}

/// `kill -TSTP`: as Ctrl-Z, from the signal thread. The main thread is woken
/// by a SIGWINCH (a resize event) to repaint.
fn stop_from_signal() {
    if !job_control() {
        return;
    }
    if EDITOR_OPEN.load(Ordering::SeqCst) {
        // The editor has the terminal and stops with us (same process group).
        stop();
        return;
    }
    restore_terminal();
    stop();
    if enter_screen(MOUSE.load(Ordering::SeqCst)).is_ok() {
        REPAINT.store(true, Ordering::SeqCst);
        let _ = signal_hook::low_level::raise(SIGWINCH);
    }
}

#[cfg(test)]
mod tests {
    use super::ProcessIds;

    #[test]
    fn ids_are_read_after_a_command_name_with_spaces_and_parentheses() {
        let stat = "4242 (a (b) c) S 17 4242 0 34816 4242 4194560 0";
        assert_eq!(
            ProcessIds::parse(stat),
            Some(ProcessIds {
                parent: 17,
                group: 4242,
                session: 0
            })
        );
        assert_eq!(ProcessIds::parse("4242 (x"), None);
        assert_eq!(ProcessIds::parse("4242 (x) S 1 2"), None);
    }

    #[test]
    fn this_process_has_ids() {
        assert!(ProcessIds::read("self").is_some_and(|ids| ids.parent > 0));
    }
}
