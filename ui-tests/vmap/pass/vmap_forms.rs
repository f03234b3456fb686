// Every argument form compiles: mapped along axis 0, along another axis,
// through a reference, broadcast, a value repeated an explicit number of times,
// nested vmaps, and tuple results. (A pass case also makes trybuild build the
// fail cases fully, not only `cargo check` them.)
use constgrad::vmap::{vmap, vmap2, vmap3, Broadcast, Mapped, Repeat};
use constgrad::{Rank1, Rank2, Rank3, Tensor};

fn main() {
    let x = Tensor::from([1.0, 2.0, 3.0]);
    let m: Tensor<Rank2<3, 4>> = Tensor::ones();
    let t: Tensor<Rank3<2, 3, 4>> = Tensor::ones();

    let a: Tensor<Rank1<3>> = vmap(|v| v * 2.0, x);
    let b: Tensor<Rank2<4, 3>> = vmap(|c| c, m.in_axis::<1>());
    let c: Tensor<Rank3<3, 2, 4>> = vmap(|s| s, Mapped::<1, _>(&t));
    let d: Tensor<Rank1<3>> = vmap2(|v, row: Tensor<Rank1<4>>| v * row.sum(), &x, m);
    let e: Tensor<Rank2<5, 3>> = vmap(|v| v, Repeat::<5, _>(x));
    let (f, g): (Tensor<Rank1<4>>, Tensor<Rank2<4, 3>>) = vmap3(
        |s, col, k: f64| (s.sum() * k, col),
        t.in_axis::<2>(),
        m.in_axis::<1>(),
        Broadcast(2.0),
    );
    let h: Tensor<Rank2<3, 3>> = vmap(|r| vmap(|q| (r * q).sum(), m), m);
    assert_eq!(a[[2]], 6.0);
    assert_eq!(b.dims(), &[4, 3]);
    assert_eq!(c.dims(), &[3, 2, 4]);
    assert_eq!(d[[0]], 4.0);
    assert_eq!(e[[4, 2]], 3.0);
    assert_eq!(f[[0]], 12.0);
    assert_eq!(g.dims(), &[4, 3]);
    assert_eq!(h[[1, 2]], 4.0);
}
