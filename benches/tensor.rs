//! Elementwise add and multiply, and matmul, of inline `f64` tensors against
//! nalgebra's `SMatrix` on the same data, in the same run; and elementwise
//! add of 1000 × 1000 heap tensors (by value, reusing the left buffer; by
//! reference, allocating the result) against a plain loop over the slices
//! and a copy of the same bytes.
//!
//! `cargo bench --bench tensor -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use constgrad::{HeapTensor, Rank2, Tensor};
use criterion::{criterion_group, criterion_main, Criterion};
use nalgebra::SMatrix;

// Operands are passed by reference through `black_box` (by value, a 6×6
// operand is copied twice per iteration and the copies dominate the timing).

/// Both operands of one library, at the same offsets within a 4 KiB page for
/// both libraries. Where the operands sit relative to the stack slot of the
/// result matters: loads from an address that matches a recent store modulo
/// 4 KiB stall (4K aliasing), and with the operands at arbitrary addresses
/// byte-identical loops of the two libraries timed up to 5x apart.
#[repr(C, align(4096))]
struct Operands<T> {
    lhs: T,
    rhs: T,
}

/// Deterministic, non-trivial values (no zeros or ones for LLVM to fold).
fn data<const N: usize>(seed: f64) -> Tensor<Rank2<N, N>> {
    Tensor::<Rank2<N, N>>::from_fn(|[i, j]| {
        seed + 0.37 * i as f64 - 0.21 * j as f64 + 0.013 * (i * j) as f64
    })
}

fn bench_size<const N: usize>(c: &mut Criterion) {
    let a = data::<N>(1.25);
    let b = data::<N>(-0.75);
    // Built by index (not with the `nalgebra` feature's `From`), so the bench
    // runs with the default features too.
    let na = SMatrix::<f64, N, N>::from_fn(|i, j| a[[i, j]]);
    let nb = SMatrix::<f64, N, N>::from_fn(|i, j| b[[i, j]]);
    // Same values, same results.
    let (ours, theirs) = (a.matmul(&b), na * nb);
    assert!(ours.indexed_iter().all(|([i, j], &x)| x == theirs[(i, j)]));

    let ours = Box::new(Operands { lhs: a, rhs: b });
    let theirs = Box::new(Operands { lhs: na, rhs: nb });
    let (a, b, na, nb) = (&ours.lhs, &ours.rhs, &theirs.lhs, &theirs.rhs);

    let mut g = c.benchmark_group(format!("{N}x{N}"));
    g.bench_function("add/constgrad", |bch| {
        bch.iter(|| black_box(a) + black_box(b))
    });
    g.bench_function("add/nalgebra", |bch| {
        bch.iter(|| black_box(na) + black_box(nb))
    });
    g.bench_function("mul/constgrad", |bch| {
        bch.iter(|| black_box(a) * black_box(b))
    });
    g.bench_function("mul/nalgebra", |bch| {
        bch.iter(|| black_box(na).component_mul(black_box(nb)))
    });
    g.bench_function("matmul/constgrad", |bch| {
        bch.iter(|| black_box(a).matmul(black_box(b)))
    });
    g.bench_function("matmul/nalgebra", |bch| {
        bch.iter(|| black_box(na) * black_box(nb))
    });
    g.finish();
}

fn heap_1000(c: &mut Criterion) {
    type Big = HeapTensor<Rank2<1000, 1000>>;
    let a = Big::from_flat_fn(|k| 1.25 + 0.37 * (k % 1000) as f64);
    let b = Big::from_flat_fn(|k| -0.75 + 0.21 * (k / 1000) as f64);
    let mut out = Big::zeros();
    let mut g = c.benchmark_group("heap 1000x1000 add");
    // `a + &b` consumes `a`: the loop keeps one accumulator and adds `b`
    // into it in place, which is what a by-value heap operation costs.
    let mut acc = Some(a.clone());
    g.bench_function("by-value/constgrad", |bch| {
        bch.iter(|| {
            if let Some(t) = acc.take() {
                acc = Some(black_box(t + black_box(&b)));
            }
        })
    });
    g.bench_function("by-reference/constgrad", |bch| {
        bch.iter(|| black_box(black_box(&a) + black_box(&b)))
    });
    g.bench_function("loop", |bch| {
        bch.iter(|| {
            let (x, y) = (black_box(a.as_slice()), black_box(b.as_slice()));
            for ((o, &x), &y) in out.as_mut_slice().iter_mut().zip(x).zip(y) {
                *o = x + y;
            }
            black_box(&out);
        })
    });
    g.bench_function("copy", |bch| {
        bch.iter(|| {
            out.as_mut_slice().copy_from_slice(black_box(a.as_slice()));
            black_box(&out);
        })
    });
    // Division: more arithmetic per byte than an addition, where threads
    // (feature `rayon`) have the most to win. Divisors next to 1 keep the
    // repeatedly divided values far from subnormals (which divide slowly).
    let near_one = Big::from_flat_fn(|k| 1.0 + 1e-12 * (k % 7) as f64);
    g.bench_function("div-assign/constgrad", |bch| {
        bch.iter(|| {
            if let Some(t) = acc.as_mut() {
                *t /= black_box(&near_one);
            }
        })
    });
    g.bench_function("div-assign/loop", |bch| {
        bch.iter(|| {
            let y = black_box(near_one.as_slice());
            for (o, &y) in out.as_mut_slice().iter_mut().zip(y) {
                *o /= y;
            }
            black_box(&out);
        })
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    bench_size::<3>(c);
    bench_size::<4>(c);
    bench_size::<6>(c);
    heap_1000(c);
}

criterion_group!(tensor, benches);
criterion_main!(tensor);
