use constgrad::stencil::{Step, Unit, EDGE1};
use constgrad::{Rank3, Tensor};

fn main() {
    let f = Tensor::<Rank3<3, 4, 5>>::zeros();
    let h = Step::new(0.5).unwrap();
    let [_, _, _] = f.gradient((Unit, h), EDGE1);
}
