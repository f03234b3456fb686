use constgrad::{Axes3, Rank3, Tensor};

fn main() {
    let t: Tensor<Rank3<2, 3, 4>> = Tensor::ones();
    let _ = t.permute::<Axes3<0, 2, 2>>();
}
