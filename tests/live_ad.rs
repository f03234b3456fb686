//! Random compositions of the elementary functions against a live JAX
//! (float64): value, gradient and Hessian, to 1e-12 relative.
//!
//! The cases are Rust made by `tools/live/ad.py`: an expression in 1 to 4
//! variables, a point where it is smooth and well-conditioned, and JAX's
//! value, `jax.grad` and `jax.hessian`. Each is checked through
//! `value_and_grad` (first-order duals), `hessian` (`Dual2`) and
//! `hessian_nested` (duals of duals). `CONSTGRAD_LIVE_AD` names the file
//! (`tools/live/run.sh` and `.ci/run` set it); without it the frozen sample
//! in `tools/live/frozen/` runs, and the output says so loudly.
//!
//! Tolerance: 1e-12 relative wherever the value is not near 0, that is for
//! entries of at least 1e-2 of the largest entry of the same gradient or
//! Hessian (or of 1); nearer 0, 1e-14 of that size. Near 0 the difference
//! is rounding noise of terms that cancel (JAX gives 4.4e-16 for the
//! derivative of `x / x`, the duals 0); such entries are counted. The
//! generator leaves out points where the derivatives themselves are rounding
//! noise (see `noisy` in `tools/live/ad.py`).

mod live;

use constgrad::ad::{hessian, hessian_nested, value_and_grad};
use constgrad::dual::{Dual, Dual2};
use constgrad::{Rank1, Scalar, Tensor};
use live::{Case, Generated, Runner};

const REL: f64 = 1e-12;
const ABS: f64 = 1e-14;
/// Below this fraction of the largest entry (or of 1) an entry is "near 0"
/// (the same constant as `NEAR_ZERO` in `tools/live/ad.py`).
const NEAR_ZERO: f64 = 1e-2;

type D1<const N: usize> = Dual<f64, Rank1<N>>;
type D2<const N: usize> = Dual2<f64, Rank1<N>>;
type DD<const N: usize> = Dual<D1<N>, Rank1<N>>;
type Fun<const N: usize, T> = fn(Tensor<Rank1<N>, T>) -> T;

#[derive(Default)]
struct Derivatives {
    case: &'static str,
    values: usize,
    worst: f64,
    worst_at: String,
    near_zero: usize,
    failures: Vec<String>,
}

impl Runner for Derivatives {
    fn begin(&mut self, name: &'static str) {
        self.case = name;
    }
    fn fail(&mut self, msg: String) {
        self.failures.push(format!("{}: {msg}", self.case));
    }
}

impl Derivatives {
    /// Checks `got` against JAX's `want`, entry by entry.
    fn close(&mut self, what: &str, got: &[f64], want: &[f64]) {
        let size = want.iter().fold(1.0_f64, |m, w| m.max(w.abs()));
        for (k, (&g, &w)) in got.iter().zip(want).enumerate() {
            let err = (g - w).abs();
            self.values += 1;
            let ok = if w.abs() >= NEAR_ZERO * size {
                if err / w.abs() > self.worst {
                    self.worst = err / w.abs();
                    self.worst_at = format!("{}: {what}[{k}]: got {g:e}, JAX {w:e}", self.case);
                }
                err <= REL * w.abs()
            } else {
                self.near_zero += 1;
                err <= ABS * size
            };
            if !ok {
                self.fail(format!("{what}[{k}]: got {g:e}, JAX {w:e} (error {err:e})"));
            }
        }
    }

    /// One expression, monomorphized for `f64`, first-order duals, `Dual2`
    /// and nested duals, at `x`.
    #[allow(clippy::type_complexity)]
    fn check<const N: usize, const NN: usize>(
        &mut self,
        f: (Fun<N, f64>, Fun<N, D1<N>>, Fun<N, D2<N>>, Fun<N, DD<N>>),
        x: [f64; N],
        value: f64,
        g: [f64; N],
        h: [f64; NN],
    ) {
        let x = Tensor::from(x);
        self.close("f64 value", &[f.0(x)], &[value]);
        let (v, gr) = value_and_grad(f.1, x);
        self.close("Dual value", &[v], &[value]);
        self.close("Dual gradient", gr.as_slice(), &g);
        let (v, gr, hs) = hessian(f.2, x);
        self.close("Dual2 value", &[v], &[value]);
        self.close("Dual2 gradient", gr.as_slice(), &g);
        self.close("Dual2 Hessian", hs.as_slice(), &h);
        let (v, gr, hs) = hessian_nested(f.3, x);
        self.close("nested value", &[v], &[value]);
        self.close("nested gradient", gr.as_slice(), &g);
        self.close("nested Hessian", hs.as_slice(), &h);
    }
}

include!(env!("CONSTGRAD_LIVE_AD"));

#[test]
fn compositions_match_jax() {
    let mut r = Derivatives::default();
    live::run_all(&mut r, CASES);
    let head = GENERATED.describe("live AD", CASES.len(), "CONSTGRAD_LIVE_AD");
    // Loud when no live reference ran (the frozen sample).
    let bang = if GENERATED.live { "" } else { "!!! " };
    println!("{bang}{head}");
    println!(
        "compared {} values (value, gradient, Hessian through Dual, Dual2 and nested duals); largest relative error {:e} away from 0; {} entries near 0 (checked to {ABS:e} of their gradient's or Hessian's size); {} failures",
        r.values,
        r.worst,
        r.near_zero,
        r.failures.len()
    );
    println!("largest relative error at {}", r.worst_at);
    assert!(
        r.failures.is_empty(),
        "{} differences from JAX:\n{}",
        r.failures.len(),
        r.failures.join("\n")
    );
    if GENERATED.live {
        assert!(CASES.len() >= 300, "a live run has at least 300 cases");
    }
    assert!(r.values > 0, "no case ran");
}
