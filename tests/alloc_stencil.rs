//! Inline stencil gradients never touch the heap: numpy.gradient in every
//! form, higher orders, the Laplacian, derivatives with respect to dual
//! steps and coordinates, and the heap form's `_into` call.
mod common;

use common::counting::{allocations, Counting};
use constgrad::ad::{constant, grad_args};
use constgrad::stencil::{Accuracy, Axis, Coords, Step, Unit, EDGE1, EDGE2};
use constgrad::{HeapTensor, Rank1, Rank2, Rank3, Tensor};

#[global_allocator]
static ALLOC: Counting = Counting;

#[test]
fn the_counter_sees_a_heap_allocation() {
    let (_, n) = allocations(HeapTensor::<Rank1<4>>::zeros);
    assert_eq!(n, 1);
}

#[test]
fn inline_gradients_allocate_nothing() {
    let (r, n) = allocations(|| {
        let f = Tensor::<Rank3<4, 5, 6>>::from_fn(|[i, j, k]| (i * 30 + j * 6 + k) as f64);
        let x = Coords::new([0.0, 0.5, 1.5, 1.75, 3.0]).unwrap();
        let [a, b, c] = f.gradient((Step::new(0.5).unwrap(), x, Unit), EDGE2);
        let [d, e] = f.gradient_axes((Axis::<2>, Axis::<1>), (0.25, x), EDGE1);
        let g = f.gradient_along::<0>(Unit, EDGE1);
        let i = Tensor::from([1_i32, 4, 9, 16]).gradient_along::<0>(Unit, EDGE2);
        let h = f.diff_along::<2>(Unit, Accuracy::<4>);
        let l = f.laplacian((Unit, x, 2.0), Accuracy::<2>);
        let s = Tensor::<Rank2<16, 16>>::ones().diff2_along::<1>(Unit, Accuracy::<8>);
        a.sum()
            + b.sum()
            + c.sum()
            + d.sum()
            + e.sum()
            + g.sum()
            + i.sum()
            + h.sum()
            + l.sum()
            + s.sum()
    });
    assert_eq!(n, 0, "inline stencils allocated {n} times");
    assert!(r.is_finite());
}

#[test]
fn derivatives_with_respect_to_the_spacing_allocate_nothing() {
    let y = Tensor::<Rank2<4, 5>>::from_fn(|[i, j]| ((i * 5 + j) as f64 * 0.3).sin());
    let (g, n) = allocations(|| {
        grad_args(
            |(h, x)| {
                let x = Coords::new(x.into_array()).unwrap();
                let spacing = (Step::new(h[[0]]).unwrap(), x);
                let [a, b] = constant(y).gradient(spacing, EDGE2);
                let c = constant(y).diff_along::<1>(x, Accuracy::<2>);
                (a * b).sum() + c.sum()
            },
            (
                Tensor::<Rank1<1>>::from([0.5]),
                Tensor::from([0.0, 0.4, 1.1, 1.5, 2.3]),
            ),
        )
    });
    assert_eq!(n, 0, "dual spacings allocated {n} times");
    assert!(g.0[[0]].is_finite() && g.1.iter().all(|v| v.is_finite()));
}

#[test]
fn heap_into_forms_allocate_nothing() {
    let f = HeapTensor::<Rank2<300, 400>>::from_fn(|[i, j]| (i + j) as f64);
    let mut outs = [HeapTensor::zeros(), HeapTensor::zeros()];
    let mut one = HeapTensor::zeros();
    // With feature `rayon` the first large stencil starts rayon's thread
    // pool, which allocates once; later calls do not allocate on this thread.
    #[cfg(feature = "rayon")]
    f.gradient_into(&mut outs, Unit, EDGE2);
    let ((), n) = allocations(|| {
        f.gradient_into(&mut outs, Unit, EDGE2);
        f.gradient_along_into::<1>(&mut one, 0.5, EDGE1);
    });
    assert_eq!(n, 0);
    assert_eq!(outs[0][[5, 5]], 1.0);
    assert_eq!(one[[5, 5]], 2.0);
}
