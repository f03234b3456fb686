// The in-place form of `gradient_axes` rejects an axis named twice, as numpy
// does at run time.
use constgrad::stencil::{Axis, Unit, EDGE1};
use constgrad::{Rank3, Tensor};

fn main() {
    let f = Tensor::<Rank3<3, 4, 5>>::zeros();
    let mut outs = [Tensor::zeros(); 2];
    f.gradient_axes_into((Axis::<2>, Axis::<2>), &mut outs, Unit, EDGE1);
}
