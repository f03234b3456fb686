use constgrad::{Rank2, Tensor};

fn main() {
    let a: Tensor<Rank2<2, 3>> = Tensor::ones();
    let _ = a.matmul(&Tensor::from([1.0, 2.0]));
}
