//! Messages with numbers in them for the compile-time checks that run as
//! `const` evaluation (reshape element counts, stencil lengths, …).
//!
//! On stable Rust a `const` panic cannot format integers, but it can print a
//! `&str` through `panic!("{}", s)`. [`Msg`] writes text and numbers into a
//! fixed buffer during constant evaluation, so the first line of the error
//! names the shapes and lengths involved.

/// A message under construction in a fixed buffer (truncated if too long).
pub(crate) struct Msg {
    buf: [u8; 320],
    len: usize,
}

impl Msg {
    /// An empty message.
    pub(crate) const fn new() -> Self {
        Msg {
            buf: [0; 320],
            len: 0,
        }
    }

    /// Appends text.
    pub(crate) const fn s(mut self, s: &str) -> Self {
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() && self.len < self.buf.len() {
            self.buf[self.len] = b[i];
            self.len += 1;
            i += 1;
        }
        self
    }

    /// Appends a number in decimal.
    pub(crate) const fn n(mut self, mut n: usize) -> Self {
        let mut digits = [0u8; 20];
        let mut k = 0;
        loop {
            digits[k] = b'0' + (n % 10) as u8;
            k += 1;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        while k > 0 && self.len < self.buf.len() {
            k -= 1;
            self.buf[self.len] = digits[k];
            self.len += 1;
        }
        self
    }

    /// Appends a list of numbers as `[a, b, c]`.
    pub(crate) const fn list(self, v: &[usize]) -> Self {
        self.s("[").items(v).s("]")
    }

    /// Appends a shape as its marker type, `` `Rank2<3, 4>` ``.
    pub(crate) const fn shape(self, dims: &[usize]) -> Self {
        let m = self.s("`Rank").n(dims.len());
        if dims.is_empty() {
            m.s("`")
        } else {
            m.s("<").items(dims).s(">`")
        }
    }

    /// Appends the shape `dims` with its axes in the order `perm` (axis `i`
    /// is axis `perm[i]` of `dims`); `perm` must index `dims`.
    pub(crate) const fn permuted_shape(self, dims: &[usize], perm: &[usize]) -> Self {
        let mut m = self.s("`Rank").n(perm.len()).s("<");
        let mut i = 0;
        while i < perm.len() {
            if i > 0 {
                m = m.s(", ");
            }
            m = m.n(dims[perm[i]]);
            i += 1;
        }
        m.s(">`")
    }

    const fn items(mut self, v: &[usize]) -> Self {
        let mut i = 0;
        while i < v.len() {
            if i > 0 {
                self = self.s(", ");
            }
            self = self.n(v[i]);
            i += 1;
        }
        self
    }

    /// Fails the constant evaluation with this message.
    #[track_caller]
    pub(crate) const fn fail(&self) -> ! {
        let (text, _) = self.buf.split_at(self.len);
        match core::str::from_utf8(text) {
            Ok(s) => panic!("{}", s),
            // Only ASCII is written, and truncation cannot split it.
            Err(_) => panic!("compile-time shape check failed"),
        }
    }
}

/// The shape checks that run as constant evaluation, one call per check so
/// that the error's source line reads as the check (`reshape(…)`), and the
/// caller's `const { }` block is one line.
///
/// Each is `#[track_caller]`: the error points at the `const { }` block in
/// the public method, and the note below it at the user's call.
pub(crate) mod check {
    use super::Msg;

    /// A reshape keeps the number of elements.
    #[track_caller]
    pub(crate) const fn reshape(from: &[usize], from_numel: usize, to: &[usize], to_numel: usize) {
        if from_numel != to_numel {
            Msg::new()
                .s("reshape: ")
                .shape(from)
                .s(" has ")
                .n(from_numel)
                .s(" elements but ")
                .shape(to)
                .s(" has ")
                .n(to_numel)
                .s("; a reshape must keep the number of elements")
                .fail();
        }
    }

    /// A flattened vector has one entry per element.
    #[track_caller]
    pub(crate) const fn flatten(from: &[usize], numel: usize, len: usize) {
        if numel != len {
            Msg::new()
                .s("flatten: ")
                .shape(from)
                .s(" has ")
                .n(numel)
                .s(" elements, so the vector must have length ")
                .n(numel)
                .s(", not ")
                .n(len)
                .fail();
        }
    }

    /// Two shapes joined along axis 0 give the named one.
    #[track_caller]
    pub(crate) const fn concat(a: &[usize], b: &[usize], out: &[usize]) {
        if !concat_fits(a, b, out) {
            Msg::new()
                .s("concat: ")
                .shape(a)
                .s(" and ")
                .shape(b)
                .s(" joined along axis 0 cannot make ")
                .shape(out)
                .s("; the leading dimensions must add up and the others agree")
                .fail();
        }
    }

    /// The dimensions of `a` and `b` joined along axis 0 equal `out`'s: same
    /// rank (at least 1), same trailing dimensions, leading ones adding up.
    const fn concat_fits(a: &[usize], b: &[usize], out: &[usize]) -> bool {
        if a.is_empty() || a.len() != b.len() || a.len() != out.len() {
            return false;
        }
        if a[0] + b[0] != out[0] {
            return false;
        }
        let mut i = 1;
        while i < a.len() {
            if a[i] != b[i] || a[i] != out[i] {
                return false;
            }
            i += 1;
        }
        true
    }

    /// A reduction that needs at least one element (`min`, `max`, `mean`,
    /// `logsumexp`) gets one.
    #[track_caller]
    pub(crate) const fn nonempty(op: &str, dims: &[usize], numel: usize) {
        if numel == 0 {
            Msg::new()
                .s(op)
                .s(" of an empty tensor: ")
                .shape(dims)
                .s(" has no elements")
                .fail();
        }
    }

    /// A reduction along an axis that needs at least one element gets one.
    #[track_caller]
    pub(crate) const fn nonempty_axis(op: &str, dims: &[usize], axis: usize) {
        if dims[axis] == 0 {
            Msg::new()
                .s(op)
                .s(" along axis ")
                .n(axis)
                .s(" of ")
                .shape(dims)
                .s(": the axis has no elements")
                .fail();
        }
    }
}
