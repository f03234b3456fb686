//! Forward-mode automatic differentiation: exact derivatives in one pass.

use constgrad::ad::{derivative, grad, grad_args, hessian, jacobian, value_and_grad_args};
use constgrad::{Rank1, Rank2, Scalar, Tensor};

/// The Lorenz system's right-hand side, generic over the scalar.
fn lorenz<T: Scalar>(v: Tensor<Rank1<3>, T>) -> Tensor<Rank1<3>, T> {
    let [x, y, z] = v.into_array();
    let c = T::from_f64;
    Tensor::from([
        c(10.0) * (y - x),
        x * (c(28.0) - z) - y,
        x * y - c(8.0 / 3.0) * z,
    ])
}

/// The Rosenbrock function in N dimensions.
fn rosenbrock<const N: usize, T: Scalar>(x: Tensor<Rank1<N>, T>) -> T {
    let x = x.as_slice();
    let mut s = T::zero();
    for i in 0..N - 1 {
        s += T::from_f64(100.0) * (x[i + 1] - x[i] * x[i]).powi(2) + (T::one() - x[i]).powi(2);
    }
    s
}

pub fn run() {
    println!("== Forward-mode automatic differentiation ==");

    let x = Tensor::from([1.0, 2.0, 3.0, 4.0]);
    let g = grad(|x| (x * x).sum(), x);
    println!("grad of sum(x²) at {x}: {g}");

    let d = derivative(|x| x.tanh(), 0.2_f64);
    println!("d tanh/dx at 0.2: {d}");

    let y = Tensor::from([1.1, 2.1, 3.1, 4.1]);
    let (gx, gy) = grad_args(|(x, y)| ((x - y) * (x - y)).sum(), (x, y));
    println!("sum((x-y)²) with x = {x}, y = {y}:\n  ∂/∂x = {gx}\n  ∂/∂y = {gy}");

    let (v, (gq, gchi, gdelta)) = value_and_grad_args(
        |(q, chi, delta)| (q * chi * delta).sum(),
        (
            Tensor::from([2.0]),
            Tensor::from([-3.0]),
            Tensor::from([0.5]),
        ),
    );
    println!(
        "q·chi·delta at (2, -3, 0.5) = {v}: ∂/∂q = {}, ∂/∂chi = {}, ∂/∂delta = {}",
        gq[[0]],
        gchi[[0]],
        gdelta[[0]]
    );

    let p = Tensor::from([1.0, 2.0, 3.0]);
    let j: Tensor<Rank2<3, 3>> = jacobian(lorenz, p);
    println!("Jacobian of the Lorenz system at {p}:\n{j}");

    let r = Tensor::from([-1.2, 1.0]);
    let (f, g, h) = hessian(rosenbrock, r);
    println!("Rosenbrock at {r}: value {f}, gradient {g}, Hessian:\n{h}");
    println!();
}
