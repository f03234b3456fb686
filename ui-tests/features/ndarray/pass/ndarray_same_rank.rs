use constgrad::{HeapTensor, Rank3};
use ndarray::Array3;

fn main() {
    let a = Array3::<f64>::zeros((2, 3, 4));
    let t = HeapTensor::<Rank3<2, 3, 4>>::try_from_ndarray(a.view()).unwrap();
    assert_eq!(HeapTensor::<Rank3<2, 3, 4>>::try_from(a), Ok(t));
}
