// The entry points compile and agree with the analytic derivatives.
use constgrad::ad::{grad, grad_chunked, hessian, jacobian, jacobian_chunked, Chunk, DEFAULT_CHUNK};
use constgrad::{Rank2, Rank3, Tensor};

fn main() {
    let x = Tensor::from([1.0_f64, 2.0, 3.0]);
    assert_eq!(grad(|x| (x * x).sum(), x), Tensor::from([2.0, 4.0, 6.0]));
    let j: Tensor<Rank2<3, 3>> = jacobian(|x| x * 2.0, x);
    assert_eq!(j, Tensor::from([[2.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 2.0]]));
    // A matrix-valued function of a vector: shape (2, 2, 3).
    let j3: Tensor<Rank3<2, 2, 3>> = jacobian(|x| Tensor::from([[x.sum(), x.max()], [x.min(), x.product()]]), x);
    assert_eq!(j3[[1, 1, 0]], 6.0);
    // The chunked forms: the same numbers, one pass per chunk of inputs.
    assert_eq!(grad_chunked(|x| (x * x).sum(), x, Chunk::<2>), Tensor::from([2.0, 4.0, 6.0]));
    let jc: Tensor<Rank2<3, 3>> = jacobian_chunked(|x| x * 2.0, x, DEFAULT_CHUNK);
    assert_eq!(jc, j);
    let (v, _, h) = hessian(|x| (x * x * x).sum(), x);
    assert_eq!(v, 36.0);
    assert_eq!(h[[2, 2]], 18.0);
}
