// Issue 10's "correct code that does not compile today", as a new user writes
// it: each item compiles as written (the values are checked in
// tests/first_day.rs).
use constgrad::ad::{grad, jacobian_args};
use constgrad::dual::Dual;
use constgrad::stencil::{Coords, EDGE1};
use constgrad::{Rank1, Rank2, Scalar, Shape, Tensor};

// 5. grad in code generic over the shape.
fn g<S: Shape>(x: Tensor<S>) -> Tensor<S> {
    grad(|x| (x * x).sum(), x)
}

fn main() {
    // 1. a scalar on the right of a constructor
    let q: Tensor<Rank2<2, 2>> = Tensor::identity() * 0.5;
    let o: Tensor<Rank1<3>> = Tensor::ones() * 2.0;
    // 2. a plain literal on a dual tensor
    let x = Tensor::from([3.0, 4.0, 5.0]);
    let _ = grad(|x| (x * 2.5).sum(), x);
    // 3. an index pattern before the shape is known
    let t: Tensor<Rank1<3>> = Tensor::from_fn(|[i]| i as f64);
    let _ = g(t);
    // 7. plain numbers as the second operand of a dual
    let d = Dual::var(1.5_f64);
    let _ = (d.powf(4.2), d.atan2(1.0), d.hypot(3.0), d.log(10.0));
    // 8. a vector on the left of matmul
    let _ = o.matmul(&Tensor::from([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]));
    // 9. concatenation into a named shape
    let _: Tensor<Rank1<6>> = t.concat(&o);
    // 10. coordinates from a Vec, and integer coordinates
    let xs = vec![0.0, 1.0, 3.0];
    let [_] = t.gradient(Coords::try_from_slice(&xs).unwrap(), EDGE1);
    let [_] = t.gradient(Coords::cast([0, 1, 3]).unwrap(), EDGE1);
    // 11. Jacobians with respect to two arguments in one pass
    let (fx, fw): (Tensor<Rank2<2, 2>>, Tensor<Rank2<2, 1>>) = jacobian_args(
        |(x, w): (Tensor<Rank1<2>, _>, Tensor<Rank1<1>, _>)| x * x + w.sum(),
        (Tensor::from([1.0, 2.0]), Tensor::from([0.5])),
    );
    let _ = (q, fx, fw);
    // 13. sigmoid, softplus, log-sum-exp, log with a base
    let _ = (Scalar::sigmoid(0.3_f64), Scalar::softplus(0.3_f64), x.logsumexp(), Scalar::log(8.0_f64, 2.0));
}
