//! vmap: a function of one point becomes a function of a batch.

use constgrad::ad::derivative;
use constgrad::stencil::{Coords, EDGE1};
use constgrad::vmap::vmap;
use constgrad::{Rank1, Scalar, Tensor};

/// `f(x) = sin(x)·exp(-x/4)`, the function of the JAX documentation's example.
fn f<T: Scalar>(x: T) -> T {
    x.sin() * (-x / T::from_f64(4.0)).exp()
}

/// Its derivative, by hand.
fn f_prime(x: f64) -> f64 {
    (-x / 4.0).exp() * (x.cos() - x.sin() / 4.0)
}

fn row(name: &str, t: &Tensor<Rank1<10>>) {
    print!("{name:>20}:");
    for x in t {
        print!(" {x:6.2}");
    }
    println!();
}

pub fn run() {
    println!("== vmap: f(x) = sin(x)·exp(-x/4) at linspace(0, 5, 10) ==");
    let x = Tensor::<Rank1<10>>::linspace(0.0, 5.0);
    row("x", &x);
    let y = vmap(f, x);
    row("f(x)", &y);
    // jnp.gradient(f(x), x): the stencil gradient of the samples.
    let grid = Coords::new(*x.as_array()).expect("finite and increasing");
    let [numerical] = y.gradient(grid, EDGE1);
    row("numerical gradient", &numerical);
    // jax.vmap(jax.grad(f))(x): the derivative at every point, by forward-mode AD.
    row("automatic gradient", &vmap(|x| derivative(f, x), x));
    row("exact gradient", &vmap(f_prime, x));
    println!();
}
