use constgrad::ad::grad;
use constgrad::Tensor;

fn main() {
    let x = Tensor::from([1, 2, 3]);
    let _ = grad(|x| (x * x).sum(), x);
}
