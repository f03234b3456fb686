//! `numpy.gradient` against a live numpy, bit for bit.
//!
//! The cases are Rust made by `tools/live/gradient.py` (random shapes of
//! rank 1 to 4, integer, `f32` and `f64` samples with large magnitudes,
//! subnormals, NaN and infinities, every spacing form, edge orders 1 and 2,
//! axis subsets, inline and heap tensors). `CONSTGRAD_LIVE_GRADIENT` names
//! the file (`tools/live/run.sh` and `.ci/run` set it); without it the frozen
//! sample in `tools/live/frozen/` runs, and the output says so loudly.
//!
//! Coordinates whose stencil coefficients are not finite are rejected by the
//! checked constructors; the generator marks them, the test counts and lists
//! the rejections and compares those cases through `Coords::unchecked` /
//! `CoordsRef::unchecked` (numpy's behaviour); any other rejection is a
//! failure. Such steps are given as plain reals (unchecked) by the generator.

mod live;

use constgrad::stencil::{Axis, Coords, CoordsRef, GridError, Step, Unit, EDGE1, EDGE2};
use constgrad::{HeapTensor, Rank1, Rank2, Rank3, Rank4, Real, Tensor};
use live::{Case, Generated, Runner};

/// An `f32` or `f64` with its bit pattern.
trait Bits: Real + core::fmt::LowerExp {
    type B: Copy + Into<u64>;
    fn from_b(b: Self::B) -> Self;
    fn bits(self) -> u64;
    fn is_nan(self) -> bool;
}

impl Bits for f64 {
    type B = u64;
    fn from_b(b: u64) -> f64 {
        f64::from_bits(b)
    }
    fn bits(self) -> u64 {
        self.to_bits()
    }
    fn is_nan(self) -> bool {
        f64::is_nan(self)
    }
}

impl Bits for f32 {
    type B = u32;
    fn from_b(b: u32) -> f32 {
        f32::from_bits(b)
    }
    fn bits(self) -> u64 {
        self.to_bits().into()
    }
    fn is_nan(self) -> bool {
        f32::is_nan(self)
    }
}

fn f64s(b: &[u64]) -> Vec<f64> {
    b.iter().copied().map(f64::from_bits).collect()
}

fn f32s(b: &[u32]) -> Vec<f32> {
    b.iter().copied().map(f32::from_bits).collect()
}

#[derive(Default)]
struct Gradients {
    case: &'static str,
    outputs: usize,
    values: usize,
    nan_payloads: usize,
    rejected: Vec<String>,
    failures: Vec<String>,
}

impl Runner for Gradients {
    fn begin(&mut self, name: &'static str) {
        self.case = name;
    }
    fn fail(&mut self, msg: String) {
        self.failures.push(format!("{}: {msg}", self.case));
    }
}

impl Gradients {
    /// A checked step (the generator only asks for steps it expects to pass).
    fn step<R: Bits>(&mut self, h: R) -> Option<Step<R>> {
        Step::new(h)
            .map_err(|e| self.fail(format!("Step::new({h:e}) rejected a valid step: {e}")))
            .ok()
    }

    /// The coordinates a borrowed spacing points into.
    fn array<R: Bits, const N: usize>(&mut self, bits: &[R::B]) -> [R; N] {
        core::array::from_fn(|k| R::from_b(bits[k]))
    }

    /// Checked coordinates; `may_reject` marks coordinates whose stencil
    /// coefficients are not finite, which the checked constructor refuses:
    /// those are counted and run through the unchecked, numpy-compatible
    /// path instead.
    fn coords<R: Bits, const N: usize>(
        &mut self,
        bits: &[R::B],
        may_reject: bool,
    ) -> Option<Coords<R, N>> {
        let x = self.array(bits);
        self.checked(Coords::new(x), may_reject, || Coords::unchecked(x))
    }

    /// Checked borrowed coordinates (as [`Self::coords`]).
    fn coords_ref<'a, R: Bits, const N: usize>(
        &mut self,
        x: &'a [R; N],
        may_reject: bool,
    ) -> Option<CoordsRef<'a, R, N>> {
        self.checked(CoordsRef::new(x), may_reject, || CoordsRef::unchecked(x))
    }

    /// What a checked constructor returned: a rejection is counted and the
    /// `unchecked` spacing used when `may_reject`, a failure otherwise.
    fn checked<T>(
        &mut self,
        made: Result<T, GridError>,
        may_reject: bool,
        unchecked: impl FnOnce() -> T,
    ) -> Option<T> {
        match made {
            Ok(c) => Some(c),
            Err(e) if may_reject => {
                self.rejected.push(format!("{}: {e}", self.case));
                Some(unchecked())
            }
            Err(e) => {
                self.fail(format!(
                    "the checked constructor rejected valid coordinates: {e}"
                ));
                None
            }
        }
    }

    /// Compares every output with numpy's bits, reporting the first
    /// differing element of each output and how many differ.
    ///
    /// A NaN equals any NaN: IEEE 754 leaves the sign and payload of a NaN
    /// made from two NaN operands to the hardware's choice of operand, and
    /// the compiler may swap the operands of `+` and `*` (numpy's C loops and
    /// LLVM choose differently). Such payload differences are counted.
    fn check<R: Bits>(&mut self, got: &[&[R]], want: &[&[R::B]]) {
        assert_eq!(got.len(), want.len(), "{}: number of outputs", self.case);
        for (k, (g, w)) in got.iter().zip(want).enumerate() {
            assert_eq!(g.len(), w.len(), "{}: output {k}: length", self.case);
            let nan = |i: usize| g[i].is_nan() && R::from_b(w[i]).is_nan();
            self.nan_payloads += (0..g.len())
                .filter(|&i| nan(i) && g[i].bits() != w[i].into())
                .count();
            let bad: Vec<usize> = (0..g.len())
                .filter(|&i| !nan(i) && g[i].bits() != w[i].into())
                .collect();
            if let Some(&i) = bad.first() {
                let wv = R::from_b(w[i]);
                self.fail(format!(
                    "output {k}: {} of {} elements differ; first at flat index {i}: got {:e} ({:#x}), numpy {:e} ({:#x})",
                    bad.len(),
                    g.len(),
                    g[i],
                    g[i].bits(),
                    wv,
                    wv.bits()
                ));
            }
            self.outputs += 1;
            self.values += g.len();
        }
    }
}

include!(env!("CONSTGRAD_LIVE_GRADIENT"));

#[test]
fn numpy_gradient_bit_for_bit() {
    let mut r = Gradients::default();
    live::run_all(&mut r, CASES);
    let head = GENERATED.describe(
        "live numpy.gradient",
        CASES.len(),
        "CONSTGRAD_LIVE_GRADIENT",
    );
    // Loud when no live reference ran (the frozen sample).
    let bang = if GENERATED.live { "" } else { "!!! " };
    println!("{bang}{head}");
    println!(
        "compared {} outputs ({} values) bit for bit ({} NaNs with another sign or payload than numpy's); {} coordinate arrays rejected by the checked constructor (non-finite stencil coefficients) and compared through the unchecked one; {} failures",
        r.outputs,
        r.values,
        r.nan_payloads,
        r.rejected.len(),
        r.failures.len()
    );
    for line in &r.rejected {
        println!("  rejected: {line}");
    }
    assert!(
        r.failures.is_empty(),
        "{} of {} cases differ from numpy:\n{}",
        r.failures.len(),
        CASES.len(),
        r.failures.join("\n")
    );
    if GENERATED.live {
        assert!(CASES.len() >= 500, "a live run has at least 500 cases");
    }
    assert!(r.outputs > 0, "no case ran");
}
