use constgrad::stencil::{Axis, Coords, EDGE1};
use constgrad::{Rank2, Tensor};

fn main() {
    let f = Tensor::<Rank2<3, 5>>::zeros();
    let x3 = Coords::new([0.0, 1.0, 2.0]).unwrap();
    let x5 = Coords::new([0.0, 1.0, 2.0, 3.0, 4.0]).unwrap();
    // axis 1 first: its spacing (5 points) must come first
    let [_, _] = f.gradient_axes((Axis::<1>, Axis::<0>), (x3, x5), EDGE1);
}
