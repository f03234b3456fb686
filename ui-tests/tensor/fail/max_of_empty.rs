use constgrad::{Rank2, Tensor};

fn main() {
    let t = Tensor::<Rank2<0, 3>>::zeros();
    let _ = t.max();
}
