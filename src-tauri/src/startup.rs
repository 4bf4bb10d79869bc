//! How long the app took to become usable: the UI reports its first interactive frame
//! (command `ui_ready`), and the app logs the time since the process started. That line is
//! the cold-start figure (tests/scripts/figures.sh reads it from the log), measured without
//! any test driver in the way.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

static STARTED: OnceLock<Instant> = OnceLock::new();

/// Notes when `run` began; the fallback when the kernel's start time cannot be read.
pub fn mark_start() {
    STARTED.get_or_init(Instant::now);
}

/// Time since the process started. On Linux this is measured from the kernel's start time
/// of the process (so loading the binary and its libraries counts too), to 10 ms; elsewhere,
/// or if `/proc` cannot be read, from [`mark_start`].
#[must_use]
pub fn since_process_start() -> Duration {
    let in_main = STARTED.get_or_init(Instant::now).elapsed();
    from_proc().filter(|d| *d >= in_main).unwrap_or(in_main)
}

/// `/proc/uptime` minus the process's start time (field 22 of `/proc/self/stat`, in clock
/// ticks since boot). Linux fixes the tick reported to programs (USER_HZ) at 100 per second.
fn from_proc() -> Option<Duration> {
    const TICKS_PER_SECOND: f64 = 100.0;
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) may contain spaces: count fields after its closing `)`.
    let after_name = stat.rsplit_once(')')?.1;
    let start_ticks: f64 = after_name.split_whitespace().nth(19)?.parse().ok()?;
    let uptime = std::fs::read_to_string("/proc/uptime").ok()?;
    let uptime: f64 = uptime.split_whitespace().next()?.parse().ok()?;
    let secs = uptime - start_ticks / TICKS_PER_SECOND;
    (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_process_age_grows_and_is_not_before_main() {
        mark_start();
        let first = since_process_start();
        std::thread::sleep(Duration::from_millis(30));
        let in_main = STARTED.get().unwrap().elapsed();
        let second = since_process_start();
        assert!(second > first, "{second:?} after {first:?}");
        assert!(
            second >= in_main,
            "{second:?} is less than the time since main, {in_main:?}"
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn linux_reads_the_start_time_from_proc() {
        let age = from_proc().expect("/proc/self/stat and /proc/uptime are readable on Linux");
        // A test process is seconds old, not hours.
        assert!(age < Duration::from_secs(3600), "{age:?}");
    }
}
