//! Tensors with compile-time shapes.

use constgrad::{Rank2, Tensor};

pub fn run() {
    println!("== Tensors whose shapes are types ==");
    let a = Tensor::from([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
    println!("a =\n{a}");
    let b: Tensor<Rank2<2, 3>> = Tensor::ones();
    println!("2 * a + b =\n{}", 2.0 * a + b);
    println!("sum along axis 0: {}", a.sum_axis::<0>());
    println!("sum along axis 1: {}", a.sum_axis::<1>());
    println!();
}
