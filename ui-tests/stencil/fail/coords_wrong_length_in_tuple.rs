use constgrad::stencil::{Coords, Unit, EDGE1};
use constgrad::{Rank2, Tensor};

fn main() {
    let f = Tensor::<Rank2<3, 4>>::zeros();
    let x = Coords::new([0.0, 1.0, 2.0]).unwrap();
    let [_, _] = f.gradient((Unit, x), EDGE1);
}
