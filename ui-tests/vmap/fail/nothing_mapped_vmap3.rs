// Three arguments, all broadcast: nothing gives the batch size.
use constgrad::vmap::{vmap3, Broadcast};
use constgrad::Tensor;

fn main() {
    let w = Tensor::from([1.0, 2.0]);
    let _ = vmap3(|w: Tensor<_>, k: f64, s: f64| w.sum() * k + s, Broadcast(w), Broadcast(3.0), Broadcast(0.5));
}
