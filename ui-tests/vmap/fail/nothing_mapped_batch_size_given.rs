// Naming the batch size does not make a broadcast mapped: the number of calls
// is said with `Repeat::<8, _>(w)`, which the error points to.
use constgrad::vmap::{vmap, Broadcast};
use constgrad::Tensor;

fn main() {
    let w = Tensor::from([1.0, 2.0]);
    let _ = vmap::<8, _, _>(|w: Tensor<_>| w.sum(), Broadcast(w));
}
