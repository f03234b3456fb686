use constgrad::{Rank2, Rank3, Tensor};

fn main() {
    let a = Tensor::<Rank3<2, 3, 4>>::zeros();
    let b = Tensor::<Rank2<4, 5>>::zeros();
    let _ = a.matmul(&b);
}
