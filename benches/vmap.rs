//! vmap against hand-written loops over the same data.
//!
//! - `small/*`: a small scalar function over 1024 points, and a row-wise
//!   function over the rows of a 256 × 4 matrix: `vmap` vs a loop.
//! - `grad/*`: the derivative of `sin(x)·exp(-x/4)` at 1024 points, and the
//!   gradient of Rosenbrock's function at 1024 points of the plane: `vmap`
//!   of `grad` vs a hand-written derivative loop vs a num-dual loop.
//!
//! - `*/lanes8_vmap_grad`: the "lanes" alternative, a scalar carrying 8
//!   points through one pass (SoA). It loses on this machine (the default
//!   x86-64 target has no AVX, and `sin`/`exp` are per-lane calls anyway), so
//!   the library does not offer it; the bench stays to re-check that.
//!
//! - `constant/*`: the Jacobian of `x ↦ w·x + x²` (a 3-vector, `w` a plain
//!   tensor) at 256 points, with `w` written as `constant(w)` against `w`
//!   captured as is (each element then goes through the dual ⊕ float
//!   operators), and a hand-written Jacobian loop.
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
    // The same `derivative` in a hand-written loop: isolates vmap's own cost.
    g.bench_function("sin_exp_1024/loop_of_grad", |b| {
        b.iter(|| {
            let x = black_box(&x);
            let mut out = [0.0; N];
            for (o, &xi) in out.iter_mut().zip(x.iter()) {
                *o = derivative(sin_exp, xi);
            }
            Tensor::<Rank1<N>>::new(out)
        });
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
    g.bench_function("rosenbrock_1024x2/num_dual_loop", |b| {
        use nalgebra::SVector;
        use num_dual::DualNum;
        fn rosen<D: DualNum<Primitive = f64> + Copy>(v: SVector<D, 2>) -> D {
            let (x, y) = (v[0], v[1]);
            let a = -x + 1.0;
            let b = y - x * x;
            a * a + b * b * 100.0
        }
        b.iter(|| {
            let p = black_box(&p).as_array();
            let mut out = [[0.0; 2]; N];
            for (o, &q) in out.iter_mut().zip(p.iter()) {
                let (_, g) = num_dual::gradient(rosen, &SVector::from(q));
                *o = [g[0], g[1]];
            }
            Tensor::<Rank2<N, 2>>::new(out)
        });
    });
    // Lanes: grad runs once per chunk of 8 points (SoA), conversions included.
    g.bench_function("rosenbrock_1024x2/lanes8_vmap_grad", |b| {
        b.iter(|| {
            let chunks = to_lanes::<8, 128>(black_box(&p));
            let g = vmap(|q| grad(rosenbrock, q), chunks);
            from_lanes::<8, 128>(&g)
        });
    });
    g.bench_function("sin_exp_1024/lanes8_vmap_grad", |b| {
        b.iter(|| {
            let x = black_box(&x).as_array();
            let chunks = Tensor::<Rank1<128>, lanes::Lanes<8>>::from_flat_fn(|c| {
                lanes::Lanes(core::array::from_fn(|l| x[c * 8 + l]))
            });
            let d = vmap(|x| derivative(sin_exp, x), chunks);
            Tensor::<Rank1<N>>::from_flat_fn(|i| d[[i / 8]].0[i % 8])
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

/// The "lanes" experiment: a scalar that carries `L` batch entries through
/// one pass (structure of arrays), so that `grad` runs once per chunk of `L`
/// points instead of once per point. Every operation is lane-wise.
mod lanes {
    use core::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub, SubAssign};

    #[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
    pub struct Lanes<const L: usize>(pub [f64; L]);

    impl<const L: usize> Lanes<L> {
        #[inline(always)]
        pub fn splat(x: f64) -> Self {
            Self([x; L])
        }
        #[inline(always)]
        fn map(self, f: impl Fn(f64) -> f64) -> Self {
            Self(self.0.map(f))
        }
        #[inline(always)]
        fn zip(self, o: Self, f: impl Fn(f64, f64) -> f64) -> Self {
            let mut r = self.0;
            for (a, b) in r.iter_mut().zip(o.0) {
                *a = f(*a, b);
            }
            Self(r)
        }
    }

    macro_rules! binop {
        ($($tr:ident $m:ident $atr:ident $am:ident $op:tt;)*) => {$(
            impl<const L: usize> $tr for Lanes<L> {
                type Output = Self;
                #[inline(always)]
                fn $m(self, o: Self) -> Self { self.zip(o, |a, b| a $op b) }
            }
            impl<const L: usize> $atr for Lanes<L> {
                #[inline(always)]
                fn $am(&mut self, o: Self) { *self = *self $op o; }
            }
        )*};
    }
    binop! {
        Add add AddAssign add_assign +;
        Sub sub SubAssign sub_assign -;
        Mul mul MulAssign mul_assign *;
        Div div DivAssign div_assign /;
    }
    impl<const L: usize> Neg for Lanes<L> {
        type Output = Self;
        #[inline(always)]
        fn neg(self) -> Self {
            self.map(|a| -a)
        }
    }

    macro_rules! unary {
        ($($f:ident)*) => {$(
            #[inline(always)]
            fn $f(self) -> Self { self.map(<f64 as constgrad::Scalar>::$f) }
        )*};
    }
    macro_rules! binary {
        ($($f:ident)*) => {$(
            #[inline(always)]
            fn $f(self, o: Self) -> Self { self.zip(o, <f64 as constgrad::Scalar>::$f) }
        )*};
    }

    impl<const L: usize> constgrad::Scalar for Lanes<L> {
        type Real = f64;
        #[inline(always)]
        fn zero() -> Self {
            Self::splat(0.0)
        }
        #[inline(always)]
        fn one() -> Self {
            Self::splat(1.0)
        }
        #[inline(always)]
        fn from_real(x: f64) -> Self {
            Self::splat(x)
        }
        #[inline(always)]
        fn from_f64(x: f64) -> Self {
            Self::splat(x)
        }
        /// Lane 0: a batch has no single value (why lanes cannot branch).
        fn re(&self) -> f64 {
            self.0[0]
        }
        unary!(abs signum floor ceil round sqrt cbrt recip exp exp2 exp_m1 ln log2 log10
            ln_1p sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh erf);
        binary!(atan2 powf hypot min max);
        #[inline(always)]
        fn sin_cos(self) -> (Self, Self) {
            (self.sin(), self.cos())
        }
        #[inline(always)]
        fn powi(self, n: i32) -> Self {
            self.map(|a| a.powi(n))
        }
        #[inline(always)]
        fn mul_add(self, a: Self, b: Self) -> Self {
            let mut r = self.0;
            for ((x, y), z) in r.iter_mut().zip(a.0).zip(b.0) {
                *x = x.mul_add(y, z);
            }
            Self(r)
        }
        #[inline(always)]
        fn clamp(self, lo: Self, hi: Self) -> Self {
            self.max(lo).min(hi)
        }
    }
}

/// 1024 points as 1024 / L chunks of `L` lanes, structure of arrays.
fn to_lanes<const L: usize, const C: usize>(
    p: &Tensor<Rank2<N, 2>>,
) -> Tensor<Rank2<C, 2>, lanes::Lanes<L>> {
    let a = p.as_array();
    Tensor::<Rank2<C, 2>, lanes::Lanes<L>>::from_fn(|[c, j]| {
        lanes::Lanes(core::array::from_fn(|l| a[c * L + l][j]))
    })
}

/// The chunks back to one row per point.
fn from_lanes<const L: usize, const C: usize>(
    g: &Tensor<Rank2<C, 2>, lanes::Lanes<L>>,
) -> Tensor<Rank2<N, 2>> {
    Tensor::<Rank2<N, 2>>::from_fn(|[i, j]| g[[i / L, j]].0[i % L])
}

fn bench_constant(c: &mut Criterion) {
    use constgrad::ad::{constant, jacobian};
    const P: usize = 256;
    let x = Tensor::<Rank2<P, 3>>::from_flat_fn(|k| (k % 13) as f64 * 0.25 - 1.5);
    let w = Tensor::from([0.5, -1.25, 2.0]);
    let mut g = c.benchmark_group("constant");
    g.bench_function("jacobian_256x3/constant", |b| {
        b.iter(|| {
            let w = black_box(w);
            vmap(
                |x: Tensor<Rank1<3>>| -> Tensor<Rank2<3, 3>> {
                    jacobian(|x| x * constant(w) + x * x, x)
                },
                black_box(&x),
            )
        });
    });
    g.bench_function("jacobian_256x3/captured", |b| {
        b.iter(|| {
            let w = black_box(w);
            vmap(
                |x: Tensor<Rank1<3>>| -> Tensor<Rank2<3, 3>> { jacobian(|x| x * w + x * x, x) },
                black_box(&x),
            )
        });
    });
    g.bench_function("jacobian_256x3/hand", |b| {
        b.iter(|| {
            let w = black_box(w);
            let x = black_box(&x);
            let mut out = [[[0.0; 3]; 3]; P];
            for (o, xi) in out.iter_mut().zip(x.as_array()) {
                for k in 0..3 {
                    o[k][k] = w[[k]] + 2.0 * xi[k];
                }
            }
            Tensor::<constgrad::Rank3<P, 3, 3>>::new(out)
        });
    });
    g.finish();
}

criterion_group!(benches, bench_small, bench_grad, bench_constant);
criterion_main!(benches);
