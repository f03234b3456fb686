// A plain tensor captured by a differentiated closure is a constant, as if
// wrapped in `constant(w)`.
use constgrad::ad::grad;
use constgrad::Tensor;

fn main() {
    let w = Tensor::from([1.0, 2.0, 3.0]);
    let x = Tensor::from([0.5, 0.5, 0.5]);
    assert_eq!(grad(|x| (x * w).sum(), x), w);
    assert_eq!(grad(|x| (w / x).sum(), x), Tensor::from([-4.0, -8.0, -12.0]));
}
