//! Stack use of the gradient entry points, measured: a gradient runs in a
//! thread of a given stack size or overflows it (which aborts the process),
//! so each size is tried in a child process (this test binary re-run on the
//! ignored test `stack_probe`) and the smallest size that works is found by
//! bisection. The documented formulas (`ad::grad`, `ad::grad_chunked_heap`)
//! must hold for these measurements.

use std::process::Command;

use constgrad::ad::{grad, grad_chunked, grad_chunked_heap, ChunkDual, DEFAULT_CHUNK};
use constgrad::stencil::{Unit, EDGE2};
use constgrad::{HeapTensor, Rank1, Scalar, Tensor};

/// The loss of the issue: the squared slope of the samples, summed, over
/// `numpy.gradient` with second-order edges (two whole-tensor temporaries:
/// the slope and its square).
fn slope_loss<const N: usize, T: Scalar>(x: Tensor<Rank1<N>, T>) -> T {
    let [g] = x.gradient(Unit, EDGE2);
    (g * g).sum()
}

/// The same loss over heap tensors (the slope is a heap tensor too).
fn slope_loss_heap<const N: usize, T: Scalar>(x: &HeapTensor<Rank1<N>, T>) -> T {
    let [g] = x.gradient(Unit, EDGE2);
    g.as_slice().iter().fold(T::zero(), |s, &d| s + d * d)
}

/// Runs probe `which` in a thread of `stack` bytes; true when it finished.
fn runs_in(which: &str, stack: usize) -> bool {
    let status = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "stack_probe",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("CONSTGRAD_STACK_PROBE", format!("{which}:{stack}"))
        .output()
        .unwrap()
        .status;
    status.success()
}

/// The smallest stack (to `step` bytes) in `lo..=hi` in which probe `which`
/// runs.
fn min_stack(which: &str, mut lo: usize, mut hi: usize, step: usize) -> usize {
    assert!(
        runs_in(which, hi),
        "{which} does not run even in {hi} bytes"
    );
    while hi - lo > step {
        let mid = (lo + hi) / 2;
        if runs_in(which, mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

/// The child side: runs the probe named in the environment (nothing when
/// the variable is unset, so `cargo test -- --ignored` passes).
#[test]
#[ignore = "run by the stack tests in a child process"]
fn stack_probe() {
    let Ok(spec) = std::env::var("CONSTGRAD_STACK_PROBE") else {
        return;
    };
    let (which, stack) = spec.split_once(':').unwrap();
    let stack: usize = stack.parse().unwrap();
    // One non-inlined function per probe, so that a release build does not
    // merge their frames into one.
    let run: fn() -> f64 = match which {
        "sum32" => probe_sum::<32>,
        "sum64" => probe_sum::<64>,
        "grad32" => probe_slope::<32>,
        "grad64" => probe_slope::<64>,
        "heap4096" => probe_heap_4096,
        other => panic!("no probe {other}"),
    };
    let v = std::thread::Builder::new()
        .stack_size(stack)
        .spawn(run)
        .unwrap()
        .join()
        .unwrap();
    assert!(v.is_finite());
}

#[inline(never)]
fn probe_sum<const N: usize>() -> f64 {
    grad(
        |x: Tensor<Rank1<N>, _>| (x * x).sum(),
        Tensor::linspace(0.0, 1.0),
    )[[0]]
}

#[inline(never)]
fn probe_slope<const N: usize>() -> f64 {
    grad(slope_loss::<N, _>, Tensor::linspace(0.0, 1.0))[[0]]
}

#[inline(never)]
fn probe_heap_4096() -> f64 {
    let x = HeapTensor::<Rank1<4096>>::from_flat_fn(|i| i as f64);
    grad_chunked_heap(
        slope_loss_heap::<4096, ChunkDual<f64, 8>>,
        &x,
        DEFAULT_CHUNK,
    )[[0]]
}

/// The documented bound (`ad::grad`): `m` tensors of duals of
/// `N·(N + 1)·size_of::<f64>()` bytes each, plus 16 KiB for the thread and
/// the test's own frames. `m` is the debug build's figure, which is the
/// larger (every temporary keeps its own slot).
fn grad_bound(n: usize, m: usize) -> usize {
    m * n * (n + 1) * 8 + 16 * 1024
}

#[test]
fn grad_stack_use_stays_within_the_documented_formula() {
    // (probe, N, m): a tiny function, then a loss over `gradient()`. All are
    // measured before any is checked, so a failure shows every figure.
    let cases = [
        ("sum32", 32, 16),
        ("sum64", 64, 16),
        ("grad32", 32, 56),
        ("grad64", 64, 56),
    ];
    let used: Vec<usize> = cases
        .iter()
        .map(|&(which, n, m)| {
            let used = min_stack(which, 0, 4 * grad_bound(n, m), 1024);
            let seed = n * (n + 1) * 8;
            eprintln!(
                "{which}: {used} bytes of stack ({:.2} seeded inputs)",
                used as f64 / seed as f64
            );
            used
        })
        .collect();
    for (&(which, n, m), &used) in cases.iter().zip(&used) {
        assert!(
            used <= grad_bound(n, m),
            "{which} used {used} bytes, over the documented bound"
        );
        // And the measurement is real: at least the seeded input is on the stack.
        assert!(
            used >= n * (n + 1) * 8,
            "{which} used {used} bytes, less than its seed"
        );
    }
}

#[test]
fn chunked_heap_gradient_of_4096_inputs_runs_in_a_256_kib_stack() {
    assert!(runs_in("heap4096", 256 * 1024));
    eprintln!(
        "heap4096: {} bytes of stack",
        min_stack("heap4096", 16 * 1024, 256 * 1024, 8 * 1024)
    );
}

#[test]
fn chunked_gradient_of_4096_inputs_equals_every_other_form() {
    // The inline forms need 4096 × 9 × 8 bytes per tensor: a big thread.
    let big = std::thread::Builder::new().stack_size(64 << 20);
    big.spawn(|| {
        let x = HeapTensor::<Rank1<4096>>::from_flat_fn(|i| (i as f64 * 0.01).sin());
        let heap = grad_chunked_heap(
            slope_loss_heap::<4096, ChunkDual<f64, 8>>,
            &x,
            DEFAULT_CHUNK,
        );
        let inline = grad_chunked(slope_loss::<4096, _>, x.to_tensor(), DEFAULT_CHUNK);
        assert_eq!(heap.as_slice(), inline.as_slice());
        // L = Σ g², g = D x with D linear: ∇L = 2 Dᵀ D x. Checked along the
        // directional derivative d/dt L(x + t v) = ∇L · v, exact for a quadratic
        // to rounding: (L(x + v) - L(x - v)) / 2.
        let v = HeapTensor::<Rank1<4096>>::from_flat_fn(|i| ((i * 7919) % 13) as f64 / 13.0 - 0.5);
        let at = |s: f64| {
            let y =
                HeapTensor::<Rank1<4096>>::from_flat_fn(|i| x.as_slice()[i] + s * v.as_slice()[i]);
            slope_loss_heap(&y)
        };
        let dd = (at(1.0) - at(-1.0)) / 2.0;
        let gv: f64 = heap
            .as_slice()
            .iter()
            .zip(v.as_slice())
            .map(|(g, v)| g * v)
            .sum();
        assert!((dd - gv).abs() <= 1e-9 * dd.abs().max(1.0), "{dd} vs {gv}");
    })
    .unwrap()
    .join()
    .unwrap();
}

#[test]
fn chunked_gradient_equals_the_unchunked_one_where_both_fit() {
    let big = std::thread::Builder::new().stack_size(64 << 20);
    big.spawn(|| {
        let x = Tensor::<Rank1<256>>::from_fn(|[i]| (i as f64 * 0.05).cos());
        let full = grad(slope_loss::<256, _>, x);
        let chunked = grad_chunked(slope_loss::<256, _>, x, DEFAULT_CHUNK);
        let heap = grad_chunked_heap(
            slope_loss_heap::<256, ChunkDual<f64, 8>>,
            &HeapTensor::from_tensor(&x),
            DEFAULT_CHUNK,
        );
        assert_eq!(full, chunked);
        assert_eq!(full.as_slice(), heap.as_slice());
    })
    .unwrap()
    .join()
    .unwrap();
}
