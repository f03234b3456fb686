use constgrad::vmap::vmap;
use constgrad::{Rank0, Tensor};

fn main() {
    let s = Tensor::<Rank0>::new(2.0);
    let _ = vmap(|x: f64| x * 2.0, s);
}
