// The same mistake written with the `Mapped` wrapper directly: axis 3 of a
// rank-3 tensor does not exist.
use constgrad::vmap::{vmap, Mapped};
use constgrad::{Rank3, Tensor};

fn main() {
    let t: Tensor<Rank3<2, 3, 4>> = Tensor::zeros();
    let _ = vmap(|v: f64| v, Mapped::<3, _>(t));
}
