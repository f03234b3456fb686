use constgrad::{HeapTensor, Rank2};

fn main() {
    let a = HeapTensor::<Rank2<200, 300>>::zeros();
    let _ = a.reshape::<Rank2<300, 300>>();
}
