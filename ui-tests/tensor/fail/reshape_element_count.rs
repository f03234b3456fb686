use constgrad::{Rank2, Rank3, Tensor};

fn main() {
    let t: Tensor<Rank2<2, 3>> = Tensor::ones();
    let _ = t.reshape::<Rank3<2, 2, 2>>();
}
