//! vmap never touches the heap: every argument form, tuple and nested
//! results, and vmap of grad.
mod common;

use common::counting::{allocations, Counting};
use constgrad::ad::{derivative, grad, hessian, jacobian};
use constgrad::vmap::{vmap, vmap2, vmap3, Broadcast, Repeat};
use constgrad::{Rank1, Rank2, Rank3, Scalar, Tensor};

#[global_allocator]
static ALLOC: Counting = Counting;

fn sin_exp<T: Scalar>(x: T) -> T {
    x.sin() * (-x / T::from_f64(4.0)).exp()
}

#[test]
fn the_counter_sees_a_heap_allocation() {
    let (_, n) = allocations(|| vec![1.0_f64; 16]);
    assert_eq!(n, 1);
}

#[test]
fn vmap_in_every_form_allocates_nothing() {
    let x = Tensor::<Rank1<10>>::linspace(0.0, 5.0);
    let m = Tensor::<Rank2<10, 3>>::from_flat_fn(|k| k as f64);
    let t = Tensor::<Rank3<2, 10, 3>>::from_flat_fn(|k| k as f64 * 0.5);
    let (r, n) = allocations(|| {
        let a = vmap(sin_exp, x);
        let b = vmap2(|x, row: Tensor<Rank1<3>>| row * x, x, m);
        let (c, d) = vmap3(
            |x, s: Tensor<Rank2<2, 3>>, w| (s.sum() * w + x, s),
            x,
            t.in_axis::<1>(),
            Broadcast(2.0),
        );
        let e: Tensor<Rank2<10, 10>> = vmap(|r| vmap(|q| (r * q).sum(), m), m);
        let f = vmap(|v: Tensor<Rank1<10>>| v.sum(), Repeat::<4, _>(x));
        (a.sum(), b.sum(), c.sum(), d.sum(), e.sum(), f.sum())
    });
    assert_eq!(n, 0, "vmap allocated {n} times");
    assert!(r.0.is_finite() && r.4 > 0.0 && r.5 == 4.0 * x.sum());
}

fn rosenbrock<T: Scalar>(p: Tensor<Rank1<2>, T>) -> T {
    let (x, y) = (p[[0]], p[[1]]);
    (T::one() - x) * (T::one() - x) + T::from_f64(100.0) * (y - x * x) * (y - x * x)
}

#[test]
fn vmap_of_grad_and_grad_of_vmap_allocate_nothing() {
    let x = Tensor::<Rank1<10>>::linspace(0.0, 5.0);
    let p = Tensor::<Rank2<6, 2>>::from_flat_fn(|k| k as f64 * 0.25 - 1.0);
    let (r, n) = allocations(|| {
        let d = vmap(|x| derivative(sin_exp, x), x);
        let g = vmap(|p| grad(rosenbrock, p), p);
        let (_, _, h) = vmap(|p| hessian(rosenbrock, p), p);
        let j: Tensor<Rank3<6, 2, 2>> = vmap(|p| jacobian(|q| q * q, p), p);
        let gv = grad(|x| vmap(sin_exp, x).sum(), x);
        (d.sum(), g.sum(), h.sum(), j.sum(), gv.sum())
    });
    assert_eq!(n, 0, "vmap of grad allocated {n} times");
    assert_eq!(r.0, r.4);
    assert!(r.1.is_finite() && r.2.is_finite() && r.3.is_finite());
}
