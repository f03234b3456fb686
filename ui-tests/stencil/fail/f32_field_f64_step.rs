use constgrad::stencil::EDGE1;
use constgrad::{Rank1, Tensor};

fn main() {
    let f: Tensor<Rank1<4>, f32> = Tensor::from([1.0, 2.0, 4.0, 8.0]);
    let h: f64 = 0.5;
    let [_] = f.gradient(h, EDGE1);
}
