use constgrad::stencil::{Edge, Unit};
use constgrad::Tensor;

#[derive(Clone, Copy)]
struct EdgeOrder3;

impl Edge for EdgeOrder3 {
    const ORDER: usize = 3;
}

fn main() {
    let f = Tensor::from([0.0, 1.0, 4.0, 9.0]);
    let _ = f.gradient(Unit, EdgeOrder3);
}
