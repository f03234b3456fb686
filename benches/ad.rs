//! Forward-mode AD against hand-written value-and-derivative code (the fair
//! pair), num-dual 0.15 and central finite differences, on the same
//! workloads in the same run:
//!
//! - `value_and_grad` of Rosenbrock, N = 2, 4, 10, 16, 32;
//! - `value_and_jacobian` of the Lorenz system (3 × 3), of a 6-state
//!   attitude model (an EKF's transition matrix) and of a two-link arm (2 × 2);
//! - `hessian` of Rosenbrock, N = 2, 4, 8;
//! - the chunked gradient of Rosenbrock, N = 64, 256, 4096;
//! - the derivative of `sin(x)·exp(-x/4)` at 1024 points.
//!
//! `cargo bench --bench ad -- --warm-up-time 1 --measurement-time 2 [FILTER]`
//!
//! The workloads are in `common/ad_kernels.rs`, shared with the
//! instruction-count driver `ad_count.rs` (deterministic counts, for a
//! noisy machine). The hand-written code computes value and derivative in
//! one pass, reads its input through `black_box` as the others do.

use std::hint::black_box;

#[path = "common/ad_kernels.rs"]
mod kernels;

use constgrad::ad::{
    derivative, hessian, hessian_nested, jacobian, value_and_grad, value_and_grad_chunked,
    value_and_grad_chunked_heap, value_and_jacobian, ChunkDual, DEFAULT_CHUNK,
};
use constgrad::dual::{Dual, Dual2};
use constgrad::{HeapTensor, Rank1, Rank2, RealArith, Tensor};
use criterion::{criterion_group, criterion_main, Criterion};
use kernels::*;
use nalgebra::SVector;
use num_dual::DualNum;

// ------------------------------------------------------- bench-only models

#[inline]
fn arm<T: RealArith<f64>>(v: Tensor<Rank1<2>, T>) -> Tensor<Rank1<2>, T> {
    let [t0, t1] = v.into_array();
    let (s0, c0) = t0.sin_cos();
    let (s01, c01) = (t0 + t1).sin_cos();
    Tensor::from([c0 + c01 * 0.7, s0 + s01 * 0.7])
}

#[inline]
fn arm_nd<D: DualNum<Primitive = f64> + Copy>(v: SVector<D, 2>) -> SVector<D, 2> {
    let (t0, t1) = (v[0], v[1]);
    let (s0, c0) = t0.sin_cos();
    let (s01, c01) = (t0 + t1).sin_cos();
    SVector::from([c0 + c01 * 0.7, s0 + s01 * 0.7])
}

/// Value and Jacobian of the arm, sharing the four sines and cosines.
#[inline]
fn arm_value_and_jac_hand(v: &[f64; 2]) -> ([f64; 2], [[f64; 2]; 2]) {
    let [t0, t1] = *v;
    let (s0, c0) = t0.sin_cos();
    let (s01, c01) = (t0 + t1).sin_cos();
    (
        [c0 + 0.7 * c01, s0 + 0.7 * s01],
        [[-s0 - 0.7 * s01, -0.7 * s01], [c0 + 0.7 * c01, 0.7 * c01]],
    )
}

#[inline]
fn damped<T: RealArith<f64>>(x: T) -> T {
    x.sin() * (x * -0.25).exp()
}

#[inline]
fn damped_nd<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
    x.sin() * (x * -0.25).exp()
}

// ------------------------------------------------------- finite differences

const H: f64 = 1e-6;

#[inline]
fn fd_grad<const N: usize>(f: impl Fn(&[f64; N]) -> f64, x: &[f64; N]) -> (f64, [f64; N]) {
    let g = core::array::from_fn(|i| {
        let (mut p, mut m) = (*x, *x);
        p[i] += H;
        m[i] -= H;
        (f(&p) - f(&m)) / (2.0 * H)
    });
    (f(x), g)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * (1.0 + b.abs())
}

// ------------------------------------------------------------------ benches

fn bench_grad<const N: usize>(c: &mut Criterion) {
    let x0 = rosen_x0::<N>();
    let xt = Tensor::<Rank1<N>>::from(x0);
    let xs = SVector::<f64, N>::from(x0);
    // Agreement first.
    let (v, ours) = value_and_grad(rosen::<N, Dual<f64, Rank1<N>>>, xt);
    let (hv, hand) = rosen_value_and_grad_hand(&x0);
    let (_, nd) = num_dual::gradient(rosen_nd::<N, _>, &xs);
    assert!(close(v, hv));
    for i in 0..N {
        assert!(close(ours.as_slice()[i], hand[i]) && close(nd[i], hand[i]));
    }
    let mut g = c.benchmark_group(format!("value_and_grad_rosenbrock_{N}"));
    g.bench_function("constgrad", |b| {
        b.iter(|| value_and_grad(rosen::<N, Dual<f64, Rank1<N>>>, *black_box(&xt)))
    });
    g.bench_function("hand", |b| {
        b.iter(|| rosen_value_and_grad_hand(black_box(&x0)))
    });
    g.bench_function("num-dual", |b| {
        b.iter(|| num_dual::gradient(rosen_nd::<N, _>, black_box(&xs)))
    });
    g.bench_function("finite-diff", |b| {
        b.iter(|| fd_grad(rosen_f64::<N>, black_box(&x0)))
    });
    g.finish();
}

fn bench_hessian<const N: usize>(c: &mut Criterion) {
    let x0 = rosen_x0::<N>();
    let xt = Tensor::<Rank1<N>>::from(x0);
    let xs = SVector::<f64, N>::from(x0);
    let (_, _, ours): (_, _, Tensor<Rank2<N, N>>) = hessian(rosen::<N, Dual2<f64, Rank1<N>>>, xt);
    let (_, _, hand) = rosen_hess_hand(&x0);
    let (_, _, nd) = num_dual::hessian(rosen_nd::<N, _>, &xs);
    for i in 0..N {
        for j in 0..N {
            assert!(close(ours[[i, j]], hand[i][j]) && close(nd[(i, j)], hand[i][j]));
        }
    }
    let mut g = c.benchmark_group(format!("hessian_rosenbrock_{N}"));
    g.bench_function("constgrad", |b| {
        b.iter(|| -> (f64, Tensor<Rank1<N>>, Tensor<Rank2<N, N>>) {
            hessian(rosen::<N, Dual2<f64, Rank1<N>>>, *black_box(&xt))
        })
    });
    g.bench_function("constgrad-nested", |b| {
        b.iter(|| -> (f64, Tensor<Rank1<N>>, Tensor<Rank2<N, N>>) {
            hessian_nested(
                rosen::<N, Dual<Dual<f64, Rank1<N>>, Rank1<N>>>,
                *black_box(&xt),
            )
        })
    });
    g.bench_function("hand", |b| b.iter(|| rosen_hess_hand(black_box(&x0))));
    g.bench_function("num-dual", |b| {
        b.iter(|| num_dual::hessian(rosen_nd::<N, _>, black_box(&xs)))
    });
    g.finish();
}

/// `value_and_jacobian` of `f` against the hand-written pair and num-dual.
/// Generic over the three functions (not `fn` pointers), so that each is
/// called directly and can be inlined, as in the instruction-count driver.
fn bench_jacobian<const N: usize, F, Nd, Hd>(
    c: &mut Criterion,
    name: &str,
    x0: [f64; N],
    f: F,
    nd: Nd,
    hand: Hd,
) where
    F: Fn(Tensor<Rank1<N>, Dual<f64, Rank1<N>>>) -> Tensor<Rank1<N>, Dual<f64, Rank1<N>>> + Copy,
    Nd: Fn(SVector<num_dual::DualSVec64<N>, N>) -> SVector<num_dual::DualSVec64<N>, N> + Copy,
    Hd: Fn(&[f64; N]) -> ([f64; N], [[f64; N]; N]),
{
    let xt = Tensor::from(x0);
    let xs = SVector::from(x0);
    let (_, ours): (_, Tensor<Rank2<N, N>>) = value_and_jacobian(f, xt);
    let (_, h) = hand(&x0);
    let (_, n) = num_dual::jacobian(nd, &xs);
    for o in 0..N {
        for i in 0..N {
            assert!(close(ours[[o, i]], h[o][i]) && close(n[(o, i)], h[o][i]));
        }
    }
    let mut g = c.benchmark_group(name);
    g.bench_function("constgrad", |b| {
        b.iter(|| -> (Tensor<Rank1<N>>, Tensor<Rank2<N, N>>) {
            value_and_jacobian(f, *black_box(&xt))
        })
    });
    g.bench_function("hand", |b| b.iter(|| hand(black_box(&x0))));
    g.bench_function("num-dual", |b| {
        b.iter(|| num_dual::jacobian(nd, black_box(&xs)))
    });
    g.finish();
}

/// The chunked gradient (inline and heap forms, default chunk) against the
/// hand-written pair, and against the unchunked gradient where it fits.
fn bench_chunked<const N: usize>(c: &mut Criterion, unchunked: bool) {
    let x0 = rosen_x0::<N>();
    let xt = Tensor::<Rank1<N>>::from(x0);
    let xh = HeapTensor::<Rank1<N>>::from_tensor(&xt);
    let heap_rosen = |x: &HeapTensor<Rank1<N>, ChunkDual<f64, 8>>| rosen_slice(x.as_slice());
    let (v, ours) = value_and_grad_chunked(rosen::<N, _>, xt, DEFAULT_CHUNK);
    let (_, heap) = value_and_grad_chunked_heap(heap_rosen, &xh, DEFAULT_CHUNK);
    let (hv, hand) = rosen_value_and_grad_hand(&x0);
    assert!(close(v, hv));
    assert_eq!(ours.as_slice(), heap.as_slice());
    for (o, h) in ours.iter().zip(hand) {
        assert!(close(*o, h));
    }
    let mut g = c.benchmark_group(format!("value_and_grad_chunked_rosenbrock_{N}"));
    g.sample_size(10);
    g.bench_function("constgrad-chunked", |b| {
        b.iter(|| value_and_grad_chunked(rosen::<N, _>, *black_box(&xt), DEFAULT_CHUNK))
    });
    g.bench_function("constgrad-chunked-heap", |b| {
        b.iter(|| value_and_grad_chunked_heap(heap_rosen, black_box(&xh), DEFAULT_CHUNK))
    });
    if unchunked {
        g.bench_function("constgrad-unchunked", |b| {
            b.iter(|| value_and_grad(rosen::<N, Dual<f64, Rank1<N>>>, *black_box(&xt)))
        });
    }
    g.bench_function("hand", |b| {
        b.iter(|| rosen_value_and_grad_hand(black_box(&x0)))
    });
    g.finish();
}

fn gradients(c: &mut Criterion) {
    bench_grad::<2>(c);
    bench_grad::<4>(c);
    bench_grad::<10>(c);
    bench_grad::<16>(c);
    bench_grad::<32>(c);
}

fn jacobians(c: &mut Criterion) {
    bench_jacobian(
        c,
        "value_and_jacobian_lorenz_3x3",
        [1.0, 2.0, 3.0],
        lorenz,
        lorenz_nd,
        lorenz_value_and_jac_hand,
    );
    bench_jacobian(
        c,
        "value_and_jacobian_attitude_6x6",
        ATTITUDE_X0,
        attitude,
        attitude_nd,
        attitude_value_and_jac_hand,
    );
    bench_jacobian(
        c,
        "value_and_jacobian_arm_2x2",
        [0.3, 1.1],
        arm,
        arm_nd,
        arm_value_and_jac_hand,
    );
    // The derivative-only form, for comparison with the value-and form.
    let xt = Tensor::from([1.0, 2.0, 3.0]);
    let mut g = c.benchmark_group("jacobian_lorenz_3x3");
    g.bench_function("constgrad", |b| {
        b.iter(|| -> Tensor<Rank2<3, 3>> { jacobian(lorenz, *black_box(&xt)) })
    });
    g.finish();
}

fn hessians(c: &mut Criterion) {
    bench_hessian::<2>(c);
    bench_hessian::<4>(c);
    bench_hessian::<8>(c);
}

fn chunked(c: &mut Criterion) {
    bench_chunked::<64>(c, true);
    bench_chunked::<256>(c, true);
    // The unchunked seed of 4096 inputs is 134 MB: it fits no stack.
    bench_chunked::<4096>(c, false);
}

fn derivatives(c: &mut Criterion) {
    let xs: Vec<f64> = (0..1024).map(|i| 5.0 * i as f64 / 1023.0).collect();
    let mut out = vec![0.0; 1024];
    for (&x, o) in xs.iter().zip(out.iter_mut()) {
        *o = derivative(damped, x);
        let hand = x.cos() * (-0.25 * x).exp() - 0.25 * x.sin() * (-0.25 * x).exp();
        assert!((*o - hand).abs() < 1e-14);
        let (_, nd) = num_dual::first_derivative(damped_nd, x);
        assert!((nd - hand).abs() < 1e-14);
    }
    let mut g = c.benchmark_group("derivative_damped_sine_1024");
    g.bench_function("constgrad", |b| {
        b.iter(|| {
            for (&x, o) in black_box(&xs).iter().zip(out.iter_mut()) {
                *o = derivative(damped, x);
            }
            black_box(&out);
        })
    });
    g.bench_function("hand", |b| {
        b.iter(|| {
            for (&x, o) in black_box(&xs).iter().zip(out.iter_mut()) {
                let (s, c) = x.sin_cos();
                *o = (c - 0.25 * s) * (-0.25 * x).exp();
            }
            black_box(&out);
        })
    });
    g.bench_function("num-dual", |b| {
        b.iter(|| {
            for (&x, o) in black_box(&xs).iter().zip(out.iter_mut()) {
                *o = num_dual::first_derivative(damped_nd, x).1;
            }
            black_box(&out);
        })
    });
    g.bench_function("finite-diff", |b| {
        b.iter(|| {
            for (&x, o) in black_box(&xs).iter().zip(out.iter_mut()) {
                let f = |x: f64| x.sin() * (-0.25 * x).exp();
                *o = (f(x + H) - f(x - H)) / (2.0 * H);
            }
            black_box(&out);
        })
    });
    g.finish();
}

criterion_group!(
    benches,
    gradients,
    jacobians,
    hessians,
    chunked,
    derivatives
);
criterion_main!(benches);
