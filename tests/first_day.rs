//! Code a new user writes on the first day compiles as written and gives
//! the right values (issue 10's numbered items).

use constgrad::ad::grad;
use constgrad::{Rank1, Rank2, Tensor};

#[test]
fn scalar_on_the_right_infers_the_element_type() {
    let q: Tensor<Rank2<2, 2>> = Tensor::identity() * 0.5;
    assert_eq!(q, Tensor::from([[0.5, 0.0], [0.0, 0.5]]));
    let o: Tensor<Rank1<3>> = Tensor::ones() * 2.0;
    assert_eq!(o, Tensor::from([2.0, 2.0, 2.0]));
}

#[test]
fn plain_literal_on_a_dual_tensor() {
    let x = Tensor::from([3.0, 4.0, 5.0]);
    let g = grad(|x| (x * 2.5).sum(), x);
    assert_eq!(g, Tensor::from([2.5, 2.5, 2.5]));
}

#[test]
fn from_fn_with_an_index_pattern() {
    let t: Tensor<Rank1<3>> = Tensor::from_fn(|[i]| i as f64);
    assert_eq!(t, Tensor::from([0.0, 1.0, 2.0]));
}

#[test]
fn grad_in_code_generic_over_the_shape() {
    fn energy<S: constgrad::Shape>(x: Tensor<S>) -> Tensor<S> {
        grad(|x| (x * x * 0.5).sum(), x)
    }
    assert_eq!(energy(Tensor::from([1.0, -2.0])), Tensor::from([1.0, -2.0]));
}
