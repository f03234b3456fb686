//! The chunked entry points against the unchunked ones: the same values
//! bit for bit, for every chunk width (narrower than the input, not
//! dividing it, wider than it), every rank, and nested (a chunked Hessian).

use constgrad::ad::{
    grad, grad_chunked, hessian, jacobian, jacobian_chunked, value_and_grad,
    value_and_grad_chunked, value_and_jacobian, value_and_jacobian_chunked, Chunk,
};
use constgrad::{Rank0, Rank1, Rank2, Rank3, RealArith, Scalar, Shape, Tensor};

/// A function every tangent entry of which goes through divisions,
/// elementary functions and a reduction.
fn mixed<S: Shape, T: RealArith<f64>>(x: Tensor<S, T>) -> T {
    let s = x.apply(Scalar::sin).sum();
    let p = x.apply(|v| (v * 0.1).exp()).product();
    s * p / ((x * x).sum() + 1.0).sqrt()
}

fn field<T: RealArith<f64>>(x: Tensor<Rank2<2, 3>, T>) -> Tensor<Rank1<4>, T> {
    let [[a, b, c], [d, e, f]] = x.into_array();
    Tensor::from([
        a * e - b * d,
        (c + f).atan2(a),
        b.hypot(d) * 2.0,
        (e / f).ln(),
    ])
}

#[test]
fn chunked_gradients_equal_the_unchunked_one_bit_for_bit() {
    let x = Tensor::<Rank1<10>>::linspace(-1.3, 0.9);
    let (v, g) = value_and_grad(mixed, x);
    assert_eq!(value_and_grad_chunked(mixed, x, Chunk::<1>), (v, g));
    assert_eq!(value_and_grad_chunked(mixed, x, Chunk::<3>), (v, g));
    assert_eq!(value_and_grad_chunked(mixed, x, Chunk::<10>), (v, g));
    assert_eq!(value_and_grad_chunked(mixed, x, Chunk::<16>), (v, g));
    // Rank 3 input: the chunks run over the flat positions.
    let y = Tensor::<Rank3<2, 3, 2>>::from_flat_fn(|k| 0.3 * k as f64 - 1.0);
    assert_eq!(grad_chunked(mixed, y, Chunk::<5>), grad(mixed, y));
}

#[test]
fn chunked_jacobians_equal_the_unchunked_one_bit_for_bit() {
    let x = Tensor::from([[1.5, -0.5, 2.0], [0.25, 3.0, 1.25]]);
    let (y, j): (_, Tensor<Rank3<4, 2, 3>>) = value_and_jacobian(field, x);
    assert_eq!(value_and_jacobian_chunked(field, x, Chunk::<1>), (y, j));
    assert_eq!(value_and_jacobian_chunked(field, x, Chunk::<4>), (y, j));
    assert_eq!(value_and_jacobian_chunked(field, x, Chunk::<6>), (y, j));
    let j7: Tensor<Rank3<4, 2, 3>> = jacobian_chunked(field, x, Chunk::<7>);
    assert_eq!(j7, j);
}

#[test]
fn a_function_of_no_inputs_still_has_its_value() {
    let x = Tensor::<Rank1<0>>::zeros();
    let (v, g) = value_and_grad_chunked(|x| x.sum() + 2.5, x, Chunk::<4>);
    assert_eq!((v, g), (2.5, Tensor::zeros()));
    let (y, j): (Tensor<Rank0>, Tensor<Rank1<0>>) =
        value_and_jacobian_chunked(|x| Tensor::new(x.sum() + 1.0), x, Chunk::<2>);
    assert_eq!((y.item(), j), (1.0, Tensor::zeros()));
}

#[test]
fn nested_chunked_forms_give_the_hessian() {
    let x = Tensor::<Rank1<5>>::linspace(-0.7, 1.1);
    let (_, _, h): (_, _, Tensor<Rank2<5, 5>>) = hessian(mixed, x);
    let hc: Tensor<Rank2<5, 5>> =
        jacobian_chunked(|x| grad_chunked(mixed, x, Chunk::<2>), x, Chunk::<3>);
    let hn: Tensor<Rank2<5, 5>> = jacobian(|x| grad(mixed, x), x);
    // Nested first-order duals are exactly `jacobian(grad)`; `Dual2` rounds
    // differently, so against it the check is to a few ulps.
    assert_eq!(hc, hn);
    for (a, b) in hc.iter().zip(h.iter()) {
        assert!((a - b).abs() <= 1e-14 * (1.0 + b.abs()), "{a} vs {b}");
    }
}
