use constgrad::{Rank1, Tensor};

fn main() {
    let a: Tensor<Rank1<3>> = Tensor::ones();
    let b: Tensor<Rank1<4>> = Tensor::ones();
    let _ = Tensor::stack([a, b]);
}
