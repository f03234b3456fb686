// The in-place form of `gradient`: axis 0 has 2 points, too few for edge_order 2.
use constgrad::stencil::{Unit, EDGE2};
use constgrad::{Rank2, Tensor};

fn main() {
    let f = Tensor::<Rank2<2, 5>>::zeros();
    let mut outs = [Tensor::zeros(); 2];
    f.gradient_into(&mut outs, Unit, EDGE2);
}
