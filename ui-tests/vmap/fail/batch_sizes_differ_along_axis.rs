// A matrix mapped along axis 1 (length 4) next to a vector mapped along
// axis 0 (length 3): the batch sizes 3 and 4 differ.
use constgrad::vmap::vmap2;
use constgrad::{Rank1, Rank2, Tensor};

fn main() {
    let x = Tensor::from([1.0, 2.0, 3.0]);
    let m: Tensor<Rank2<2, 4>> = Tensor::zeros();
    let _ = vmap2(|a: f64, col: Tensor<Rank1<2>>| col * a, x, m.in_axis::<1>());
}
