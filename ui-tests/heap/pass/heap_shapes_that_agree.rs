use constgrad::stencil::{Unit, EDGE1};
use constgrad::{HeapTensor, Rank1, Rank2};

fn main() {
    let a = HeapTensor::<Rank2<200, 300>>::ones();
    let b = HeapTensor::<Rank2<300, 200>>::ones();
    let c = &a.matmul(&b) - 300.0;
    assert_eq!(c.max(), 0.0);
    let v: HeapTensor<Rank1<60000>> = a.reshape();
    let [g] = v.gradient(Unit, EDGE1);
    assert_eq!(g.sum(), 0.0);
    assert_eq!((&a - &b.transpose()).sum(), 0.0);
}
