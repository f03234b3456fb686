//! Inline-tensor kernels, each in its own `#[inline(never)]` function
//! `k_*` called `CALLS` times, for instruction counts under callgrind:
//! deterministic, unaffected by a noisy machine, and comparable between two
//! checkouts (it uses only API that predates the storage parameter).
//!
//! ```text
//! export CARGO_PROFILE_BENCH_CODEGEN_UNITS=1   # see below
//! cargo bench --bench instructions --no-run
//! valgrind --tool=callgrind --callgrind-out-file=cg.out target/release/deps/instructions-<hash>
//! callgrind_annotate --inclusive=yes --threshold=100 cg.out | grep 'instructions::k_'
//! ```
//!
//! Divide each function's inclusive count by `CALLS` (1000) for the
//! instructions of one call. With the default 16 codegen units, how the
//! crate is split into units changes with any edit and moves unchanged
//! kernels by a few percent (measured: ±3 % on the stencil kernel with no
//! change to its source); one unit takes that out of a comparison. Without valgrind it runs as a quick smoke test.

use std::hint::black_box;

use constgrad::ad::{constant, grad, hessian, jacobian};
use constgrad::stencil::{Accuracy, Coords, Unit, EDGE1, EDGE2};
use constgrad::vmap::{vmap, vmap2, Broadcast};
use constgrad::{Rank1, Rank2, RealArith, Tensor};

const CALLS: usize = 1000;

/// Deterministic values with no structure for LLVM to fold.
fn data<const N: usize>(seed: f64) -> Tensor<Rank2<N, N>> {
    Tensor::<Rank2<N, N>>::from_fn(|[i, j]| {
        seed + 0.37 * i as f64 - 0.21 * j as f64 + 0.013 * (i * j) as f64
    })
}

fn rosen<const N: usize, T: RealArith<f64>>(x: Tensor<Rank1<N>, T>) -> T {
    let x = x.as_slice();
    let mut s = T::zero();
    for i in 0..N - 1 {
        let (a, b) = (x[i], x[i + 1]);
        s += (b - a * a).powi(2) * 100.0 + (a - 1.0).powi(2);
    }
    s
}

fn lorenz<T: RealArith<f64>>(v: Tensor<Rank1<3>, T>) -> Tensor<Rank1<3>, T> {
    let [x, y, z] = [v[[0]], v[[1]], v[[2]]];
    Tensor::from([(y - x) * 10.0, x * (-z + 28.0) - y, x * y - z * (8.0 / 3.0)])
}

type M<const N: usize> = Tensor<Rank2<N, N>>;

/// One kernel of two square matrices.
macro_rules! binary {
    ($($name:ident $n:literal |$a:ident, $b:ident| $e:expr;)*) => {$(
        #[inline(never)]
        fn $name($a: &M<$n>, $b: &M<$n>) -> M<$n> {
            $e
        }
    )*};
}

binary! {
    k_add3 3 |a, b| a + b;
    k_add4 4 |a, b| a + b;
    k_add6 6 |a, b| a + b;
    k_mul3 3 |a, b| a * b;
    k_mul4 4 |a, b| a * b;
    k_mul6 6 |a, b| a * b;
    k_matmul3 3 |a, b| a.matmul(b);
    k_matmul4 4 |a, b| a.matmul(b);
    k_matmul6 6 |a, b| a.matmul(b);
    k_by_value6 6 |a, b| (*a + *b) * 2.0 - *a / 3.0;
}

#[inline(never)]
fn k_assign6(a: &mut M<6>, b: &M<6>) {
    *a += b;
    *a *= 0.5;
}

#[inline(never)]
fn k_by_reference6(a: &M<6>) -> M<6> {
    -&(a * 2.0)
}

#[inline(never)]
fn k_matvec6(a: &M<6>, x: &Tensor<Rank1<6>>) -> Tensor<Rank1<6>> {
    a.matmul(x)
}

#[inline(never)]
fn k_transpose6x4(a: &Tensor<Rank2<6, 4>>) -> Tensor<Rank2<4, 6>> {
    a.transpose()
}

#[inline(never)]
fn k_sum_axis6(a: &M<6>) -> Tensor<Rank1<6>> {
    a.sum_axis::<0>()
}

#[inline(never)]
fn k_max6(a: &M<6>) -> f64 {
    a.max()
}

#[inline(never)]
fn k_grad_rosen8(x: &Tensor<Rank1<8>>) -> Tensor<Rank1<8>> {
    grad(rosen, *x)
}

#[inline(never)]
fn k_hessian_rosen4(x: &Tensor<Rank1<4>>) -> (f64, Tensor<Rank1<4>>, M<4>) {
    hessian(rosen, *x)
}

#[inline(never)]
fn k_jacobian_lorenz(x: &Tensor<Rank1<3>>) -> M<3> {
    jacobian(lorenz, *x)
}

#[inline(never)]
fn k_gradient16(f: &M<16>) -> [M<16>; 2] {
    f.gradient(Unit, EDGE1)
}

#[inline(never)]
fn k_gradient_along16_edge2(f: &M<16>) -> M<16> {
    f.gradient_along::<1>(Unit, EDGE2)
}

#[inline(never)]
fn k_gradient_coords16(f: &M<16>, x: &Coords<f64, 16>) -> [M<16>; 2] {
    f.gradient((*x, *x), EDGE2)
}

/// `Σ (∂y/∂x)²` differentiated with respect to the coordinates.
#[inline(never)]
fn k_grad_wrt_coords16(y: &Tensor<Rank1<16>>, x: &[f64; 16]) -> Tensor<Rank1<16>> {
    let loss = |x: Tensor<Rank1<16>, _>| {
        let [g] = constant(*y).gradient(Coords::unchecked(x.into_array()), EDGE2);
        (g * g).sum()
    };
    grad(loss, Tensor::from(*x))
}

/// The same loss differentiated with respect to the samples (real coordinates).
#[inline(never)]
fn k_grad_wrt_samples16(y: &Tensor<Rank1<16>>, x: &Coords<f64, 16>) -> Tensor<Rank1<16>> {
    grad(
        |y| {
            let [g] = y.gradient(*x, EDGE2);
            (g * g).sum()
        },
        *y,
    )
}

#[inline(never)]
fn k_coords_new16(x: &[f64; 16]) -> Option<Coords<f64, 16>> {
    Coords::new(*x).ok()
}

#[inline(never)]
fn k_diff_along16(f: &M<16>) -> M<16> {
    f.diff_along::<0>(Unit, Accuracy::<4>)
}

#[inline(never)]
fn k_laplacian16(f: &M<16>) -> M<16> {
    f.laplacian(Unit, Accuracy::<2>)
}

#[inline(never)]
fn k_vmap_rows16x4(m: &Tensor<Rank2<16, 4>>) -> Tensor<Rank1<16>> {
    vmap(|r: Tensor<Rank1<4>>| (r * r).sum(), m)
}

#[inline(never)]
fn k_vmap2_cols4x16(m: &Tensor<Rank2<4, 16>>, w: &Tensor<Rank1<4>>) -> Tensor<Rank1<16>> {
    vmap2(
        |c: Tensor<Rank1<4>>, w: Tensor<Rank1<4>>| (c * w).sum(),
        m.in_axis::<1>(),
        Broadcast(*w),
    )
}

#[inline(never)]
fn k_vmap_grad_rosen16x2(p: &Tensor<Rank2<16, 2>>) -> Tensor<Rank2<16, 2>> {
    vmap(|p| grad(rosen, p), p)
}

fn main() {
    let (a3, b3) = (data::<3>(1.25), data::<3>(-0.75));
    let (a4, b4) = (data::<4>(1.25), data::<4>(-0.75));
    let (a6, b6) = (data::<6>(1.25), data::<6>(-0.75));
    let t64 = Tensor::<Rank2<6, 4>>::from_flat_fn(|k| k as f64 * 0.7);
    let x6 = Tensor::<Rank1<6>>::from_flat_fn(|k| k as f64 * 0.3 - 1.0);
    let f16 = M::<16>::from_flat_fn(|k| (k as f64 * 0.001).sin() + 0.5 * (k as f64 * 0.0173).cos());
    let x8 = Tensor::<Rank1<8>>::from_flat_fn(|k| 0.3 + 0.1 * k as f64);
    let x4 = Tensor::<Rank1<4>>::from_flat_fn(|k| 0.3 + 0.1 * k as f64);
    let x3 = Tensor::from([1.0, 2.0, 3.0]);
    let xs16: [f64; 16] = core::array::from_fn(|i| i as f64 + 0.1 * (i as f64 * 0.7).sin());
    let c16 = Coords::new(xs16).unwrap();
    let y16 = Tensor::from(xs16.map(|x| (1.3 * x).sin()));
    let m16x4 = Tensor::<Rank2<16, 4>>::from_flat_fn(|k| k as f64 * 0.01);
    let m4x16 = Tensor::<Rank2<4, 16>>::from_flat_fn(|k| k as f64 * 0.02);
    let p16x2 = Tensor::<Rank2<16, 2>>::from_flat_fn(|k| 0.3 + 0.05 * k as f64);
    let mut c6 = a6;
    for _ in 0..CALLS {
        black_box(k_add3(black_box(&a3), black_box(&b3)));
        black_box(k_add4(black_box(&a4), black_box(&b4)));
        black_box(k_add6(black_box(&a6), black_box(&b6)));
        black_box(k_mul3(black_box(&a3), black_box(&b3)));
        black_box(k_mul4(black_box(&a4), black_box(&b4)));
        black_box(k_mul6(black_box(&a6), black_box(&b6)));
        black_box(k_matmul3(black_box(&a3), black_box(&b3)));
        black_box(k_matmul4(black_box(&a4), black_box(&b4)));
        black_box(k_matmul6(black_box(&a6), black_box(&b6)));
        black_box(k_by_value6(black_box(&a6), black_box(&b6)));
        k_assign6(black_box(&mut c6), black_box(&b6));
        black_box(k_by_reference6(black_box(&a6)));
        black_box(k_matvec6(black_box(&a6), black_box(&x6)));
        black_box(k_transpose6x4(black_box(&t64)));
        black_box(k_sum_axis6(black_box(&a6)));
        black_box(k_max6(black_box(&a6)));
        black_box(k_grad_rosen8(black_box(&x8)));
        black_box(k_hessian_rosen4(black_box(&x4)));
        black_box(k_jacobian_lorenz(black_box(&x3)));
        black_box(k_gradient16(black_box(&f16)));
        black_box(k_gradient_along16_edge2(black_box(&f16)));
        black_box(k_gradient_coords16(black_box(&f16), black_box(&c16)));
        black_box(k_coords_new16(black_box(&xs16)));
        black_box(k_grad_wrt_coords16(black_box(&y16), black_box(&xs16)));
        black_box(k_grad_wrt_samples16(black_box(&y16), black_box(&c16)));
        black_box(k_diff_along16(black_box(&f16)));
        black_box(k_laplacian16(black_box(&f16)));
        black_box(k_vmap_rows16x4(black_box(&m16x4)));
        black_box(k_vmap2_cols4x16(black_box(&m4x16), black_box(&x4)));
        black_box(k_vmap_grad_rosen16x2(black_box(&p16x2)));
    }
}
