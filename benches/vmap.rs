//! vmap against hand-written loops over the same data.
//!
//! - `small/*`: a small scalar function over 1024 points, and a row-wise
//!   function over the rows of a 256 × 4 matrix: `vmap` vs a loop.
//! - `grad/*`: the derivative of `sin(x)·exp(-x/4)` at 1024 points, and the
//!   gradient of Rosenbrock's function at 1024 points of the plane: `vmap`
//!   of `grad` vs a hand-written derivative loop vs a num-dual loop.
//!
//! Run with `cargo bench --bench vmap`.

use constgrad::ad::{derivative, grad};
use constgrad::vmap::vmap;
use constgrad::{Rank1, Rank2, Scalar, Tensor};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

const N: usize = 1024;

/// A cheap polynomial: the loop over it vectorizes, so any overhead shows.
fn poly<T: Scalar>(x: T) -> T {
    (T::from_f64(3.0) * x - T::from_f64(2.0)) * x + T::one()
}

/// The seed function of the JAX documentation's example.
fn sin_exp<T: Scalar>(x: T) -> T {
    x.sin() * (-x / T::from_f64(4.0)).exp()
}

/// Its derivative by hand.
fn sin_exp_derivative(x: f64) -> f64 {
    (-x / 4.0).exp() * (x.cos() - x.sin() / 4.0)
}

fn bench_small(c: &mut Criterion) {
    let x = Tensor::<Rank1<N>>::linspace(0.0, 5.0);
    let m = Tensor::<Rank2<256, 4>>::from_flat_fn(|k| (k % 13) as f64 * 0.5 - 3.0);

    let mut g = c.benchmark_group("small");
    g.bench_function("poly_1024/vmap", |b| {
        b.iter(|| vmap(poly, black_box(&x)));
    });
    g.bench_function("poly_1024/loop", |b| {
        b.iter(|| {
            let x = black_box(&x);
            let mut out = [0.0; N];
            for (o, &xi) in out.iter_mut().zip(x.iter()) {
                *o = poly(xi);
            }
            Tensor::<Rank1<N>>::new(out)
        });
    });
    g.bench_function("sin_exp_1024/vmap", |b| {
        b.iter(|| vmap(sin_exp, black_box(&x)));
    });
    g.bench_function("sin_exp_1024/loop", |b| {
        b.iter(|| {
            let x = black_box(&x);
            let mut out = [0.0; N];
            for (o, &xi) in out.iter_mut().zip(x.iter()) {
                *o = sin_exp(xi);
            }
            Tensor::<Rank1<N>>::new(out)
        });
    });
    g.bench_function("row_norm2_256x4/vmap", |b| {
        b.iter(|| vmap(|r: Tensor<Rank1<4>>| (r * r).sum(), black_box(&m)));
    });
    g.bench_function("row_norm2_256x4/loop", |b| {
        b.iter(|| {
            let m = black_box(&m).as_array();
            let mut out = [0.0; 256];
            for (o, row) in out.iter_mut().zip(m.iter()) {
                let mut s = 0.0;
                for &v in row {
                    s += v * v;
                }
                *o = s;
            }
            Tensor::<Rank1<256>>::new(out)
        });
    });
    g.finish();
}

fn bench_grad(c: &mut Criterion) {
    let x = Tensor::<Rank1<N>>::linspace(0.0, 5.0);
    let mut g = c.benchmark_group("grad");
    g.bench_function("sin_exp_1024/vmap_grad", |b| {
        b.iter(|| vmap(|x| derivative(sin_exp, x), black_box(&x)));
    });
    g.bench_function("sin_exp_1024/hand_derivative_loop", |b| {
        b.iter(|| {
            let x = black_box(&x);
            let mut out = [0.0; N];
            for (o, &xi) in out.iter_mut().zip(x.iter()) {
                *o = sin_exp_derivative(xi);
            }
            Tensor::<Rank1<N>>::new(out)
        });
    });
    g.bench_function("sin_exp_1024/num_dual_loop", |b| {
        use num_dual::DualNum;
        b.iter(|| {
            let x = black_box(&x);
            let mut out = [0.0; N];
            for (o, &xi) in out.iter_mut().zip(x.iter()) {
                let d = num_dual::Dual64::from_re(xi).derivative();
                let y = d.sin() * (-d / 4.0).exp();
                *o = y.eps;
            }
            Tensor::<Rank1<N>>::new(out)
        });
    });
    let p = Tensor::<Rank2<N, 2>>::from_flat_fn(|k| (k % 17) as f64 * 0.125 - 1.0);
    g.bench_function("rosenbrock_1024x2/vmap_grad", |b| {
        b.iter(|| vmap(|p| grad(rosenbrock, p), black_box(&p)));
    });
    // The same `grad` called in a hand-written loop: isolates vmap's own cost.
    g.bench_function("rosenbrock_1024x2/loop_of_grad", |b| {
        b.iter(|| {
            let p = black_box(&p).as_array();
            let mut out = [[0.0; 2]; N];
            for (o, &q) in out.iter_mut().zip(p.iter()) {
                *o = grad(rosenbrock, Tensor::new(q)).into_array();
            }
            Tensor::<Rank2<N, 2>>::new(out)
        });
    });
    g.bench_function("rosenbrock_1024x2/hand_gradient_loop", |b| {
        b.iter(|| {
            let p = black_box(&p).as_array();
            let mut out = [[0.0; 2]; N];
            for (o, &[x, y]) in out.iter_mut().zip(p.iter()) {
                *o = [
                    -2.0 * (1.0 - x) - 400.0 * x * (y - x * x),
                    200.0 * (y - x * x),
                ];
            }
            Tensor::<Rank2<N, 2>>::new(out)
        });
    });
    // num-dual's vector duals need its `nalgebra` feature, which the
    // dev-dependency leaves off: one scalar-tangent pass per direction.
    g.bench_function("rosenbrock_1024x2/num_dual_loop_2_passes", |b| {
        use num_dual::Dual64;
        fn rosen(x: Dual64, y: Dual64) -> Dual64 {
            let a = -x + 1.0;
            let b = y - x * x;
            a * a + b * b * 100.0
        }
        b.iter(|| {
            let p = black_box(&p).as_array();
            let mut out = [[0.0; 2]; N];
            for (o, &[x, y]) in out.iter_mut().zip(p.iter()) {
                let gx = rosen(Dual64::from_re(x).derivative(), Dual64::from_re(y)).eps;
                let gy = rosen(Dual64::from_re(x), Dual64::from_re(y).derivative()).eps;
                *o = [gx, gy];
            }
            Tensor::<Rank2<N, 2>>::new(out)
        });
    });
    // The same function without `#[inline]`: rustc then calls it out of
    // line through `grad`, with or without vmap.
    g.bench_function("rosenbrock_noinline_1024x2/vmap_grad", |b| {
        b.iter(|| vmap(|p| grad(rosenbrock_noinline, p), black_box(&p)));
    });
    g.bench_function("rosenbrock_noinline_1024x2/loop_of_grad", |b| {
        b.iter(|| {
            let p = black_box(&p).as_array();
            let mut out = [[0.0; 2]; N];
            for (o, &q) in out.iter_mut().zip(p.iter()) {
                *o = grad(rosenbrock_noinline, Tensor::new(q)).into_array();
            }
            Tensor::<Rank2<N, 2>>::new(out)
        });
    });
    g.finish();
}

/// Rosenbrock's function, left to rustc's inlining heuristics.
fn rosenbrock_noinline<T: Scalar>(p: Tensor<Rank1<2>, T>) -> T {
    let (x, y) = (p[[0]], p[[1]]);
    let a = T::one() - x;
    let b = y - x * x;
    a * a + T::from_f64(100.0) * b * b
}

/// Rosenbrock's function in two variables.
#[inline]
fn rosenbrock<T: Scalar>(p: Tensor<Rank1<2>, T>) -> T {
    let (x, y) = (p[[0]], p[[1]]);
    let a = T::one() - x;
    let b = y - x * x;
    a * a + T::from_f64(100.0) * b * b
}

criterion_group!(benches, bench_small, bench_grad);
criterion_main!(benches);
