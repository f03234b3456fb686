// Two mapped arguments with batch sizes 3 and 2: JAX raises "vmap got
// inconsistent sizes for the mapped axis" at run time; here it does not compile.
use constgrad::vmap::vmap2;
use constgrad::Tensor;

fn main() {
    let x = Tensor::from([1.0, 2.0, 3.0]);
    let y = Tensor::from([10.0, 20.0]);
    let _ = vmap2(|a: f64, b: f64| a * b, x, y);
}
