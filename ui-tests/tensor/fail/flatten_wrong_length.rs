use constgrad::{Rank1, Rank2, Tensor};

fn main() {
    let t: Tensor<Rank2<2, 3>> = Tensor::ones();
    let _: Tensor<Rank1<5>> = t.flatten();
}
