//! Forward-mode AD against hand-written analytic derivatives, num-dual 0.15
//! and central finite differences, on the same workloads in the same run:
//!
//! - gradient of Rosenbrock, N = 2 and N = 10;
//! - Jacobian of the Lorenz system (3 × 3) and of a two-link arm (2 × 2);
//! - Hessian of Rosenbrock, N = 2 and N = 4;
//! - derivative of `sin(x)·exp(-x/4)` at 1024 points.
//!
//! `cargo bench --bench ad -- --warm-up-time 1 --measurement-time 3`
//!
//! Gradients and Jacobians are measured in two pairings: `constgrad` (`grad`,
//! `jacobian`) against `hand` (derivatives only), and
//! `constgrad-value-and-*` (`value_and_grad`, `value_and_jacobian`) against
//! `hand-value-and-*` (the value as well). Forward mode carries the value
//! through every operation; `grad` drops it and the compiler removes the
//! value arithmetic the derivatives do not need. The hand-written code uses
//! the same formula as the generic function and reads its input through
//! `black_box`, as the others do.

use std::hint::black_box;

use constgrad::ad::{
    derivative, grad, hessian, hessian_nested, jacobian, value_and_grad, value_and_jacobian,
};
use constgrad::dual::{Dual, Dual2};
use constgrad::{Rank1, Rank2, RealArith, Tensor};
use criterion::{criterion_group, criterion_main, Criterion};
use nalgebra::SVector;
use num_dual::DualNum;

// ---------------------------------------------------------------- functions

/// Rosenbrock on any scalar of this crate.
#[inline]
fn rosen<const N: usize, T: RealArith<f64>>(x: Tensor<Rank1<N>, T>) -> T {
    let x = x.as_slice();
    let mut s = T::zero();
    for i in 0..N - 1 {
        let a = x[i];
        let b = x[i + 1];
        s += (b - a * a).powi(2) * 100.0 + (a - 1.0).powi(2);
    }
    s
}

/// Rosenbrock on num-dual's scalars.
#[inline]
fn rosen_nd<const N: usize, D: DualNum<Primitive = f64> + Copy>(x: SVector<D, N>) -> D {
    let mut s = D::from(0.0);
    for i in 0..N - 1 {
        let a = x[i];
        let b = x[i + 1];
        s += (b - a * a).powi(2) * 100.0 + (-a + 1.0).powi(2);
    }
    s
}

#[inline]
fn rosen_f64<const N: usize>(x: &[f64; N]) -> f64 {
    let mut s = 0.0;
    for i in 0..N - 1 {
        let (a, b) = (x[i], x[i + 1]);
        s += 100.0 * (b - a * a) * (b - a * a) + (1.0 - a) * (1.0 - a);
    }
    s
}

#[inline]
fn rosen_grad_hand<const N: usize>(x: &[f64; N]) -> [f64; N] {
    let mut g = [0.0; N];
    for i in 0..N - 1 {
        let (a, b) = (x[i], x[i + 1]);
        let t = b - a * a;
        g[i] += -400.0 * a * t - 2.0 * (1.0 - a);
        g[i + 1] += 200.0 * t;
    }
    g
}

#[inline]
fn rosen_hess_hand<const N: usize>(x: &[f64; N]) -> (f64, [f64; N], [[f64; N]; N]) {
    let mut h = [[0.0; N]; N];
    for i in 0..N - 1 {
        let (a, b) = (x[i], x[i + 1]);
        h[i][i] += 1200.0 * a * a - 400.0 * b + 2.0;
        h[i][i + 1] += -400.0 * a;
        h[i + 1][i] += -400.0 * a;
        h[i + 1][i + 1] += 200.0;
    }
    (rosen_f64(x), rosen_grad_hand(x), h)
}

#[inline]
fn lorenz<T: RealArith<f64>>(v: Tensor<Rank1<3>, T>) -> Tensor<Rank1<3>, T> {
    let [x, y, z] = v.into_array();
    Tensor::from([(y - x) * 10.0, x * (-z + 28.0) - y, x * y - z * (8.0 / 3.0)])
}

#[inline]
fn lorenz_nd<D: DualNum<Primitive = f64> + Copy>(v: SVector<D, 3>) -> SVector<D, 3> {
    let (x, y, z) = (v[0], v[1], v[2]);
    SVector::from([(y - x) * 10.0, x * (-z + 28.0) - y, x * y - z * (8.0 / 3.0)])
}

#[inline]
fn lorenz_f64(v: &[f64; 3]) -> [f64; 3] {
    let [x, y, z] = *v;
    [10.0 * (y - x), x * (28.0 - z) - y, x * y - 8.0 / 3.0 * z]
}

#[inline]
fn lorenz_jac_hand(v: &[f64; 3]) -> [[f64; 3]; 3] {
    let [x, y, z] = *v;
    [[-10.0, 10.0, 0.0], [28.0 - z, -1.0, -x], [y, x, -8.0 / 3.0]]
}

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

#[inline]
fn arm_f64(v: &[f64; 2]) -> [f64; 2] {
    let [t0, t1] = *v;
    [
        t0.cos() + 0.7 * (t0 + t1).cos(),
        t0.sin() + 0.7 * (t0 + t1).sin(),
    ]
}

#[inline]
fn arm_jac_hand(v: &[f64; 2]) -> [[f64; 2]; 2] {
    let [t0, t1] = *v;
    let (s0, c0) = t0.sin_cos();
    let (s01, c01) = (t0 + t1).sin_cos();
    [[-s0 - 0.7 * s01, -0.7 * s01], [c0 + 0.7 * c01, 0.7 * c01]]
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
fn fd_grad<const N: usize>(f: impl Fn(&[f64; N]) -> f64, x: &[f64; N]) -> [f64; N] {
    core::array::from_fn(|i| {
        let (mut p, mut m) = (*x, *x);
        p[i] += H;
        m[i] -= H;
        (f(&p) - f(&m)) / (2.0 * H)
    })
}

#[inline]
fn fd_jac<const N: usize, const M: usize>(
    f: impl Fn(&[f64; N]) -> [f64; M],
    x: &[f64; N],
) -> [[f64; N]; M] {
    let mut j = [[0.0; N]; M];
    for i in 0..N {
        let (mut p, mut m) = (*x, *x);
        p[i] += H;
        m[i] -= H;
        let (fp, fm) = (f(&p), f(&m));
        for o in 0..M {
            j[o][i] = (fp[o] - fm[o]) / (2.0 * H);
        }
    }
    j
}

#[inline]
fn fd_hess<const N: usize>(f: impl Fn(&[f64; N]) -> f64, x: &[f64; N]) -> [[f64; N]; N] {
    let h = 1e-4;
    let mut out = [[0.0; N]; N];
    for i in 0..N {
        for j in 0..N {
            let at = |si: f64, sj: f64| {
                let mut y = *x;
                y[i] += si * h;
                y[j] += sj * h;
                f(&y)
            };
            out[i][j] =
                (at(1.0, 1.0) - at(1.0, -1.0) - at(-1.0, 1.0) + at(-1.0, -1.0)) / (4.0 * h * h);
        }
    }
    out
}

// ------------------------------------------------------------------ benches

fn bench_grad<const N: usize>(c: &mut Criterion, name: &str, x0: [f64; N]) {
    let mut g = c.benchmark_group(name);
    let xt = Tensor::<Rank1<N>>::from(x0);
    let xs = SVector::<f64, N>::from(x0);
    // Agreement first.
    let ours = grad(rosen::<N, Dual<f64, Rank1<N>>>, xt);
    let hand = rosen_grad_hand(&x0);
    let (_, nd) = num_dual::gradient(rosen_nd::<N, _>, &xs);
    for i in 0..N {
        assert!((ours.as_slice()[i] - hand[i]).abs() < 1e-9 * (1.0 + hand[i].abs()));
        assert!((nd[i] - hand[i]).abs() < 1e-9 * (1.0 + hand[i].abs()));
    }
    g.bench_function("constgrad", |b| {
        b.iter(|| grad(rosen::<N, Dual<f64, Rank1<N>>>, black_box(xt)))
    });
    g.bench_function("constgrad-value-and-grad", |b| {
        b.iter(|| value_and_grad(rosen::<N, Dual<f64, Rank1<N>>>, black_box(xt)))
    });
    g.bench_function("hand", |b| b.iter(|| rosen_grad_hand(black_box(&x0))));
    g.bench_function("hand-value-and-grad", |b| {
        b.iter(|| {
            let x = black_box(&x0);
            (rosen_f64(x), rosen_grad_hand(x))
        })
    });
    g.bench_function("num-dual", |b| {
        b.iter(|| num_dual::gradient(rosen_nd::<N, _>, black_box(&xs)))
    });
    g.bench_function("finite-diff", |b| {
        b.iter(|| fd_grad(rosen_f64::<N>, black_box(&x0)))
    });
    g.finish();
}

fn bench_hessian<const N: usize>(c: &mut Criterion, name: &str, x0: [f64; N]) {
    let mut g = c.benchmark_group(name);
    let xt = Tensor::<Rank1<N>>::from(x0);
    let xs = SVector::<f64, N>::from(x0);
    let (_, _, ours): (_, _, Tensor<Rank2<N, N>>) = hessian(rosen::<N, Dual2<f64, Rank1<N>>>, xt);
    let (_, _, hand) = rosen_hess_hand(&x0);
    let (_, _, nd) = num_dual::hessian(rosen_nd::<N, _>, &xs);
    for i in 0..N {
        for j in 0..N {
            assert!((ours[[i, j]] - hand[i][j]).abs() < 1e-9 * (1.0 + hand[i][j].abs()));
            assert!((nd[(i, j)] - hand[i][j]).abs() < 1e-9 * (1.0 + hand[i][j].abs()));
        }
    }
    g.bench_function("constgrad", |b| {
        b.iter(|| -> (f64, Tensor<Rank1<N>>, Tensor<Rank2<N, N>>) {
            hessian(rosen::<N, Dual2<f64, Rank1<N>>>, black_box(xt))
        })
    });
    g.bench_function("constgrad-nested", |b| {
        b.iter(|| -> (f64, Tensor<Rank1<N>>, Tensor<Rank2<N, N>>) {
            hessian_nested(
                rosen::<N, Dual<Dual<f64, Rank1<N>>, Rank1<N>>>,
                black_box(xt),
            )
        })
    });
    g.bench_function("hand", |b| b.iter(|| rosen_hess_hand(black_box(&x0))));
    g.bench_function("num-dual", |b| {
        b.iter(|| num_dual::hessian(rosen_nd::<N, _>, black_box(&xs)))
    });
    g.bench_function("finite-diff", |b| {
        b.iter(|| fd_hess(rosen_f64::<N>, black_box(&x0)))
    });
    g.finish();
}

fn gradients(c: &mut Criterion) {
    bench_grad::<2>(c, "grad_rosenbrock_2", [-1.2, 1.0]);
    let x10: [f64; 10] = core::array::from_fn(|i| -1.0 + 2.5 * i as f64 / 9.0);
    bench_grad::<10>(c, "grad_rosenbrock_10", x10);
}

fn jacobians(c: &mut Criterion) {
    let x0 = [1.0, 2.0, 3.0];
    let xt = Tensor::from(x0);
    let xs = SVector::from(x0);
    let ours: Tensor<Rank2<3, 3>> = jacobian(lorenz, xt);
    let hand = lorenz_jac_hand(&x0);
    let (_, nd) = num_dual::jacobian(lorenz_nd, &xs);
    for o in 0..3 {
        for i in 0..3 {
            assert!((ours[[o, i]] - hand[o][i]).abs() < 1e-12);
            assert!((nd[(o, i)] - hand[o][i]).abs() < 1e-12);
        }
    }
    let mut g = c.benchmark_group("jacobian_lorenz_3x3");
    g.bench_function("constgrad", |b| {
        b.iter(|| -> Tensor<Rank2<3, 3>> { jacobian(lorenz, black_box(xt)) })
    });
    g.bench_function("constgrad-value-and-jacobian", |b| {
        b.iter(|| -> (Tensor<Rank1<3>>, Tensor<Rank2<3, 3>>) {
            value_and_jacobian(lorenz, black_box(xt))
        })
    });
    g.bench_function("hand", |b| b.iter(|| lorenz_jac_hand(black_box(&x0))));
    g.bench_function("hand-value-and-jacobian", |b| {
        b.iter(|| {
            let x = black_box(&x0);
            (lorenz_f64(x), lorenz_jac_hand(x))
        })
    });
    g.bench_function("num-dual", |b| {
        b.iter(|| num_dual::jacobian(lorenz_nd, black_box(&xs)))
    });
    g.bench_function("finite-diff", |b| {
        b.iter(|| fd_jac(lorenz_f64, black_box(&x0)))
    });
    g.finish();

    let x0 = [0.3, 1.1];
    let xt = Tensor::from(x0);
    let xs = SVector::from(x0);
    let ours: Tensor<Rank2<2, 2>> = jacobian(arm, xt);
    let hand = arm_jac_hand(&x0);
    let (_, nd) = num_dual::jacobian(arm_nd, &xs);
    for o in 0..2 {
        for i in 0..2 {
            assert!((ours[[o, i]] - hand[o][i]).abs() < 1e-12);
            assert!((nd[(o, i)] - hand[o][i]).abs() < 1e-12);
        }
    }
    let (hv, hj) = arm_value_and_jac_hand(&x0);
    assert_eq!((hv, hj), (arm_f64(&x0), hand));
    let mut g = c.benchmark_group("jacobian_arm_2x2");
    g.bench_function("constgrad", |b| {
        b.iter(|| -> Tensor<Rank2<2, 2>> { jacobian(arm, black_box(xt)) })
    });
    g.bench_function("constgrad-value-and-jacobian", |b| {
        b.iter(|| -> (Tensor<Rank1<2>>, Tensor<Rank2<2, 2>>) {
            value_and_jacobian(arm, black_box(xt))
        })
    });
    g.bench_function("hand", |b| b.iter(|| arm_jac_hand(black_box(&x0))));
    g.bench_function("hand-value-and-jacobian", |b| {
        b.iter(|| arm_value_and_jac_hand(black_box(&x0)))
    });
    g.bench_function("num-dual", |b| {
        b.iter(|| num_dual::jacobian(arm_nd, black_box(&xs)))
    });
    g.bench_function("finite-diff", |b| {
        b.iter(|| fd_jac(arm_f64, black_box(&x0)))
    });
    g.finish();
}

fn hessians(c: &mut Criterion) {
    bench_hessian::<2>(c, "hessian_rosenbrock_2", [-1.2, 1.0]);
    bench_hessian::<4>(c, "hessian_rosenbrock_4", [-1.2, 1.0, 0.5, -0.3]);
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

criterion_group!(benches, gradients, jacobians, hessians, derivatives);
criterion_main!(benches);
