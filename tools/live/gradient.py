"""Random `numpy.gradient` cases against a live numpy, written as Rust.

Shapes are types in constgrad, so every case becomes a small Rust function
with its static shape, element type, axis selection and spacing types, and
numpy's output as exact bits. `tests/live_gradient.rs` includes the file
named by `CONSTGRAD_LIVE_GRADIENT` and compares bit for bit.

    python tools/live/gradient.py OUT.rs [--cases N]

The seed comes from `CONSTGRAD_LIVE_SEED` (printed either way); known-bug
case families from `CONSTGRAD_LIVE_KNOWN_BUGS` (see `KNOWN_BUGS`).
"""

import argparse
import json
import random

import numpy as np

import common

# Case families that fail until the matching fix of issue 11 lands; off by
# default so CI stays green, switched on with CONSTGRAD_LIVE_KNOWN_BUGS.
KNOWN_BUGS = {
    # item 1: a zero-length axis that is not differentiated.
    "zero-len": "a non-differentiated axis of length 0",
    # item 7: an f32 step that is a subnormal power of two.
    "f32-subnormal-step": "f32 steps that are subnormal powers of two",
}

INTS = {
    "i8": np.int8, "i16": np.int16, "i32": np.int32, "i64": np.int64,
    "u8": np.uint8, "u16": np.uint16, "u32": np.uint32, "u64": np.uint64,
}
# Dimensions drawn from a small set per rank, so shapes repeat and the number
# of monomorphized shapes stays small.
DIMS = {1: [2, 3, 4, 5, 6, 8], 2: [2, 3, 4, 5], 3: [2, 3, 4], 4: [2, 3]}


def real_of(dtype):
    return np.float32 if dtype == "f32" else np.float64


class Gen:
    def __init__(self, rng, switched):
        self.rng = rng
        self.sw = switched

    # ---- samples -------------------------------------------------------
    def floats(self, real, n):
        r = self.rng
        fi = np.finfo(real)
        regime = r.choice(["normal", "normal", "smooth", "large", "subnormal", "mixed"])
        if regime == "smooth":
            a, b, c = (r.uniform(-3, 3) for _ in range(3))
            v = [a * k * k + b * k + c + r.uniform(-1, 1) * 1e-3 for k in range(n)]
        elif regime == "large":
            v = [r.choice([-1, 1]) * float(fi.max) * r.uniform(0.3, 1.0) for _ in range(n)]
        elif regime == "subnormal":
            tiny = float(fi.smallest_subnormal)
            v = [r.choice([-1, 1]) * tiny * r.randint(0, 2000) for _ in range(n)]
        elif regime == "mixed":
            pools = [lambda: r.uniform(-1, 1) * 10 ** r.uniform(-30, 30),
                     lambda: float(fi.max) * r.uniform(-1, 1),
                     lambda: float(fi.smallest_subnormal) * r.randint(-50, 50),
                     lambda: 0.0]
            v = [r.choice(pools)() for _ in range(n)]
        else:
            s = 10 ** r.uniform(-3, 3)
            v = [r.uniform(-1, 1) * s for _ in range(n)]
        a = np.array(v, dtype=np.float64).astype(real)
        if n and r.random() < 0.3:
            for _ in range(r.randint(1, 2)):
                a[r.randrange(n)] = r.choice([np.nan, np.inf, -np.inf, -0.0])
        return a

    def ints(self, t, n):
        r = self.rng
        ii = np.iinfo(t)
        if r.random() < 0.5:
            lo, hi = max(int(ii.min), -100), min(int(ii.max), 100)
        else:
            lo, hi = int(ii.min), int(ii.max)
        v = [r.randint(lo, hi) for _ in range(n)]
        if n and r.random() < 0.2:
            v[r.randrange(n)] = r.choice([int(ii.min), int(ii.max)])
        return np.array(v, dtype=t)

    # ---- spacings ------------------------------------------------------
    def step(self, real):
        r = self.rng
        f32 = real is np.float32
        kinds = ["pow2"] * 3 + ["random"] * 3 + ["huge", "tiny"]
        if not f32:
            kinds.append("subnormal")
        if f32 and "f32-subnormal-step" in self.sw:
            kinds.append("subnormal-pow2")
        k = r.choice(kinds)
        sign = r.choice([1, 1, 1, -1])
        if k == "pow2":
            h = 2.0 ** r.randint(-8, 8)
        elif k == "random":
            h = r.uniform(0.01, 10)
        elif k == "huge":
            h = float(np.finfo(real).max) * r.uniform(0.01, 1.0)
        elif k == "tiny":
            h = float(np.finfo(real).tiny) * r.uniform(1, 100)
        elif k == "subnormal":
            h = float(np.finfo(real).smallest_subnormal) * r.choice([1, 2, 3, 1024])
        else:
            h = float(np.finfo(real).smallest_subnormal) * 2 ** r.randint(0, 20)
        return real(sign * h)

    def coords(self, real, n):
        r = self.rng
        while True:
            k = r.choice(["random"] * 4 + ["uniform"] * 2 + ["wide", "tiny", "offset"])
            if k == "uniform":
                h = 2.0 ** r.randint(-4, 4)
                x0 = float(r.randint(-20, 20))
                x = [x0 + i * h for i in range(n)]
            elif k == "wide":
                top = float(np.finfo(real).max)
                lo, hi = -top * r.uniform(0.5, 1), top * r.uniform(0.5, 1)
                x = [lo + (hi / (n - 1) - lo / (n - 1)) * i for i in range(n - 1)] + [hi]
            elif k == "tiny":
                s = float(np.finfo(real).smallest_subnormal)
                x = [0.0]
                for _ in range(n - 1):
                    x.append(x[-1] + s * r.randint(1, 4))
            else:
                x0 = r.uniform(-10, 10) + (1e12 if k == "offset" else 0.0)
                scale = 10 ** r.uniform(-2, 2)
                x = [x0]
                for _ in range(n - 1):
                    x.append(x[-1] + scale * r.uniform(0.05, 2.0))
            if r.random() < 0.3:
                x = x[::-1]
            with np.errstate(all="ignore"):
                a = np.array(x, dtype=np.float64).astype(real)
                d = np.diff(a)
            if not (np.all(np.isfinite(a)) and (np.all(d > 0) or np.all(d < 0))):
                continue
            if real is np.float32 and "f32-subnormal-step" not in self.sw and subnormal_pow2(d):
                # Coordinate differences are divisors too (and equal ones
                # collapse to a uniform step): the same bug as such a step.
                continue
            return a

    # ---- one case ------------------------------------------------------
    def case(self, idx):
        r = self.rng
        rank = r.choice([1, 1, 2, 2, 2, 3, 3, 4])
        while True:
            dims = [r.choice(DIMS[rank]) for _ in range(rank)]
            edge = r.choice([1, 2])
            ok = [a for a in range(rank) if dims[a] >= edge + 1]
            if ok:
                break
        calls = ["along", "axes"] + (["all", "all"] if len(ok) == rank else [])
        call = r.choice(calls)
        if call == "all":
            axes = list(range(rank))
        elif call == "along":
            axes = [r.choice(ok)]
        else:
            axes = r.sample(ok, r.randint(1, len(ok)))
        for a in range(rank):
            if a not in axes and r.random() < 0.2:
                dims[a] = 0 if ("zero-len" in self.sw and r.random() < 0.5) else 1
        dtype = r.choice(["f64"] * 6 + ["f32"] * 5 + list(INTS))
        real = real_of(dtype)
        n = int(np.prod(dims))
        if dtype in INTS:
            f = self.ints(INTS[dtype], n).reshape(dims)
        else:
            f = self.floats(real, n).reshape(dims)
        mode = r.choice(["unit", "scalar", "per_axis_scalar", "coords", "mixed", "mixed"])
        if mode == "unit":
            sps = [("unit",)] * len(axes)
        elif mode == "scalar":
            sps = [("step", self.step(real), r.random() < 0.5)] * len(axes)
        else:
            sps = []
            for a in axes:
                k = {"per_axis_scalar": r.choice(["step", "step", "unit"]),
                     "coords": "coords"}.get(mode) or r.choice(["unit", "step", "coords", "coords"])
                if k == "unit":
                    sps.append(("unit",))
                elif k == "step":
                    sps.append(("step", self.step(real), r.random() < 0.5))
                else:
                    # Borrowed coordinates (`CoordsRef`) a quarter of the time.
                    sps.append(("coords", self.coords(real, dims[a]), r.random() < 0.25))
        storage = r.choice(["inline", "heap"])
        into = call == "along" and dtype in ("f32", "f64") and r.random() < 0.3
        if call == "all":
            axis_arg = None
        elif call == "along":
            axis_arg = axes[0] - (rank if r.random() < 0.3 else 0)
        else:
            axis_arg = tuple(a - (rank if r.random() < 0.3 else 0) for a in axes)
        if mode == "unit":
            varargs = []
        elif mode == "scalar":
            varargs = [self.np_spacing(sps[0], real)]
        else:
            varargs = [self.np_spacing(s, real) for s in sps]
        with np.errstate(all="ignore"):
            out = np.gradient(f, *varargs, axis=axis_arg, edge_order=edge)
        outs = [out] if len(axes) == 1 else list(out)
        want = np.float32 if dtype == "f32" else np.float64
        for o in outs:
            assert o.dtype == want, (o.dtype, dtype)
        return dict(idx=idx, dims=dims, dtype=dtype, f=f, call=call, axes=axes,
                    axis_arg=axis_arg, edge=edge, mode=mode, sps=sps,
                    storage=storage, into=into, outs=outs, real=real)

    @staticmethod
    def np_spacing(sp, real):
        if sp[0] == "unit":
            return 1.0
        if sp[0] == "step":
            # numpy 2 keeps a Python float "weak": float32 samples stay float32.
            return sp[1] if real is np.float32 else float(sp[1])
        return sp[1]


def subnormal_pow2(d):
    """Whether some f32 coordinate difference in `d` is a subnormal power of
    two (issue 11, item 7: the exact-reciprocal test reads the f64 bits)."""
    tiny = float(np.finfo(np.float32).tiny)
    return any(abs(h) < tiny and np.frexp(abs(h))[0] == 0.5 for h in map(float, d))


def nonfinite_coefficients(sp, real, edge):
    """Whether some stencil coefficient of this spacing is not finite (or a
    difference is subnormal): the spacings the checked constructors of issue
    11 will reject. Such cases run when the constructor accepts them and are
    counted as rejected otherwise."""
    with np.errstate(all="ignore"):
        if sp[0] == "unit":
            return False
        if sp[0] == "step":
            h = real(sp[1])
            c = [real(2) * h] + [real(k) / h for k in (1, 0.5, 1.5, 2)]
            return not all(np.isfinite(c)) or abs(h) < np.finfo(real).tiny
        x = sp[1].astype(real)
        d = np.diff(x)
        if np.any(np.abs(d) < np.finfo(real).tiny):
            return True
        d1, d2 = d[:-1], d[1:]
        # The differences and the products and sums numpy divides by: when
        # they overflow the coefficients come out 0 or NaN, not the stencil's.
        c = [d, real(1) / d, d1 + d2, d1 * d2, d1 * (d1 + d2), d2 * (d1 + d2), real(2) * d]
        if len(d) >= 2:
            c += [-d2 / (d1 * (d1 + d2)), (d2 - d1) / (d1 * d2), d1 / (d2 * (d1 + d2)),
                  -(real(2) * d1 + d2) / (d1 * (d1 + d2)), (d1 + d2) / (d1 * d2),
                  (real(2) * d2 + d1) / (d2 * (d1 + d2))]
        return not all(np.all(np.isfinite(a)) for a in c)


# ---- Rust ---------------------------------------------------------------

def bits_of(a, real):
    if real is np.float32:
        return common.hex_list(np.asarray(a, np.float32).ravel().view(np.uint32).tolist(), 32)
    return common.hex_list(np.asarray(a, np.float64).ravel().view(np.uint64).tolist(), 64)


def rust_shape(dims):
    return f"Rank{len(dims)}<{', '.join(map(str, dims))}>"


def rust_samples(c):
    f = c["f"].ravel()
    if c["dtype"] in INTS:
        t = c["dtype"]
        vals = []
        for v in f.tolist():
            vals.append("i64::MIN" if (t == "i64" and v == -2**63) else str(v))
        return f"&[{', '.join(vals)}]"
    rt = "f32" if c["dtype"] == "f32" else "f64"
    return f"&{rt}s(&{bits_of(f, c['real'])})"


def rust_spacing(sp, c, edge, dim, name):
    """The Rust expression of one axis's spacing, or the expression and the
    line that binds the coordinates it borrows."""
    rt = "f32" if c["real"] is np.float32 else "f64"
    if sp[0] == "unit":
        return "Unit"
    flagged = "true" if nonfinite_coefficients(sp, c["real"], edge) else "false"
    if sp[0] == "step":
        (b,) = np.array([sp[1]], c["real"]).view(np.uint32 if rt == "f32" else np.uint64).tolist()
        lit = f"{rt}::from_bits(0x{b:x})"
        if sp[2] and flagged == "false":
            return f"r.step({lit})?"
        # Unchecked: numpy's behaviour exactly (and the only form for the
        # spacings the checked constructor may reject).
        return lit
    if sp[2]:
        return f"r.coords_ref(&{name}, {flagged})?", f"    let {name}: [{rt}; {dim}] = r.array(&{bits_of(sp[1], c['real'])});"
    return f"r.coords::<{rt}, {dim}>(&{bits_of(sp[1], c['real'])}, {flagged})?"


def describe(c):
    sps = []
    for s in c["sps"]:
        if s[0] == "unit":
            sps.append("1.0")
        elif s[0] == "step":
            sps.append(repr(float(s[1])) + ("" if s[2] else " (plain)"))
        else:
            sps.append("[" + ", ".join(repr(float(v)) for v in s[1]) + "]" + (" (borrowed)" if s[2] else ""))
    sp = {"unit": "", "scalar": sps[0] if sps else ""}.get(c["mode"], ", ".join(sps))
    return (f"g{c['idx']}: {c['dtype']} {tuple(c['dims'])} {c['storage']} {c['call']}"
            f"{' into' if c['into'] else ''}; numpy.gradient(f{', ' + sp if sp else ''}, "
            f"axis={c['axis_arg']}, edge_order={c['edge']}) [{c['mode']}]")


def rust_case(c):
    rt = "f32" if c["dtype"] == "f32" else "f64"
    elem = c["dtype"]
    tensor = "HeapTensor" if c["storage"] == "heap" else "Tensor"
    edge = f"EDGE{c['edge']}"
    lines = [f"fn g{c['idx']}(r: &mut Gradients) -> Option<()> {{",
             f"    let f = {tensor}::<{rust_shape(c['dims'])}, {elem}>::try_from_slice({rust_samples(c)}).unwrap();"]
    sps = []
    for k, (s, a) in enumerate(zip(c["sps"], c["axes"])):
        sp = rust_spacing(s, c, c["edge"], c["dims"][a], f"x{k}")
        if isinstance(sp, tuple):
            sp, line = sp
            lines.append(line)
        sps.append(sp)
    if c["mode"] == "unit":
        spacing = "Unit"
    elif c["mode"] == "scalar":
        spacing = sps[0]
    elif c["call"] == "along":
        spacing = sps[0]
    else:
        spacing = "(" + "".join(s + ", " for s in sps) + ")"
    wants = ", ".join(f"&{bits_of(o, np.float32 if rt == 'f32' else np.float64)}" for o in c["outs"])
    if c["call"] == "along":
        ax = c["axes"][0]
        if c["into"]:
            lines.append(f"    let mut g = {tensor}::zeros();")
            lines.append(f"    f.gradient_along_into::<{ax}>(&mut g, {spacing}, {edge});")
        else:
            lines.append(f"    let g = f.gradient_along::<{ax}>({spacing}, {edge});")
        lines.append(f"    r.check(&[g.as_slice()], &[{wants}]);")
    else:
        if c["call"] == "all":
            lines.append(f"    let gs = f.gradient({spacing}, {edge});")
        else:
            sel = "(" + "".join(f"Axis::<{a}>, " for a in c["axes"]) + ")"
            lines.append(f"    let gs = f.gradient_axes({sel}, {spacing}, {edge});")
        lines.append(f"    r.check(&gs.each_ref().map(|g| g.as_slice()), &[{wants}]);")
    lines.append("    Some(())")
    lines.append("}")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--cases", type=int, default=600)
    ap.add_argument("--frozen", action="store_true", help="mark the file as the committed frozen sample")
    args = ap.parse_args()
    seed = common.seed()
    sw = common.switches(KNOWN_BUGS)
    print(f"gradient cases: seed {seed} (replay with {common.SEED_VAR}={seed}); "
          f"numpy {np.__version__}; known-bug switches: {','.join(sorted(sw)) or 'none'}")
    rng = random.Random(seed)
    g = Gen(rng, sw)
    cases = [g.case(i) for i in range(args.cases)]
    kinds = {}
    for c in cases:
        for k in (c["dtype"], f"rank{len(c['dims'])}", c["mode"], c["call"], c["storage"], f"edge{c['edge']}"):
            kinds[k] = kinds.get(k, 0) + 1
    counts = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
    text = [common.header("gradient.py", seed, f"numpy {np.__version__}", sw, counts)]
    text.append("const GENERATED: Generated = Generated {")
    text.append(f"    live: {'false' if args.frozen else 'true'},")
    text.append(f"    seed: {seed},")
    text.append(f"    source: \"numpy {np.__version__}\",")
    text.append(f"    switches: \"{','.join(sorted(sw))}\",")
    text.append("};\n")
    text.append("const CASES: &[Case<Gradients>] = &[")
    for c in cases:
        text.append(f"    ({json.dumps(describe(c))}, g{c['idx']}),")
    text.append("];\n")
    text.extend(rust_case(c) + "\n" for c in cases)
    common.write(args.out, "\n".join(text))
    print(f"wrote {len(cases)} cases to {args.out} ({counts})")


if __name__ == "__main__":
    main()
