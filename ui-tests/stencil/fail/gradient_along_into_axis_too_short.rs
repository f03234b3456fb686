// The in-place form of `gradient_along` checks the axis length as the
// allocating form does: 2 points are too few for edge_order 2.
use constgrad::stencil::{Unit, EDGE2};
use constgrad::{Rank2, Tensor};

fn main() {
    let f = Tensor::<Rank2<4, 2>>::zeros();
    let mut g = Tensor::zeros();
    f.gradient_along_into::<1>(&mut g, Unit, EDGE2);
}
