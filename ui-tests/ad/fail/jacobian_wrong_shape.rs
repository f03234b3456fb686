// The Jacobian of a function from 3 inputs to 3 outputs is 3 × 3, not 3 × 2.
use constgrad::ad::jacobian;
use constgrad::{Rank2, Tensor};

fn main() {
    let x = Tensor::from([1.0_f64, 2.0, 3.0]);
    let _j: Tensor<Rank2<3, 2>> = jacobian(|x| x * x, x);
}
