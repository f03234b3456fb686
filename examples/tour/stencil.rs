//! Stencil gradients: numpy.gradient bit for bit, checked at compile time.

use constgrad::stencil::{Accuracy, Coords, Step, Unit, EDGE1, EDGE2};
use constgrad::{Rank1, Rank3, Tensor};

pub fn run() {
    println!("== Stencil gradients (numpy.gradient, bit for bit) ==");

    // The potential V = 2x² + 3y² − 4z sampled on numpy's
    // mgrid[-100:101:25, -100:101:25, -100:101:25]: 9 points per axis, step 25.
    let coord = |i: usize| -100.0 + 25.0 * i as f64;
    let v = Tensor::<Rank3<9, 9, 9>>::from_fn(|[i, j, k]| {
        let (x, y, z) = (coord(i), coord(j), coord(k));
        2.0 * x * x + 3.0 * y * y - 4.0 * z
    });
    // Unit spacing differentiates with respect to the index: 25× the
    // physical gradient.
    let [gx, gy, gz] = v.gradient(Unit, EDGE1);
    println!(
        "unit spacing at (x, y, z) = (50, -25, 0): ({}, {}, {})  = 25 × (4x, 6y, −4)",
        gx[[6, 3, 4]],
        gy[[6, 3, 4]],
        gz[[6, 3, 4]]
    );
    // h = 25 with edge order 2 is exact for a quadratic, edges included.
    let h = Step::new(25.0).expect("finite, non-zero");
    let [gx, gy, gz] = v.gradient(h, EDGE2);
    let exact = v.indexed_iter().all(|([i, j, k], _)| {
        gx[[i, j, k]] == 4.0 * coord(i) && gy[[i, j, k]] == 6.0 * coord(j) && gz[[i, j, k]] == -4.0
    });
    println!("h = 25, edge_order 2: ∇V = (4x, 6y, −4) exactly at all 729 points: {exact}");
    println!(
        "  at the corner (-100, -100, -100): ({}, {}, {})",
        gx[[0, 0, 0]],
        gy[[0, 0, 0]],
        gz[[0, 0, 0]]
    );

    // jnp.gradient's documentation example: f(x) = sin(x)·exp(-x/4) on
    // linspace(0, 5, 10), the numerical gradient against the exact
    // derivative (which grad(f) gives by automatic differentiation).
    let x = Tensor::<Rank1<10>>::linspace(0.0, 5.0);
    let f = x.map(|x| x.sin() * (-x / 4.0).exp());
    let grid = Coords::new(*x.as_array()).expect("finite and increasing");
    let [numerical] = f.gradient(grid, EDGE1);
    let order4 = f.diff_along::<0>(grid, Accuracy::<4>);
    println!("\n     x     numerical   4th order      exact");
    for i in 0..10 {
        let xi = x[[i]];
        let exact = (xi.cos() - xi.sin() / 4.0) * (-xi / 4.0).exp();
        println!(
            "  {xi:5.3}  {:10.6}  {:10.6}  {exact:10.6}",
            numerical[[i]],
            order4[[i]]
        );
    }
    println!("(a coordinate array of the wrong length, an axis shorter than the stencil,");
    println!(" or an axis the tensor does not have, does not compile)");
    println!();
}
