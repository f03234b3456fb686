use constgrad::{Axes5, Rank5, Tensor};

fn main() {
    let t = Tensor::<Rank5<1, 2, 3, 4, 5>>::zeros();
    let _ = t.permute::<Axes5<4, 3, 2, 1, 0>>();
}
