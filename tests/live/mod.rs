//! What the live differential tests share: the header of a generated case
//! file, and the loop that runs every case, catching panics so that one bad
//! case names itself instead of hiding the rest.

use std::panic::{catch_unwind, AssertUnwindSafe};

/// The header every generated case file defines.
pub struct Generated {
    /// `true` for a file just made by `tools/live/*.py` against a live
    /// numpy/JAX; `false` for the frozen sample committed in `tools/live/frozen/`.
    pub live: bool,
    /// The generator's seed (replay with `CONSTGRAD_LIVE_SEED`).
    pub seed: u64,
    /// The reference library and its version.
    pub source: &'static str,
    /// The known-bug case families switched on (`CONSTGRAD_LIVE_KNOWN_BUGS`).
    pub switches: &'static str,
}

impl Generated {
    /// One line saying where the cases came from and how to replay them.
    pub fn describe(&self, what: &str, n: usize, var: &str) -> String {
        let origin = if self.live {
            format!("generated now against {}", self.source)
        } else {
            format!(
                "FROZEN sample (no live reference: {var} is not set; `bash tools/live/run.sh` \
                 or `.ci/run` generates live cases), made with {}",
                self.source
            )
        };
        let switches = if self.switches.is_empty() {
            "none"
        } else {
            self.switches
        };
        format!(
            "{what}: {n} cases, {origin}; seed {} (replay: CONSTGRAD_LIVE_SEED={} bash tools/live/run.sh); known-bug switches: {switches}",
            self.seed, self.seed
        )
    }
}

/// What a test's runner does around each case.
pub trait Runner: Sized {
    /// Case `name` starts (failures are reported under its name).
    fn begin(&mut self, name: &'static str);
    /// Records a failure of the current case.
    fn fail(&mut self, msg: String);
}

/// A generated case: its description and its body (`None` when a checked
/// constructor rejected its spacing and the case was not run).
pub type Case<R> = (&'static str, fn(&mut R) -> Option<()>);

/// Runs every case, turning a panic into a failure of that case.
pub fn run_all<R: Runner>(runner: &mut R, cases: &[Case<R>]) {
    for &(name, case) in cases {
        runner.begin(name);
        if let Err(p) = catch_unwind(AssertUnwindSafe(|| case(runner))) {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            runner.fail(format!("panicked: {msg}"));
        }
    }
}
