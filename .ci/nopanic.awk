# The no-panic check of the firmware image. Reads `llvm-objdump -d -C`,
# follows direct calls and branches from every function whose name matches
# `roots`, and fails on any call into a function matching `panics`, unless
# the caller matches `known` (a panic path already reported and tracked).
# Indirect calls cannot be followed; the reachable ones are listed.
/^[0-9a-f]+ <.*>:$/ {
  fn = substr($0, index($0, "<") + 1); sub(/>:$/, "", fn); names[fn] = 1; next
}
/\tblx?\tr[0-9]/ { indirect[fn] = 1; next }
/\t(bl|b|b\.w|b[a-z][a-z]|b[a-z][a-z]\.w|cbn?z)\t/ && /</ {
  t = $0; sub(/^[^<]*</, "", t); sub(/>[^>]*$/, "", t); sub(/\+0x[0-9a-f]+$/, "", t)
  if (t != fn) edges[fn] = edges[fn] SUBSEP t
}
END {
  n = 0
  for (f in names) if (f ~ roots) { queue[n++] = f; seen[f] = 1 }
  roots_found = n; failed = 0; known_hits = 0
  for (i = 0; i < n; i++) {
    f = queue[i]
    if (indirect[f]) print "indirect call (not followed) in " f
    k = split(edges[f], ts, SUBSEP)
    for (j = 1; j <= k; j++) {
      t = ts[j]
      if (t == "") continue
      if (t ~ panics) {
        if ((f SUBSEP t) in reported) continue
        reported[f SUBSEP t] = 1
        if (known != "" && f ~ known) { known_hits++; print "known panic path: " f " -> " t; continue }
        failed = 1; path = f
        for (p = from[f]; p != ""; p = from[p]) path = p "\n    -> " path
        print "panic path:\n    " path "\n    -> " t
      } else if (!(t in seen)) {
        seen[t] = 1; from[t] = f; queue[n++] = t
      }
    }
  }
  if (roots_found == 0) { print "no function matches the roots: nothing was checked"; exit 1 }
  printf "%d roots, %d functions reachable from them checked\n", roots_found, n
  if (known != "" && known_hits == 0) print "the known panic path is gone: remove it from the check"
  exit failed
}
