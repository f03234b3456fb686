//! vmap composed with automatic differentiation: vmap of grad, of jacobian
//! and of hessian; grad and jacobian of functions that use vmap inside; and
//! the seed example of the JAX documentation against the golden file.

mod common;

use constgrad::ad::{derivative, grad, hessian, jacobian, value_and_grad};
use constgrad::vmap::{vmap, vmap2, Broadcast};
use constgrad::{Rank1, Rank2, Rank3, Scalar, Tensor};

/// `f(x) = sin(x)·exp(-x/4)`, the function of the JAX documentation's example.
fn sin_exp<T: Scalar>(x: T) -> T {
    x.sin() * (-x / T::from_f64(4.0)).exp()
}

/// Its derivative by hand.
fn sin_exp_derivative(x: f64) -> f64 {
    (-x / 4.0).exp() * (x.cos() - x.sin() / 4.0)
}

/// Rosenbrock's function in two variables.
fn rosenbrock<T: Scalar>(p: Tensor<Rank1<2>, T>) -> T {
    let (x, y) = (p[[0]], p[[1]]);
    let a = T::one() - x;
    let b = y - x * x;
    a * a + T::from_f64(100.0) * b * b
}

/// The Lorenz vector field.
fn lorenz<T: Scalar>(p: Tensor<Rank1<3>, T>) -> Tensor<Rank1<3>, T> {
    let (x, y, z) = (p[[0]], p[[1]], p[[2]]);
    Tensor::from([
        T::from_f64(10.0) * (y - x),
        x * (T::from_f64(28.0) - z) - y,
        x * y - T::from_f64(8.0 / 3.0) * z,
    ])
}

/// A batch of 4 points in the plane, one per row.
fn points() -> Tensor<Rank2<4, 2>> {
    Tensor::from([[-1.2, 1.0], [0.0, 0.0], [1.0, 1.0], [0.5, -0.25]])
}

#[test]
fn seed_example_vmap_of_grad_matches_the_golden_file() {
    let case = common::golden_function("seed_sin_exp_vmap_grad");
    let x = Tensor::<Rank1<10>>::linspace(0.0, 5.0);
    assert_eq!(x.as_slice(), common::f64s(&case["x"]).as_slice());
    // jax.vmap(jax.grad(f))(x)
    let automatic = vmap(|x| derivative(sin_exp, x), x);
    common::assert_close(automatic.as_slice(), &common::f64s(&case["grad"]), 1e-12);
    let exact = vmap(sin_exp_derivative, x);
    common::assert_close(automatic.as_slice(), exact.as_slice(), 1e-14);
    // The same through `grad` of a function of a rank-0 tensor.
    let through_grad = vmap(
        |x| {
            grad(
                |t: Tensor<constgrad::Rank0, _>| sin_exp(t.item()),
                Tensor::new(x),
            )
            .item()
        },
        x,
    );
    assert_eq!(through_grad, automatic);
    // And the values, with the gradient, in one vmap.
    let (values, grads) = vmap(
        |x| {
            value_and_grad(
                |t: Tensor<constgrad::Rank0, _>| sin_exp(t.item()),
                Tensor::new(x),
            )
        },
        x,
    );
    common::assert_close(values.as_slice(), &common::f64s(&case["value"]), 1e-12);
    // Rank-0 gradients stack into a rank-1 tensor.
    assert_eq!(grads, automatic);
}

#[test]
fn vmap_of_grad_over_a_batch_of_points() {
    let p = points();
    let g: Tensor<Rank2<4, 2>> = vmap(|p| grad(rosenbrock, p), p);
    for i in 0..4 {
        let (x, y) = (p[[i, 0]], p[[i, 1]]);
        let expected = [
            -2.0 * (1.0 - x) - 400.0 * x * (y - x * x),
            200.0 * (y - x * x),
        ];
        common::assert_close(&g.as_slice()[2 * i..2 * i + 2], &expected, 1e-14);
    }
    // Golden: rosenbrock2 at its point, as the first entry of a batch.
    let case = common::golden_function("rosenbrock2");
    let x0 = common::f64s(&case["x"]);
    let batch = Tensor::from([[x0[0], x0[1]], [1.0, 1.0]]);
    let g = vmap(|p| grad(rosenbrock, p), batch);
    common::assert_close(&g.as_slice()[..2], &common::f64s(&case["grad"]), 1e-12);
    assert_eq!(&g.as_slice()[2..], &[0.0, 0.0]);
}

#[test]
fn vmap_of_jacobian_stacks_one_jacobian_per_point() {
    let case = common::golden_function("lorenz");
    let x0 = common::f64s(&case["x"]);
    let batch: Tensor<Rank2<3, 3>> =
        Tensor::from([[x0[0], x0[1], x0[2]], [0.0, 1.0, 0.0], [-2.0, 0.5, 4.0]]);
    let j: Tensor<Rank3<3, 3, 3>> = vmap(|p| jacobian(lorenz, p), batch);
    common::assert_close(&j.as_slice()[..9], &common::f64s(&case["jacobian"]), 1e-12);
    for b in 0..3 {
        let (x, y, z) = (batch[[b, 0]], batch[[b, 1]], batch[[b, 2]]);
        let expected = [
            -10.0,
            10.0,
            0.0, //
            28.0 - z,
            -1.0,
            -x, //
            y,
            x,
            -8.0 / 3.0,
        ];
        common::assert_close(&j.as_slice()[9 * b..9 * b + 9], &expected, 1e-14);
    }
}

#[test]
fn vmap_of_hessian_stacks_values_gradients_and_hessians() {
    let p = points();
    let (v, g, h): (
        Tensor<Rank1<4>>,
        Tensor<Rank2<4, 2>>,
        Tensor<Rank3<4, 2, 2>>,
    ) = vmap(|p| hessian(rosenbrock, p), p);
    assert_eq!(v, vmap(rosenbrock, p));
    assert_eq!(g, vmap(|p| grad(rosenbrock, p), p));
    for i in 0..4 {
        let (x, y) = (p[[i, 0]], p[[i, 1]]);
        let expected = [
            2.0 - 400.0 * (y - x * x) + 800.0 * x * x,
            -400.0 * x,
            -400.0 * x,
            200.0,
        ];
        common::assert_close(&h.as_slice()[4 * i..4 * i + 4], &expected, 1e-12);
    }
    let case = common::golden_function("rosenbrock2");
    let x0 = common::f64s(&case["x"]);
    let (_, _, h) = vmap(|p| hessian(rosenbrock, p), Tensor::from([[x0[0], x0[1]]]));
    common::assert_close(h.as_slice(), &common::f64s(&case["hessian"]), 1e-12);
}

/// Least squares `Σᵢ (xᵢ·w - yᵢ)²`, written with vmap over the data rows and
/// the weights `w` broadcast.
fn least_squares<T: Scalar<Real = f64>>(
    w: Tensor<Rank1<3>, T>,
    x: &Tensor<Rank2<5, 3>>,
    y: &Tensor<Rank1<5>>,
) -> T {
    let residuals = residuals(w, x, y);
    vmap(|r: T| r * r, residuals).sum()
}

/// The residuals `xᵢ·w - yᵢ`, one per row.
fn residuals<T: Scalar<Real = f64>>(
    w: Tensor<Rank1<3>, T>,
    x: &Tensor<Rank2<5, 3>>,
    y: &Tensor<Rank1<5>>,
) -> Tensor<Rank1<5>, T> {
    constgrad::vmap::vmap3(
        |row: Tensor<Rank1<3>>, yi: f64, w: Tensor<Rank1<3>, T>| {
            let mut s = T::from_real(-yi);
            for k in 0..3 {
                s += w[[k]] * T::from_real(row[[k]]);
            }
            s
        },
        x,
        y,
        Broadcast(w),
    )
}

#[test]
fn grad_of_a_function_that_uses_vmap_inside() {
    let x =
        Tensor::<Rank2<5, 3>>::from_fn(|[i, k]| ((i * 3 + k) % 4) as f64 - 1.5 + 0.1 * i as f64);
    let y = Tensor::from([1.0, -2.0, 0.5, 3.0, 0.0]);
    let w = Tensor::from([0.3, -0.7, 1.1]);
    let g = grad(|w| least_squares(w, &x, &y), w);
    // ∇ = 2 Xᵀ (X w - y)
    let r = residuals(w, &x, &y);
    let expected = Tensor::<Rank1<3>>::from_fn(|[k]| {
        let mut s = 0.0;
        for i in 0..5 {
            s += 2.0 * x[[i, k]] * r[[i]];
        }
        s
    });
    common::assert_close(g.as_slice(), expected.as_slice(), 1e-13);

    // The gradient of Σ f(xᵢ), with f mapped by vmap, is f' mapped.
    let pts = Tensor::<Rank1<10>>::linspace(0.0, 5.0);
    let g = grad(|x| vmap(sin_exp, x).sum(), pts);
    common::assert_close(
        g.as_slice(),
        vmap(sin_exp_derivative, pts).as_slice(),
        1e-14,
    );

    // The Jacobian of an elementwise map built with vmap is diagonal.
    let j: Tensor<Rank2<10, 10>> = jacobian(|x| vmap(sin_exp, x), pts);
    for ((i, k), &v) in (0..10)
        .flat_map(|i| (0..10).map(move |k| (i, k)))
        .zip(j.iter())
    {
        let expected = if i == k {
            sin_exp_derivative(pts[[i]])
        } else {
            0.0
        };
        assert!((v - expected).abs() < 1e-14, "J[{i}, {k}] = {v}");
    }
}

#[test]
fn vmap_of_vmap_of_grad_over_a_grid() {
    // ∂/∂x and ∂/∂y of Rosenbrock on a 3 × 4 grid, the grid axes batched.
    let xs = Tensor::from([-1.0, 0.0, 1.0]);
    let ys = Tensor::from([-0.5, 0.0, 0.5, 1.0]);
    let g: Tensor<Rank3<3, 4, 2>> = vmap(
        |x| {
            vmap2(
                |y, x| grad(rosenbrock, Tensor::from([x, y])),
                ys,
                Broadcast(x),
            )
        },
        xs,
    );
    for i in 0..3 {
        for j in 0..4 {
            let expected = grad(rosenbrock, Tensor::from([xs[[i]], ys[[j]]]));
            assert_eq!(
                &g.as_slice()[8 * i + 2 * j..8 * i + 2 * j + 2],
                expected.as_slice()
            );
        }
    }
}
