// Naming the Jacobian's shape explicitly: a function from `Rank1<3>` to
// `Rank1<2>` has a `Rank2<2, 3>` Jacobian, not `Rank2<3, 2>`.
use constgrad::ad::jacobian;
use constgrad::{Rank2, Tensor};

fn main() {
    let x = Tensor::from([1.0_f64, 2.0, 3.0]);
    let _j = jacobian::<_, _, Rank2<3, 2>, _, _>(
        |x| {
            let [a, b, c] = x.into_array();
            Tensor::from([a * b, b * c])
        },
        x,
    );
}
