use constgrad::{Rank1, Tensor};

fn main() {
    let a = Tensor::from([1.0, 2.0, 3.0]);
    let b = Tensor::from([4.0, 5.0]);
    let _: Tensor<Rank1<4>> = a.concat(&b);
}
