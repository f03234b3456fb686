//! Every stencil entry point at shapes that are just long enough.
use constgrad::stencil::{Accuracy, Axis, Coords, Step, Unit, EDGE1, EDGE2};
use constgrad::{Rank1, Rank2, Rank3, Tensor};

fn main() {
    let f = Tensor::<Rank2<2, 3>>::from_fn(|[i, j]| (i * 3 + j) as f64);
    let [_, _] = f.gradient(Unit, EDGE1);
    let _ = f.gradient_along::<1>(Step::new(0.5).unwrap(), EDGE2);
    let [_, _] = f.gradient_axes((Axis::<1>, Axis::<0>), (Coords::new([0.0, 1.0, 3.0]).unwrap(), 2.0), EDGE1);
    let g = Tensor::<Rank1<3>, i32>::from([1, 2, 4]);
    let [_] = g.gradient(Unit, EDGE2);
    let h = Tensor::<Rank1<5>>::from_fn(|[i]| i as f64);
    let _ = h.diff_along::<0>(Unit, Accuracy::<4>);
    let _ = Tensor::<Rank1<6>>::zeros().diff2_along::<0>(Unit, Accuracy::<4>);
    let _ = Tensor::<Rank3<4, 4, 4>>::zeros().laplacian(Unit, Accuracy::<2>);
    let mut outs = [Tensor::zeros(); 2];
    f.gradient_into(&mut outs, Unit, EDGE1);
    f.gradient_axes_into((Axis::<1>, Axis::<0>), &mut outs, Unit, EDGE1);
    let mut g1 = Tensor::zeros();
    f.gradient_along_into::<0>(&mut g1, Unit, EDGE1);
}
