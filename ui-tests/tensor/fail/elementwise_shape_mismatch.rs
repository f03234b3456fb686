use constgrad::{Rank2, Tensor};

fn main() {
    let a: Tensor<Rank2<2, 3>> = Tensor::ones();
    let b: Tensor<Rank2<3, 2>> = Tensor::ones();
    let _ = a + b;
}
