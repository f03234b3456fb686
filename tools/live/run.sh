#!/usr/bin/env bash
# The live differential tests: constgrad against a live numpy (numpy.gradient,
# bit for bit) and a live JAX (gradients and Hessians, 1e-12 relative).
#
# Makes a Python venv in target/live/venv with the versions of the golden
# files, generates seeded random cases (tools/live/gradient.py, ad.py) and
# runs tests/live_gradient.rs and tests/live_ad.rs on them.
#
#   CONSTGRAD_LIVE_SEED=N        replay the run that printed seed N
#   CONSTGRAD_LIVE_KNOWN_BUGS=a,b switch on case families of known bugs
#                                (see KNOWN_BUGS in the generators; `all`)
#   PYTHON=python3.11            the interpreter that makes the venv
#
# When the venv cannot be made (no Python, no network), it says so loudly and
# runs the same tests on the frozen sample in tools/live/frozen/ (numpy and
# JAX outputs at the golden files' versions) and the golden-file tests.
set -euo pipefail
cd "$(dirname "$0")/../.."

NUMPY=2.4.6
JAX=0.10.2
MPMATH=1.3.0
venv=target/live/venv
py="$venv/bin/python"
now() { date +%s; }
loud() {
  printf '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' >&2
  printf '!!! %s\n' "$@" >&2
  printf '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' >&2
}

have_refs() {
  "$py" -c "import numpy, jax, mpmath, sys; sys.exit(not (numpy.__version__ == '$NUMPY' and jax.__version__ == '$JAX' and mpmath.__version__ == '$MPMATH'))" 2>/dev/null
}

t0=$(now)
if ! have_refs; then
  rm -rf "$venv"
  mkdir -p target/live
  if ! { "${PYTHON:-python3}" -m venv "$venv" &&
         "$venv/bin/pip" install --quiet --disable-pip-version-check \
           "numpy==$NUMPY" "jax==$JAX" "jaxlib==$JAX" "mpmath==$MPMATH"; } ||
     ! have_refs; then
    loud "WARNING: could not install numpy $NUMPY and jax $JAX into $venv." \
         "The live differential tests did NOT run against a live numpy/JAX." \
         "Falling back to the frozen sample (tools/live/frozen/) and the golden files."
    cargo test --all-features --test live_gradient --test live_ad \
      --test stencil_golden --test ad_golden -- --nocapture
    loud "REMINDER: no live numpy/JAX in this run (frozen sample and golden files only)."
    exit 0
  fi
fi
t1=$(now)
echo "venv: numpy $NUMPY, jax $JAX, mpmath $MPMATH in $venv ($((t1 - t0)) s)"

export CONSTGRAD_LIVE_SEED="${CONSTGRAD_LIVE_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}"
echo "seed $CONSTGRAD_LIVE_SEED (replay: CONSTGRAD_LIVE_SEED=$CONSTGRAD_LIVE_SEED bash tools/live/run.sh)"
out="$PWD/target/live"
"$py" tools/live/gradient.py "$out/gradient_cases.rs"
"$py" tools/live/ad.py "$out/ad_cases.rs"
t2=$(now)
echo "generated in $((t2 - t1)) s"

CONSTGRAD_LIVE_GRADIENT="$out/gradient_cases.rs" CONSTGRAD_LIVE_AD="$out/ad_cases.rs" \
  cargo test --all-features --test live_gradient --test live_ad -- --nocapture
t3=$(now)
echo "live tests built and run in $((t3 - t2)) s (venv $((t1 - t0)) s, generators $((t2 - t1)) s)"
