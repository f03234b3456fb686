use constgrad::{HeapTensor, Rank2};

fn main() {
    let a = HeapTensor::<Rank2<200, 300>>::zeros();
    let b = HeapTensor::<Rank2<200, 300>>::zeros();
    let _ = a.matmul(&b);
}
