//! `grad`, `jacobian`, `hessian` (and the other entry points) allocate
//! nothing: every dual number and tangent lives on the stack.

mod common;

use common::counting::{allocations, Counting};
use constgrad::ad::{grad, grad_args, hessian, hessian_nested, jacobian, jvp, value_and_grad};
use constgrad::{Rank1, Rank2, Scalar, Shape, Tensor};

#[global_allocator]
static ALLOC: Counting = Counting;

fn rosenbrock<const N: usize, T: Scalar>(x: Tensor<Rank1<N>, T>) -> T {
    let x = x.as_slice();
    let mut s = T::zero();
    for i in 0..N - 1 {
        s += T::from_f64(100.0) * (x[i + 1] - x[i] * x[i]).powi(2) + (T::one() - x[i]).powi(2);
    }
    s
}

fn energy<S: Shape, T: Scalar>(x: Tensor<S, T>) -> T {
    (x * x).apply(Scalar::sin).sum()
}

#[test]
fn entry_points_do_not_allocate() {
    let x = Tensor::from([-1.2, 1.0, 0.5, 0.3]);
    let (g, n) = allocations(|| grad(rosenbrock, x));
    assert_eq!(n, 0, "grad allocated");
    assert!(g[[0]].is_finite());

    let (vg, n) = allocations(|| value_and_grad(energy, Tensor::from([[1.0, 2.0], [3.0, 4.0]])));
    assert_eq!(n, 0, "value_and_grad allocated");
    assert!(vg.0.is_finite());

    let (j, n) = allocations(|| {
        jacobian(
            |v: Tensor<Rank1<3>, _>| {
                let [a, b, c] = v.into_array();
                Tensor::from([a * b, b.sin() * c, c.exp()])
            },
            Tensor::from([1.0, 2.0, 3.0]),
        )
    });
    assert_eq!(n, 0, "jacobian allocated");
    let _: Tensor<Rank2<3, 3>> = j;

    let ((v, _, h), n) = allocations(|| hessian(rosenbrock, x));
    assert_eq!(n, 0, "hessian allocated");
    assert!(v.is_finite() && h[[3, 3]] == 200.0);

    let ((_, _, h2), n) = allocations(|| hessian_nested(rosenbrock, x));
    assert_eq!(n, 0, "hessian_nested allocated");
    assert_eq!(h, h2);

    let (t, n) = allocations(|| jvp(|x| x * x, x, Tensor::ones()));
    assert_eq!(n, 0, "jvp allocated");
    assert_eq!(t.1, x * 2.0);

    let ((gx, gy), n) = allocations(|| {
        grad_args(
            |(a, b)| ((a - b) * (a - b)).sum(),
            (x, Tensor::<Rank1<4>>::ones()),
        )
    });
    assert_eq!(n, 0, "grad_args allocated");
    assert_eq!(gx, -gy);
}
