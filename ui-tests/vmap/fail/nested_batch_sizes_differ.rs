// A matrix product written as nested vmaps over a dot product: the inner
// dimensions 3 and 2 differ, so the rows of `a` and the columns of `b`
// cannot be paired.
use constgrad::vmap::{vmap, vmap2};
use constgrad::{Rank2, Tensor};

fn main() {
    let a: Tensor<Rank2<2, 3>> = Tensor::zeros();
    let b: Tensor<Rank2<2, 4>> = Tensor::zeros();
    let _ = vmap(|row| vmap(|col| vmap2(|x: f64, y: f64| x * y, row, col).sum(), b.in_axis::<1>()), a);
}
