//! A tour of constgrad: `cargo run --example tour`.
//!
//! Each capability has its own section module; the tour runs them in order.

mod stencil;
mod tensor;

fn main() {
    tensor::run();
    stencil::run();
}
