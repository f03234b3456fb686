use constgrad::{HeapTensor, Rank2};

fn main() {
    let a = HeapTensor::<Rank2<200, 300>>::zeros();
    let b = HeapTensor::<Rank2<300, 200>>::zeros();
    let _ = &a - &b;
}
