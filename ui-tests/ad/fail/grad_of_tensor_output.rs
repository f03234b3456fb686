// `grad` of a function whose output is a tensor, not one scalar.
use constgrad::ad::grad;
use constgrad::Tensor;

fn main() {
    let x = Tensor::from([1.0_f64, 2.0, 3.0]);
    let _g = grad(|x| x * x, x);
}
