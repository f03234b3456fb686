// vmap composes with automatic differentiation both ways: vmap of grad,
// jacobian and hessian, and grad of a function that uses vmap inside.
use constgrad::ad::{derivative, grad, hessian, jacobian};
use constgrad::vmap::{vmap, vmap2, Broadcast};
use constgrad::{Rank1, Rank2, Rank3, Scalar, Tensor};

fn f<T: Scalar>(x: T) -> T {
    x.sin() * (-x / T::from_f64(4.0)).exp()
}

fn energy<T: Scalar>(p: Tensor<Rank1<2>, T>) -> T {
    (p * p).sum()
}

fn main() {
    let x = Tensor::<Rank1<10>>::linspace(0.0, 5.0);
    let df: Tensor<Rank1<10>> = vmap(|x| derivative(f, x), x);
    let ps: Tensor<Rank2<3, 2>> = Tensor::from([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]);
    let g: Tensor<Rank2<3, 2>> = vmap(|p| grad(energy, p), ps);
    let j: Tensor<Rank3<3, 2, 2>> = vmap(|p| jacobian(|q| q * q, p), ps);
    let (_, _, h): (Tensor<Rank1<3>>, Tensor<Rank2<3, 2>>, Tensor<Rank3<3, 2, 2>>) =
        vmap(|p| hessian(energy, p), ps);
    let w = Tensor::from([1.0_f64, -1.0]);
    let gw: Tensor<Rank1<2>> = grad(|w| vmap2(|p: Tensor<Rank1<2>>, w| energy(w) * p.sum(), ps, Broadcast(w)).sum(), w);
    assert_eq!(df[[0]], 1.0);
    assert_eq!(g[[2, 1]], 12.0);
    assert_eq!(j[[1, 1, 1]], 8.0);
    assert_eq!(h[[0, 0, 0]], 2.0);
    assert_eq!(gw[[0]], 2.0 * 21.0);
}
