//! Tensors with compile-time shapes.

use constgrad::{Axes3, Rank1, Rank2, Rank3, Tensor};

pub fn run() {
    println!("== Tensors whose shapes are types ==");
    let a = Tensor::from([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
    println!("a: {a:?}");
    println!("a =\n{a}");
    let b: Tensor<Rank2<2, 3>> = Tensor::ones();
    println!("2 * a + b =\n{}", 2.0 * a + b);
    println!("sum along axis 0: {}", a.sum_axis::<0>());
    println!("sum along axis 1: {}", a.sum_axis::<1>());
    println!("max {}, mean {:.4}", a.max(), a.mean());

    println!("\n-- construction --");
    let x = Tensor::<Rank1<5>>::linspace(0.0, 1.0);
    println!("linspace(0, 1, 5) = {x}");
    println!(
        "arange(1, step 0.5) = {}",
        Tensor::<Rank1<4>>::arange(1.0, 0.5)
    );
    let grid = Tensor::<Rank2<2, 3>>::from_fn(|[i, j]| (10 * i + j) as f64);
    println!("from_fn(10 i + j) =\n{grid}");
    match Tensor::<Rank2<2, 2>>::try_from_slice(&[1.0, 2.0, 3.0]) {
        Ok(t) => println!("unexpected {t}"),
        Err(e) => println!("try_from_slice with 3 values for a 2x2: error \"{e}\""),
    }

    println!("\n-- matrices --");
    let m = Tensor::from([[2.0, -1.0, 0.0], [1.0, 3.0, 1.0]]);
    println!("a · mᵀ =\n{}", a.matmul(&m.transpose()));
    println!(
        "a · [1, 0, -1] = {}",
        a.matmul(&Tensor::from([1.0, 0.0, -1.0]))
    );
    println!(
        "[1, 2, 3] · [4, 5, 6] = {}",
        Tensor::from([1.0, 2.0, 3.0]).dot(&Tensor::from([4.0, 5.0, 6.0]))
    );
    // `a.matmul(&a)` would not compile: 3 columns against 2 rows.

    println!("\n-- shapes --");
    let r: Tensor<Rank3<3, 1, 2>> = a.reshape();
    println!("a reshaped to 3x1x2 =\n{r}");
    let p = r.permute::<Axes3<2, 0, 1>>(); // Rank3<2, 3, 1>, inferred
    println!("permuted (2, 0, 1), dims {:?} =\n{p}", p.dims());
    let flat: Tensor<Rank1<6>> = a.flatten();
    println!("flattened: {flat}");
    let s: Tensor<Rank3<2, 2, 3>> = Tensor::stack([a, -a]);
    println!("stack([a, -a]) dims {:?}", s.dims());
    println!();
}
