// Two arguments, both broadcast: nothing gives the batch size.
use constgrad::vmap::{vmap2, Broadcast};
use constgrad::{Rank1, Tensor};

fn main() {
    let w = Tensor::from([1.0, 2.0]);
    let _ = vmap2(|w: Tensor<Rank1<2>>, k: f64| w * k, Broadcast(w), Broadcast(3.0));
}
