use constgrad::stencil::{Accuracy, Unit};
use constgrad::{Rank4, Tensor};

fn main() {
    let f = Tensor::<Rank4<3, 3, 3, 3>>::zeros();
    let _ = f.laplacian(Unit, Accuracy::<2>);
}
