// Accuracy orders are even: 2, 4, 6 or 8.
use constgrad::stencil::{Accuracy, Unit};
use constgrad::{Rank1, Tensor};

fn main() {
    let f = Tensor::<Rank1<16>>::zeros();
    let _ = f.diff2_along::<0>(Unit, Accuracy::<5>);
}
