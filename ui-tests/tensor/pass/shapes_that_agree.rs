// Every const-asserted path with shapes that agree: this case makes trybuild
// run a full build, so the `const` assertions of the fail cases are reached.
use constgrad::{Axes3, Axes5, Rank1, Rank2, Rank3, Rank5, Tensor};

fn main() {
    let t = Tensor::<Rank2<2, 3>>::from_fn(|[i, j]| (3 * i + j) as f64);
    let r: Tensor<Rank3<3, 1, 2>> = t.reshape();
    assert_eq!(r[[2, 0, 1]], 5.0);
    let f: Tensor<Rank1<6>> = t.flatten();
    assert_eq!(f[[4]], 4.0);
    let m = t.matmul(&t.transpose());
    assert_eq!(m, Tensor::from([[5.0, 14.0], [14.0, 50.0]]));
    let p = r.permute::<Axes3<2, 0, 1>>();
    assert_eq!(p.dims(), &[2, 3, 1]);
    let x = Tensor::<Rank5<1, 2, 3, 4, 5>>::from_flat_fn(|k| k as f64);
    let y = x.permute_into::<Axes5<4, 0, 1, 2, 3>, Rank5<5, 1, 2, 3, 4>>();
    assert_eq!(y[[4, 0, 1, 2, 3]], x[[0, 1, 2, 3, 4]]);
    assert_eq!(Tensor::stack([t, t]).sum_axis::<0>(), 2.0 * t);
    assert_eq!(t.max_axis::<1>(), Tensor::from([2.0, 5.0]));
}
