use constgrad::{Rank2, Tensor};

fn main() {
    let t: Tensor<Rank2<2, 3>> = Tensor::ones();
    let _ = t[[0, 1, 2]];
}
