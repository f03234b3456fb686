use constgrad::vmap::{vmap, vmap2, Broadcast};
use constgrad::{Scalar, Tensor};

#[test]
fn inference() {
    let x = Tensor::from([0.0, 1.0, 2.0]);
    let y = vmap(|x| x.sin() * 2.0, x);
    let m = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
    let r = vmap(|row| row.sum(), m);
    let c = vmap(|row| vmap(|col| (row * col).sum(), m.in_axis::<1>()), m);
    let z = vmap2(|a, b| a * b, x, Broadcast(3.0));
    println!("{y:?} {r:?} {c:?} {z:?}");
}
