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
