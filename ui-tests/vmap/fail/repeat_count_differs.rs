// A value repeated 4 times next to a tensor of 3 entries: the count of a
// `Repeat` is the batch size, so the two disagree.
use constgrad::vmap::{vmap2, Repeat};
use constgrad::Tensor;

fn main() {
    let x = Tensor::from([1.0, 2.0, 3.0]);
    let _ = vmap2(|a: f64, k: f64| a * k, x, Repeat::<4, _>(2.0));
}
