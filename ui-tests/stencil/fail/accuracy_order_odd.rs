use constgrad::stencil::{Accuracy, Unit};
use constgrad::{Rank1, Tensor};

fn main() {
    let f = Tensor::<Rank1<16>>::zeros();
    let _ = f.diff_along::<0>(Unit, Accuracy::<3>);
}
