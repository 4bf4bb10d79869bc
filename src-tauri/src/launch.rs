//! The app's command line: `attache-desktop [--vault DIR] [--config-dir DIR] [FILE...]`.
//!
//! The flags win over `ATTACHE_VAULT` / `ATTACHE_CONFIG_DIR` (tests pass them through
//! tauri-driver so every test gets its own folders); FILEs are articles to open.
//!
//! Decision: the `--test-*` flags are the end-to-end tests' stand-ins for what WebDriver
//! cannot reach (GTK file dialogs, the file manager; drops need none: the tests drag files
//! over X11's XDND like a file manager). Each is read
//! only from this process's own command line, only when given, and does nothing otherwise;
//! a second launch's arguments are used for their files only (see `single_instance`), so a
//! running app can never be switched into a test mode. No environment variable turns them on.

use std::ffi::OsString;
use std::path::PathBuf;

/// What the app was started with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LaunchArgs {
    /// `--vault DIR`.
    pub vault: Option<PathBuf>,
    /// `--config-dir DIR`.
    pub config_dir: Option<PathBuf>,
    /// Article files to open.
    pub files: Vec<PathBuf>,
    /// `--test-pick-dir DIR`: the native file dialogs are replaced by this folder (the
    /// end-to-end tests cannot click through a GTK dialog). Never set by users.
    pub test_pick_dir: Option<PathBuf>,
    /// `--test-reveal-file FILE`: "Show log file" writes the path it would reveal into FILE
    /// instead of opening a file manager (tests only).
    pub test_reveal_file: Option<PathBuf>,
    /// `--test-opened-file FILE`: links the app would open in the browser are appended to
    /// FILE instead (tests only).
    pub test_opened_file: Option<PathBuf>,
}

impl LaunchArgs {
    /// Parses the arguments after the program name. Unknown flags are ignored (a desktop
    /// launcher may add its own), never fatal.
    #[must_use]
    pub fn parse<I: IntoIterator<Item = OsString>>(args: I) -> Self {
        let mut out = Self::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let text = arg.to_string_lossy();
            if let Some(v) = text.strip_prefix("--vault=") {
                out.vault = Some(PathBuf::from(v));
            } else if let Some(v) = text.strip_prefix("--config-dir=") {
                out.config_dir = Some(PathBuf::from(v));
            } else if text == "--test-pick-dir" {
                out.test_pick_dir = args.next().map(PathBuf::from);
            } else if text == "--test-reveal-file" {
                out.test_reveal_file = args.next().map(PathBuf::from);
            } else if text == "--test-opened-file" {
                out.test_opened_file = args.next().map(PathBuf::from);
            } else if text == "--vault" {
                out.vault = args.next().map(PathBuf::from);
            } else if text == "--config-dir" {
                out.config_dir = args.next().map(PathBuf::from);
            } else if text.starts_with("--") {
                log::debug!("ignoring unknown argument {text}");
            } else {
                out.files.push(PathBuf::from(arg));
            }
        }
        out.vault = out.vault.filter(|p| !p.as_os_str().is_empty());
        out.config_dir = out.config_dir.filter(|p| !p.as_os_str().is_empty());
        out
    }

    /// The arguments of this process.
    #[must_use]
    pub fn from_env() -> Self {
        Self::parse(std::env::args_os().skip(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> LaunchArgs {
        LaunchArgs::parse(args.iter().map(OsString::from))
    }

    #[test]
    fn flags_in_both_spellings_and_files() {
        let a = parse(&["--vault", "/v", "--config-dir=/c", "a.txt", "--x", "b.md"]);
        assert_eq!(a.vault, Some(PathBuf::from("/v")));
        assert_eq!(a.config_dir, Some(PathBuf::from("/c")));
        assert_eq!(a.files, [PathBuf::from("a.txt"), PathBuf::from("b.md")]);
    }

    #[test]
    fn test_stand_ins_are_off_unless_named() {
        let a = parse(&["a.txt"]);
        assert_eq!((a.test_pick_dir, a.test_reveal_file), (None, None));
        let a = parse(&["--test-reveal-file", "/r", "b.txt"]);
        assert_eq!(a.test_reveal_file, Some(PathBuf::from("/r")));
        assert_eq!(a.files, [PathBuf::from("b.txt")]);
    }

    #[test]
    fn a_flag_without_value_is_absent() {
        let a = parse(&["--vault"]);
        assert_eq!(a.vault, None);
        assert!(a.files.is_empty());
    }
}
