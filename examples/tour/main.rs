//! A tour of constgrad: `cargo run --example tour`.
//!
//! Each capability has its own section module; the tour runs them in order.

mod ad;
mod stencil;
mod tensor;
mod vmap;

fn main() {
    tensor::run();
    ad::run();
    vmap::run();
    stencil::run();
}
