//! SIGHUP (the SSH connection dropped), SIGTERM and SIGINT: the work is written
//! to the recovery file, and the process ends with 128 + the signal's number.
//! After a hang-up the terminal is gone, so it is not touched.

use std::sync::{Arc, Mutex};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::{Shared, lock, restore_terminal};

pub(super) fn install(shared: Arc<Mutex<Shared>>) -> std::io::Result<()> {
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                tracing::warn!(signal, "signal received; keeping unsaved work for recovery");
                let mut state = lock(&shared);
                let Shared { app, file } = &mut *state;
                file.write_recovery(app);
                if signal != SIGHUP {
                    restore_terminal();
                }
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}
