//! The data file: load (with positions in errors), save (atomic, with backups),
//! default paths, the bundled dataset. Everything here touches the disk; nothing
//! here touches the terminal.

mod base;
mod bundled;
mod error;
mod export_file;
mod later;
mod load;
pub mod lock;
pub mod merge;
mod outline;
pub mod paths;
pub mod read;
pub mod recovery;
mod save;
mod serialize;
pub mod sync;

pub use base::Base;
pub use bundled::{BUNDLED_JSON, bundled};
pub use error::{Cause, LoadError, SaveError};
pub use export_file::{overwrite_export, write_export};
pub use later::{Later, LaterConcerns};
pub use load::{Loaded, MAX_FILE_SIZE, load_bytes, load_file, open_file, open_file_for_screen};
pub use save::{
    DEFAULT_BACKUPS, backup_path, link_target, save, save_loaded, to_bytes, to_bytes_sized,
    write_new,
};
