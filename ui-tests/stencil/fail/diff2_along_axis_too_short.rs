// A second derivative of accuracy order 4 needs 4 + 2 = 6 points at the
// edges; axis 1 has 5.
use constgrad::stencil::{Accuracy, Unit};
use constgrad::{Rank2, Tensor};

fn main() {
    let f = Tensor::<Rank2<8, 5>>::zeros();
    let _ = f.diff2_along::<1>(Unit, Accuracy::<4>);
}
