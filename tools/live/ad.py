"""Random compositions of the elementary functions against a live JAX
(float64), written as Rust.

Each case is an expression in 1 to 4 variables built from constgrad's
elementary functions (`Scalar`'s methods and the arithmetic operators), a
point where it is smooth, and JAX's value, gradient (`jax.grad`) and Hessian
(`jax.hessian`). `tests/live_ad.rs` includes the file named by
`CONSTGRAD_LIVE_AD` and checks the value and every derivative through
`value_and_grad`, `hessian` and `hessian_nested` to 1e-12 relative.

    python tools/live/ad.py OUT.rs [--cases N]

The seed comes from `CONSTGRAD_LIVE_SEED` (printed either way).
"""

import argparse
import collections
import json
import math
import multiprocessing
import operator
import os
import random

import jax
import jax.numpy as jnp
import jax.scipy.special as jsp
import mpmath as mp
import numpy as np

import common

jax.config.update("jax_enable_x64", True)

# Case families that fail today; off by default so CI stays green, switched
# on with CONSTGRAD_LIVE_KNOWN_BUGS.
KNOWN_BUGS = {
    # A function of constants alone, e.g. `c(-1.0).asin()`: where its
    # derivative is infinite, the zero tangent times inf makes every
    # derivative NaN (JAX never differentiates a constant).
    "const-at-domain-edge": "functions of constants alone (their tangent is 0 times their derivative)",
}

# name: (arity, Rust template, JAX function). `{0}`, `{1}`, `{2}` are the
# arguments (a method receiver is parenthesised when compound).
UNARY = {
    "sin": jnp.sin, "cos": jnp.cos, "tan": jnp.tan, "exp": jnp.exp,
    "exp2": jnp.exp2, "exp_m1": jnp.expm1, "ln": jnp.log, "log2": jnp.log2,
    "log10": jnp.log10, "ln_1p": jnp.log1p, "sqrt": jnp.sqrt, "cbrt": jnp.cbrt,
    "recip": lambda a: 1.0 / a, "sinh": jnp.sinh, "cosh": jnp.cosh,
    "tanh": jnp.tanh, "asin": jnp.arcsin, "acos": jnp.arccos, "atan": jnp.arctan,
    "asinh": jnp.arcsinh, "acosh": jnp.arccosh, "atanh": jnp.arctanh,
    "abs": jnp.abs, "erf": jsp.erf,
}
METHODS2 = {
    "atan2": jnp.arctan2, "hypot": jnp.hypot, "powf": jnp.power,
    "min": jnp.minimum, "max": jnp.maximum,
}
# Python's operators, which each library overloads (JAX's as jnp.add, …).
OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}
# The same functions in numpy, to screen candidate points cheaply.
NP = {"exp_m1": np.expm1, "ln": np.log, "ln_1p": np.log1p, "recip": lambda a: 1.0 / a,
      "asin": np.arcsin, "acos": np.arccos, "atan": np.arctan, "asinh": np.arcsinh,
      "acosh": np.arccosh, "atanh": np.arctanh, "erf": np.vectorize(math.erf),
      "atan2": np.arctan2, "powf": np.power, "min": np.minimum, "max": np.maximum}


# The same functions in mpmath, for the exact derivatives that screen JAX's.
MP = {"exp2": lambda a: mp.power(2, a), "exp_m1": mp.expm1, "ln": mp.log,
      "log2": lambda a: mp.log(a, 2), "log10": mp.log10, "ln_1p": mp.log1p,
      "recip": lambda a: 1 / a, "asin": mp.asin, "acos": mp.acos, "atan": mp.atan,
      "asinh": mp.asinh, "acosh": mp.acosh, "atanh": mp.atanh, "abs": mp.fabs,
      "atan2": mp.atan2, "powf": mp.power, "min": min, "max": max}


# How each library evaluates an expression: constants, powers, functions.
Lib = collections.namedtuple("Lib", "const powi powc fn")
JAX_LIB = Lib(lambda v: v, lambda a, n: a ** n,  # lax.integer_pow, as powi
              jnp.power, lambda name: {**UNARY, **METHODS2}[name])
NP_LIB = Lib(lambda v: v, lambda a, n: np.float64(a) ** n, np.power,
             lambda name: NP.get(name, getattr(np, name, None)))
MP_LIB = Lib(mp.mpf, lambda a, n: a ** n, lambda a, c: mp.power(a, mp.mpf(c)),
             lambda name: MP.get(name, getattr(mp, name, None)))


class Node:
    """An expression: `kind` is var, const, neg, powi, powc, unary, method2,
    op or mul_add."""

    def __init__(self, kind, name=None, args=(), value=None):
        self.kind, self.name, self.args, self.value = kind, name, list(args), value

    def vars(self):
        s = {self.value} if self.kind == "var" else set()
        for a in self.args:
            s |= a.vars()
        return s

    def uses_const(self):
        return self.kind in ("const", "powc") or any(a.uses_const() for a in self.args)

    def atomic(self):
        return self.kind not in ("op", "neg")

    # ---- Rust --------------------------------------------------------
    def rust(self):
        a = self.args
        if self.kind == "var":
            return f"x{self.value}"
        if self.kind == "const":
            return f"c({common.rust_f64(self.value)})"
        if self.kind == "neg":
            return f"-{a[0].recv()}"
        if self.kind == "op":
            return f"{a[0].operand()} {self.name} {a[1].operand()}"
        if self.kind == "powi":
            return f"{a[0].recv()}.powi({self.value})"
        if self.kind == "powc":
            return f"{a[0].recv()}.powf(c({common.rust_f64(self.value)}))"
        if self.kind == "unary":
            return f"{a[0].recv()}.{self.name}()"
        if self.kind == "method2":
            return f"{a[0].recv()}.{self.name}({a[1].rust()})"
        return f"{a[0].recv()}.mul_add({a[1].rust()}, {a[2].rust()})"

    def recv(self):
        return self.rust() if self.atomic() else f"({self.rust()})"

    def operand(self):
        return f"({self.rust()})" if self.kind == "op" else self.recv()

    # ---- values (JAX for the reference, numpy to screen points, mpmath
    # for the exact derivatives) -----------------------------------------
    def eval_in(self, x, lib):
        a = [n.eval_in(x, lib) for n in self.args]
        if self.kind == "var":
            return x[self.value]
        if self.kind == "const":
            return lib.const(self.value)
        if self.kind == "neg":
            return -a[0]
        if self.kind == "op":
            return OPS[self.name](a[0], a[1])
        if self.kind == "powi":
            return lib.powi(a[0], self.value)
        if self.kind == "powc":
            return lib.powc(a[0], self.value)
        if self.kind in ("unary", "method2"):
            return lib.fn(self.name)(*a)
        return a[0] * a[1] + a[2]

    def jax(self, x):
        return self.eval_in(x, JAX_LIB)

    def np(self, x):
        return self.eval_in(x, NP_LIB)

    def mp(self, x):
        return self.eval_in(x, MP_LIB)

    def text(self):
        return self.rust()


class Gen:
    def __init__(self, rng, switched):
        self.rng = rng
        self.sw = switched

    def const(self):
        r = self.rng
        # Multiples of 1/8: exact in binary, and never mistaken for a
        # rounded π or e by a lint.
        return r.choice([k / 8 for k in range(-24, 25) if k])

    def expr(self, depth, nvars):
        e = self.node(depth, nvars)
        if e.kind != "const" and not e.vars() and "const-at-domain-edge" not in self.sw:
            return Node("const", value=self.const())
        return e

    def node(self, depth, nvars):
        r = self.rng
        if depth == 0 or r.random() < 0.2:
            if r.random() < 0.8:
                return Node("var", value=r.randrange(nvars))
            return Node("const", value=self.const())
        sub = lambda: self.expr(depth - 1, nvars)
        k = r.choices(["unary", "op", "method2", "neg", "powi", "powc", "mul_add"],
                      [12, 8, 4, 1, 2, 2, 1])[0]
        if k == "unary":
            return Node("unary", r.choice(sorted(UNARY)), [sub()])
        if k in ("op", "method2"):
            # Two different operands: `x - x` and `x / x` are constants in
            # disguise (and lints reject them).
            a, b = sub(), sub()
            while a.rust() == b.rust():
                b = sub()
            return Node(k, r.choice(sorted(OPS if k == "op" else METHODS2)), [a, b])
        if k == "neg":
            return Node("neg", args=[sub()])
        if k == "powi":
            return Node("powi", args=[sub()], value=r.choice([-3, -2, -1, 2, 3, 4, 5]))
        if k == "powc":
            return Node("powc", args=[sub()], value=r.choice([0.5, 1.5, 2.5, -0.5, 3.0]))
        return Node("mul_add", args=[sub(), sub(), sub()])

    def function(self, nvars):
        while True:
            e = self.expr(self.rng.choice([2, 3, 3, 4]), nvars)
            if e.vars() == set(range(nvars)):
                return e

    def point(self, nvars):
        r = self.rng
        lo, hi = r.choice([(-2.0, 2.0), (0.1, 3.0), (0.2, 0.9)])
        return [r.uniform(lo, hi) for _ in range(nvars)]


def smooth_value(e, x):
    """Whether numpy finds a finite, moderate value at `x` (a cheap screen)."""
    with np.errstate(all="ignore"):
        v = float(e.np(np.array(x, dtype=np.float64)))
    return math.isfinite(v) and abs(v) < 1e10


# What the Rust test calls "near 0": below this fraction of the largest
# entry of the same gradient or Hessian (or of 1). Keep equal to the test's.
NEAR_ZERO = 1e-2


def noisy(a, b):
    """Whether `b` (at the next doubles up from the point) differs from `a`
    by more than smoothness allows: the computed derivative is then rounding
    noise amplified by cancellation (as for tanh'' = f(1 - tanh²) where
    tanh ≈ 1), and two correct implementations need not agree to 1e-12."""
    a, b = np.ravel(a), np.ravel(b)
    big = max(np.max(np.abs(a)), 1.0)
    far = np.abs(a) >= NEAR_ZERO * big
    d = np.abs(a - b)
    return bool(np.any(far & (d > 1e-13 * np.abs(a))) or np.any(~far & (d > 1e-15 * big)))


def exact(e, n, x):
    """The gradient and Hessian at `x` to about 20 digits (mpmath's
    derivatives of the expression evaluated at 40), or None where mpmath
    leaves the reals."""
    with mp.workdps(40):
        xs = [mp.mpf(v) for v in x]
        f = lambda *v: e.mp(list(v))
        unit = lambda *ks: tuple(sum(k == i for k in ks) for i in range(n))
        try:
            g = [mp.diff(f, xs, unit(i)) for i in range(n)]
            h = [mp.diff(f, xs, unit(i, j)) for i in range(n) for j in range(n)]
        except Exception:  # a complex intermediate that a real function refuses
            return None
        if any(isinstance(v, mp.mpc) for v in g + h):
            return None
        return np.array([float(v) for v in g]), np.array([float(v) for v in h])


def inexact(a, b):
    """Whether JAX's `a` is further from the exact `b` than a tenth of what
    the Rust test allows: then JAX's own rounding (1 - tanh² where tanh ≈ 1
    cancels, for one) decides the comparison, not constgrad's."""
    a, b = np.ravel(a), np.ravel(b)
    big = max(np.max(np.abs(b)), 1.0)
    far = np.abs(b) >= NEAR_ZERO * big
    d = np.abs(a - b)
    return bool(np.any(far & (d > 1e-13 * np.abs(b))) or np.any(~far & (d > 1e-15 * big)))


def reference(e, n, x):
    """JAX's value, `jax.grad` and `jax.hessian` at `x`, or None where the
    case is not a fair test: not finite, huge, or ill-conditioned (the
    forward-mode gradient `jax.jacfwd` disagrees with the reverse-mode one,
    the derivatives at the next doubles up from `x` differ by more than
    smoothness allows, see `noisy`, or JAX's are not within a tenth of the
    test's tolerance of the exact ones, see `inexact`)."""
    f = lambda v: e.jax(v)
    both = jax.jit(lambda v: (f(v), jax.grad(f)(v), jax.hessian(f)(v), jax.jacfwd(f)(v)))
    v, g, h, gf = (np.asarray(a) for a in both(jnp.asarray(x, dtype=jnp.float64)))
    ok = math.isfinite(v) and abs(v) < 1e10
    ok = ok and all(np.all(np.isfinite(a)) and np.max(np.abs(a)) < 1e10 for a in (g, h))
    ok = ok and not noisy(g, gf)
    if ok:
        up = np.nextafter(np.asarray(x, dtype=np.float64), np.inf)
        v2, g2, h2, _ = (np.asarray(a) for a in both(jnp.asarray(up)))
        ok = not (noisy(v, v2) or noisy(g, g2) or noisy(h, h2))
    if ok:
        ex = exact(e, n, x)
        ok = ex is not None and not (inexact(g, ex[0]) or inexact(h.ravel(), ex[1]))
    return (float(v), g.tolist(), h.ravel().tolist()) if ok else None


def reference_or_none(e, n, x):
    return reference(e, n, x) if x is not None else None


def rust_case(i, e, n, x, v, g, h):
    lst = lambda vs: "[" + ", ".join(common.rust_f64(t) for t in vs) + "]"
    names = ", ".join(f"x{k}" for k in range(n))
    body = [f"fn e{i}<T: Scalar>(x: Tensor<Rank1<{n}>, T>) -> T {{",
            f"    let [{names}] = x.into_array();"]
    if e.uses_const():
        body.append("    let c = T::from_f64;")
    body.append(f"    {e.rust()}")
    body.append("}")
    body.append("")
    body.append(f"fn a{i}(r: &mut Derivatives) -> Option<()> {{")
    body.append(f"    r.check::<{n}, {n * n}>((e{i}, e{i}, e{i}, e{i}), {lst(x)}, {common.rust_f64(v)}, {lst(g)}, {lst(h)});")
    body.append("    Some(())")
    body.append("}")
    return "\n".join(body)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--cases", type=int, default=320)
    ap.add_argument("--frozen", action="store_true", help="mark the file as the committed frozen sample")
    args = ap.parse_args()
    seed = common.seed()
    sw = common.switches(KNOWN_BUGS)
    print(f"AD cases: seed {seed} (replay with {common.SEED_VAR}={seed}); jax {jax.__version__} (x64); "
          f"known-bug switches: {','.join(sorted(sw)) or 'none'}")
    rng = random.Random(seed)
    gen = Gen(rng, sw)
    cases, rejected = [], 0
    jobs = int(os.environ.get("CONSTGRAD_LIVE_JOBS") or min(2, os.cpu_count() or 1))
    # Candidates are drawn here, in order, and JAX evaluates them in worker
    # processes; accepting in candidate order keeps the output a function of
    # the seed alone, whatever the number of workers.
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        while len(cases) < args.cases:
            batch = []
            for _ in range(32):
                n = rng.choice([1, 2, 2, 3, 4])
                e = gen.function(n)
                # numpy screens the candidate points (cheap); JAX gives the reference.
                x = next((x for x in (gen.point(n) for _ in range(8)) if smooth_value(e, x)), None)
                batch.append((e, n, x))
            for (e, n, x), ref in zip(batch, pool.starmap(reference_or_none, batch)):
                if ref and len(cases) < args.cases:
                    cases.append((e, n, x) + ref)
                    if len(cases) % 80 == 0:
                        print(f"  {len(cases)} of {args.cases} cases", flush=True)
                elif len(cases) < args.cases:
                    rejected += 1
    used = {}
    for e, *_ in cases:
        for name in names_of(e):
            used[name] = used.get(name, 0) + 1
    counts = f"{len(cases)} cases, {rejected} expressions rejected (no smooth, well-conditioned point found); uses: " + \
        ", ".join(f"{k} {v}" for k, v in sorted(used.items()))
    text = [common.header("ad.py", seed, f"jax {jax.__version__} (x64)", sw, counts)]
    text.append("const GENERATED: Generated = Generated {")
    text.append(f"    live: {'false' if args.frozen else 'true'},")
    text.append(f"    seed: {seed},")
    text.append(f"    source: \"jax {jax.__version__} (x64)\",")
    text.append(f"    switches: \"{','.join(sorted(sw))}\",")
    text.append("};\n")
    text.append("const CASES: &[Case<Derivatives>] = &[")
    for i, (e, n, x, *_) in enumerate(cases):
        desc = f"a{i}: f({', '.join(f'x{k}' for k in range(n))}) = {e.text()} at {x}"
        text.append(f"    ({json.dumps(desc)}, a{i}),")
    text.append("];\n")
    text.extend(rust_case(i, *c) + "\n" for i, c in enumerate(cases))
    common.write(args.out, "\n".join(text))
    print(f"wrote {counts} to {args.out}")


def names_of(e):
    out = set()
    if e.kind in ("unary", "method2"):
        out.add(e.name)
    elif e.kind in ("powi", "powc", "mul_add", "neg"):
        out.add({"powi": "powi", "powc": "powf", "mul_add": "mul_add", "neg": "neg"}[e.kind])
    elif e.kind == "op":
        out.add(e.name)
    for a in e.args:
        out |= names_of(a)
    return out


if __name__ == "__main__":
    main()
