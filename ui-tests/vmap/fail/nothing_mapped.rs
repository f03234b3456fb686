// A single broadcast argument: nothing gives the batch size (JAX: "vmap must
// have at least one non-None value in in_axes").
use constgrad::vmap::{vmap, Broadcast};
use constgrad::Tensor;

fn main() {
    let w = Tensor::from([1.0, 2.0]);
    let _ = vmap(|w: Tensor<_>| w.sum(), Broadcast(w));
}
