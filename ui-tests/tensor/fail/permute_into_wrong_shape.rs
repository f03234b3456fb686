use constgrad::{Axes5, Rank5, Tensor};

fn main() {
    let t: Tensor<Rank5<1, 2, 3, 4, 5>> = Tensor::ones();
    // Axis 0 of the result is axis 4 of `t`, of length 5, not 1.
    let _ = t.permute_into::<Axes5<4, 3, 2, 1, 0>, Rank5<1, 2, 3, 4, 5>>();
}
