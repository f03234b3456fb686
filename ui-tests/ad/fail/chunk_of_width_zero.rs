// A chunked gradient needs a chunk of at least one tangent entry.
use constgrad::ad::{grad_chunked, Chunk};
use constgrad::{Rank1, Tensor};

fn main() {
    let x = Tensor::<Rank1<4>>::from([1.0, 2.0, 3.0, 4.0]);
    let _g = grad_chunked(|x| (x * x).sum(), x, Chunk::<0>);
}
