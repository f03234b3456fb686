use constgrad::vmap::{vmap, Broadcast};
use constgrad::Tensor;

fn main() {
    let w = Tensor::from([1.0, 2.0]);
    let _ = vmap(|w: Tensor<_>| w.sum(), Broadcast(w));
}
