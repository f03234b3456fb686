use constgrad::stencil::{Unit, EDGE1};
use constgrad::{Rank2, Tensor};

fn main() {
    let f = Tensor::<Rank2<3, 4>>::zeros();
    let _ = f.gradient_along::<2>(Unit, EDGE1);
}
