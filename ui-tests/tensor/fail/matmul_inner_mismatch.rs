use constgrad::{Rank2, Tensor};

fn main() {
    let a: Tensor<Rank2<2, 3>> = Tensor::ones();
    let b: Tensor<Rank2<4, 5>> = Tensor::ones();
    let _ = a.matmul(&b);
}
