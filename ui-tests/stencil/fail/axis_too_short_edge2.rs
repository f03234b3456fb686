use constgrad::stencil::{Unit, EDGE2};
use constgrad::{Rank2, Tensor};

fn main() {
    let f = Tensor::<Rank2<2, 5>>::zeros();
    let _ = f.gradient_along::<0>(Unit, EDGE2);
}
