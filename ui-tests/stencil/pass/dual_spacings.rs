//! Steps and coordinates of dual numbers, with samples of the same dual type.
use constgrad::ad::{constant, grad, grad_args};
use constgrad::stencil::{Accuracy, Coords, CoordsRef, Step, EDGE1, EDGE2};
use constgrad::{Rank1, Rank2, Tensor};

fn main() {
    let y = Tensor::<Rank1<4>>::from([0.0, 1.0, 4.0, 9.0]);
    let x = Tensor::from([0.0, 1.0, 2.5, 3.0]);
    let _ = grad(
        |x| {
            let c = Coords::new(x.into_array()).unwrap();
            let [dy] = constant(y).gradient(c, EDGE2);
            dy.sum() + constant(y).diff_along::<0>(c, Accuracy::<2>).sum()
        },
        x,
    );
    let f = Tensor::<Rank2<3, 4>>::zeros();
    let _ = grad_args(
        |(f, h, x)| {
            let [a, b] = f.gradient((Step::new(h[[0]]).unwrap(), CoordsRef::new(x.as_array()).unwrap()), EDGE1);
            a.sum() + b.sum()
        },
        (f, Tensor::<Rank1<1>>::from([0.5]), x),
    );
}
