// A 4th-order Laplacian needs 4 + 2 = 6 points along every axis.
use constgrad::stencil::{Accuracy, Unit};
use constgrad::{Rank2, Tensor};

fn main() {
    let f = Tensor::<Rank2<8, 5>>::zeros();
    let _ = f.laplacian(Unit, Accuracy::<4>);
}
