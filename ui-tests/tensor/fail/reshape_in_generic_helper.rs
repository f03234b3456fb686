use constgrad::{Rank1, Shape, Tensor};

// A helper generic over the shape: the reshape is checked for each shape it
// is called with.
fn as_vector<S: Shape>(t: Tensor<S>) -> Tensor<Rank1<6>> {
    t.reshape()
}

fn main() {
    let _ = as_vector(Tensor::from([[1.0, 2.0], [3.0, 4.0]]));
}
