// Generic code: `w` may be a `Broadcast`, and it comes before the mapped `x`,
// so nothing in the bounds says that an argument is mapped. The fix is the
// bound `(W, X): AnyMapped<B>` (or `w` after `x`).
use constgrad::vmap::{vmap2, VmapArg, VmapInput};
use constgrad::Tensor;

fn weighted<const B: usize, W, X>(w: W, x: X) -> Tensor<constgrad::Rank1<B>>
where
    W: VmapInput<B, Item = f64>,
    X: VmapArg<B, Item = f64>,
{
    vmap2(|w, x| x * w, w, x)
}

fn main() {
    let _ = weighted(constgrad::vmap::Broadcast(2.0), Tensor::from([1.0, 2.0]));
}
