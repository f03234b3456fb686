use constgrad::ad::grad;
use constgrad::stencil::{Coords, EDGE1};
use constgrad::{Rank1, Tensor};

fn main() {
    let y = Tensor::<Rank1<4>>::from([0.0, 1.0, 4.0, 9.0]);
    let x = Tensor::from([0.0, 1.0, 2.0, 3.0]);
    let _g = grad(
        |x| {
            let c = Coords::new(x.into_array()).unwrap();
            let [dy] = y.gradient(c, EDGE1);
            dy.sum()
        },
        x,
    );
}
