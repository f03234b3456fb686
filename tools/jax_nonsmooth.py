"""Writes tests/data/jax_nonsmooth.json: JAX's value, gradient and Hessian of
each entry of the non-smooth table in constgrad's `dual` module docs.

Run from the repository root with numpy and jax installed:

    python tools/jax_nonsmooth.py > tests/data/jax_nonsmooth.json

Every number is written as a string (Python's shortest round-trip repr, so
`inf`, `-inf` and `nan` survive and `str::parse::<f64>` recovers the bits).
`tests/nonsmooth.rs` evaluates the same functions (same names) and checks
each entry against the table.
"""

import json

import jax

jax.config.update("jax_enable_x64", True)
jax.config.update("jax_platforms", "cpu")

import jax.numpy as jnp  # noqa: E402

# name -> (function of a 1-d array, points)
CASES = {
    "abs": (lambda v: jnp.abs(v[0]), [[0.0], [-0.0], [2.0]]),
    "abs_squared": (lambda v: jnp.abs(v[0]) * jnp.abs(v[0]), [[0.0]]),
    "sqrt": (lambda v: jnp.sqrt(v[0]), [[0.0]]),
    "sqrt_plus_y": (lambda v: jnp.sqrt(v[0]) + v[1], [[0.0, 1.0]]),
    "ln_times_y": (lambda v: jnp.log(v[0]) * v[1], [[0.0, 2.0]]),
    "cbrt": (lambda v: jnp.cbrt(v[0]), [[0.0]]),
    "ln": (lambda v: jnp.log(v[0]), [[0.0]]),
    "ln_1p": (lambda v: jnp.log1p(v[0]), [[-1.0]]),
    "acosh": (lambda v: jnp.arccosh(v[0]), [[1.0]]),
    "asin": (lambda v: jnp.arcsin(v[0]), [[1.0], [-1.0]]),
    "acos": (lambda v: jnp.arccos(v[0]), [[1.0], [-1.0]]),
    "recip": (lambda v: 1.0 / v[0], [[0.0]]),
    "powi_m1": (lambda v: v[0] ** -1, [[0.0]]),
    "powi_m2": (lambda v: v[0] ** -2, [[0.0]]),
    "exp": (lambda v: jnp.exp(v[0]), [[800.0]]),
    "div": (lambda v: v[0] / v[1], [[1.0, 0.0]]),
    "max": (lambda v: jnp.maximum(v[0], v[1]), [[1.0, 1.0], [1.0, jnp.nan], [jnp.nan, 1.0]]),
    "min": (lambda v: jnp.minimum(v[0], v[1]), [[1.0, 1.0], [1.0, jnp.nan], [jnp.nan, 1.0]]),
    "clamp": (
        lambda v: jnp.clip(v[0], v[1], v[2]),
        [[0.0, 0.0, 1.0], [1.0, 0.0, 1.0], [0.5, 0.0, 1.0], [1.0, 1.0, 1.0]],
    ),
    "floor": (lambda v: jnp.floor(v[0]), [[1.0], [0.5]]),
    "ceil": (lambda v: jnp.ceil(v[0]), [[1.0], [0.5]]),
    "round": (lambda v: jnp.round(v[0]), [[0.5], [1.0]]),
    "signum": (lambda v: jnp.sign(v[0]), [[0.0], [1.0]]),
    "hypot": (lambda v: jnp.hypot(v[0], v[1]), [[0.0, 0.0]]),
    "powf": (
        lambda v: v[0] ** v[1],
        [[0.0, 0.5], [2.0, 0.0], [0.0, 0.0], [0.0, 2.0], [-2.0, 2.0], [-2.0, 3.0]],
    ),
    "powf_const": (lambda v: v[0] ** 3.0, [[-2.0], [0.0]]),
    "max_reduce": (
        lambda v: jnp.max(v),
        [[jnp.inf, jnp.inf], [1.0, 1.0, 0.0], [1.0, 1.0, 1.0], [jnp.nan, 1.0], [1.0, jnp.nan]],
    ),
    "min_reduce": (lambda v: jnp.min(v), [[-jnp.inf, -jnp.inf], [0.0, 1.0, 0.0]]),
}


def s(x):
    return repr(float(x))


def main():
    out = {"jax": jax.__version__, "cases": []}
    for name, (f, points) in CASES.items():
        for p in points:
            x = jnp.array(p, dtype=jnp.float64)
            out["cases"].append(
                {
                    "fn": name,
                    "x": [s(a) for a in p],
                    "value": s(f(x)),
                    "grad": [s(a) for a in jax.grad(f)(x)],
                    "hess": [[s(a) for a in row] for row in jax.hessian(f)(x)],
                }
            )
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
