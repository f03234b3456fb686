// Edge's seal is public, so that implementing `Edge` for a user type reads
// as one plain error (`edge_order_user_type.rs`); implementing the seal
// too fails, because its method's argument type cannot be named here.
use constgrad::stencil::{Edge, NumpyEdgeOrder};

#[derive(Clone, Copy)]
struct EdgeOrder3;

impl NumpyEdgeOrder for EdgeOrder3 {
    fn sealed(_: constgrad::stencil::axes::seal::Unnameable) {}
}

impl Edge for EdgeOrder3 {
    const ORDER: usize = 3;
}

fn main() {}
