use constgrad::stencil::{Axis, Unit, EDGE1};
use constgrad::{Rank3, Tensor};

fn main() {
    let f = Tensor::<Rank3<3, 4, 5>>::zeros();
    let [_, _] = f.gradient_axes((Axis::<1>, Axis::<1>), Unit, EDGE1);
}
