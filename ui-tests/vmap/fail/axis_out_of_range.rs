// A rank-2 tensor has axes 0 and 1; mapping along axis 2 does not compile
// (JAX: "vmap was requested to map its argument along axis 2, which implies
// that its rank should be at least 3, but is only 2").
use constgrad::vmap::vmap;
use constgrad::{Rank2, Tensor};

fn main() {
    let m: Tensor<Rank2<2, 3>> = Tensor::zeros();
    let _ = vmap(|v: f64| v, m.in_axis::<2>());
}
