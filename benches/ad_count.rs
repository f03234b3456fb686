//! Instruction-count driver for the AD kernels: calls one kernel a given
//! number of times, so that a deterministic counter (valgrind's callgrind,
//! or `perf stat -e instructions`) measures it without the noise of a shared
//! machine. The per-call count is the difference between two runs divided
//! by the difference in calls, which cancels start-up and input setup:
//!
//! ```text
//! cargo bench --bench ad_count --no-run          # prints the binary's path
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null BIN rosen10/constgrad 1000
//! BIN --list                                     # the kernel names
//! bash benches/ad_count.sh [FILTER]              # every kernel, per call, and ratios to `hand`
//! ```
//!
//! Every implementation reads its input through `black_box(&x)`: passing a
//! tensor by value through `black_box` made the callee's wide loads straddle
//! the narrower stores that wrote it (a failed store-to-load forward), which
//! cost the Lorenz Jacobian 13.5 ns instead of 3.5 ns per call.
//!
//! Kernels are `WORKLOAD/IMPL`: `constgrad` (`value_and_grad`,
//! `value_and_jacobian`, `hessian`), `hand` (value and derivative written by
//! hand, see `common/ad_kernels.rs`), `num-dual`, and for the large inputs
//! `chunked` (`value_and_grad_chunked` with the default chunk).

use std::hint::black_box;

#[path = "common/ad_kernels.rs"]
mod kernels;

use constgrad::ad::{
    hessian, value_and_grad, value_and_grad_chunked, value_and_grad_chunked_heap,
    value_and_jacobian, Chunk, ChunkDual,
};
use constgrad::dual::{Dual, Dual2};
use constgrad::{HeapTensor, Rank1, Rank2, Tensor};
use kernels::*;
use nalgebra::SVector;

type Kernel = (&'static str, fn(u64));

/// `value_and_grad` of Rosenbrock against the hand-written pair and num-dual.
macro_rules! rosen_kernels {
    ($($n:literal),*) => {[$(
        (concat!("rosen", $n, "/constgrad"), (|k: u64| {
            let x = Tensor::<Rank1<$n>>::from(rosen_x0::<$n>());
            for _ in 0..k {
                black_box(value_and_grad(rosen::<$n, Dual<f64, Rank1<$n>>>, *black_box(&x)));
            }
        }) as fn(u64)),
        (concat!("rosen", $n, "/hand"), (|k: u64| {
            let x = rosen_x0::<$n>();
            for _ in 0..k {
                black_box(rosen_value_and_grad_hand(black_box(&x)));
            }
        }) as fn(u64)),
        (concat!("rosen", $n, "/num-dual"), (|k: u64| {
            let x = SVector::<f64, $n>::from(rosen_x0::<$n>());
            for _ in 0..k {
                black_box(num_dual::gradient(rosen_nd::<$n, _>, black_box(&x)));
            }
        }) as fn(u64)),
    )*]};
}

/// `hessian` of Rosenbrock against the hand-written triple and num-dual.
macro_rules! hessian_kernels {
    ($($n:literal),*) => {[$(
        (concat!("hessian", $n, "/constgrad"), (|k: u64| {
            let x = Tensor::<Rank1<$n>>::from(rosen_x0::<$n>());
            for _ in 0..k {
                let r: (f64, Tensor<Rank1<$n>>, Tensor<Rank2<$n, $n>>) =
                    hessian(rosen::<$n, Dual2<f64, Rank1<$n>>>, *black_box(&x));
                black_box(r);
            }
        }) as fn(u64)),
        (concat!("hessian", $n, "/hand"), (|k: u64| {
            let x = rosen_x0::<$n>();
            for _ in 0..k {
                black_box(rosen_hess_hand(black_box(&x)));
            }
        }) as fn(u64)),
        (concat!("hessian", $n, "/num-dual"), (|k: u64| {
            let x = SVector::<f64, $n>::from(rosen_x0::<$n>());
            for _ in 0..k {
                black_box(num_dual::hessian(rosen_nd::<$n, _>, black_box(&x)));
            }
        }) as fn(u64)),
    )*]};
}

/// `value_and_jacobian` of a model against the hand-written pair and num-dual.
macro_rules! jacobian_kernels {
    ($($name:literal $n:literal $f:ident $nd:ident $hand:ident $x0:expr;)*) => {[$(
        (concat!($name, "/constgrad"), (|k: u64| {
            let x = Tensor::<Rank1<$n>>::from($x0);
            for _ in 0..k {
                let r: (Tensor<Rank1<$n>>, Tensor<Rank2<$n, $n>>) =
                    value_and_jacobian($f, *black_box(&x));
                black_box(r);
            }
        }) as fn(u64)),
        (concat!($name, "/hand"), (|k: u64| {
            let x = $x0;
            for _ in 0..k {
                black_box($hand(black_box(&x)));
            }
        }) as fn(u64)),
        (concat!($name, "/num-dual"), (|k: u64| {
            let x = SVector::<f64, $n>::from($x0);
            for _ in 0..k {
                black_box(num_dual::jacobian($nd, black_box(&x)));
            }
        }) as fn(u64)),
    )*]};
}

/// Chunked `value_and_grad` of Rosenbrock for large inputs, at several
/// chunk widths (inline and heap forms), against the hand-written pair.
macro_rules! chunked_kernels {
    ($n:literal: $($c:literal),*) => {[
        $((concat!("rosen", $n, "/chunked", $c), (|k: u64| {
            let x = Tensor::<Rank1<$n>>::from(rosen_x0::<$n>());
            for _ in 0..k {
                black_box(value_and_grad_chunked(
                    rosen::<$n, ChunkDual<f64, $c>>,
                    *black_box(&x),
                    Chunk::<$c>,
                ));
            }
        }) as fn(u64)),)*
        (concat!("rosen", $n, "/chunked-heap8"), (|k: u64| {
            let x = HeapTensor::<Rank1<$n>>::try_from_slice(&rosen_x0::<$n>()).unwrap();
            for _ in 0..k {
                black_box(value_and_grad_chunked_heap(
                    |x: &HeapTensor<Rank1<$n>, ChunkDual<f64, 8>>| rosen_slice(x.as_slice()),
                    black_box(&x),
                    Chunk::<8>,
                ));
            }
        }) as fn(u64)),
    ]};
}

/// The hand-written pair for the large inputs, and the unchunked gradient
/// (at 4096 inputs its `4096 × 4097` seed does not fit on a stack: skipped).
macro_rules! large_kernels {
    ($($n:literal),*) => {[$(
        (concat!("rosen", $n, "/hand"), (|k: u64| {
            let x = rosen_x0::<$n>();
            for _ in 0..k {
                black_box(rosen_value_and_grad_hand(black_box(&x)));
            }
        }) as fn(u64)),
    )*
        ("rosen256/constgrad", (|k: u64| {
            let x = Tensor::<Rank1<256>>::from(rosen_x0::<256>());
            for _ in 0..k {
                black_box(value_and_grad(rosen::<256, Dual<f64, Rank1<256>>>, *black_box(&x)));
            }
        }) as fn(u64)),
    ]};
}

fn kernels() -> Vec<Kernel> {
    let mut all: Vec<Kernel> = Vec::new();
    all.extend(rosen_kernels!(2, 4, 8, 10, 16, 32));
    all.extend(jacobian_kernels!(
        "lorenz" 3 lorenz lorenz_nd lorenz_value_and_jac_hand [1.0, 2.0, 3.0];
        "attitude" 6 attitude attitude_nd attitude_value_and_jac_hand ATTITUDE_X0;
    ));
    all.extend(hessian_kernels!(2, 4, 8, 12, 16));
    all.extend(rosen_kernels!(64));
    all.extend(chunked_kernels!(64: 2, 4, 8, 12, 16));
    all.extend(chunked_kernels!(256: 4, 8, 16));
    all.extend(chunked_kernels!(4096: 8));
    all.extend(large_kernels!(256, 4096));
    all
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let all = kernels();
    match args.as_slice() {
        [flag] if flag == "--list" => {
            for (name, _) in &all {
                println!("{name}");
            }
        }
        [name, calls] => {
            let calls: u64 = calls.parse().expect("the number of calls");
            let (_, run) = all
                .iter()
                .find(|(n, _)| n == name)
                .unwrap_or_else(|| panic!("no kernel {name:?} (see --list)"));
            run(calls);
        }
        // `cargo bench` runs every bench target with `--bench`: nothing to do.
        _ => {}
    }
}
