use constgrad::{HeapTensor, Rank2};
use ndarray::Array3;

fn main() {
    let a = Array3::<f64>::zeros((2, 3, 4));
    let _ = HeapTensor::<Rank2<2, 3>>::try_from_ndarray(a);
}
