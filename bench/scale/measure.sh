# Sourced by run.sh and run-large.sh (needs $work, the scratch directory).
#
# measure NAME COMMAND...: runs COMMAND under /usr/bin/time -v, keeps its
# stdout and stderr (the --stage-times lines) in $work/NAME.out and .err,
# and sets WALL (s) and RSS (peak, MiB); on failure prints the end of its
# stderr and exits.
measure() {
  local name=$1
  shift
  if ! /usr/bin/time -v -o "$work/$name.time" "$@" \
    >"$work/$name.out" 2>"$work/$name.err"; then
    echo "$name failed:" >&2
    tail -n 20 "$work/$name.err" >&2
    exit 1
  fi
  WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {
    n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i];
    printf "%.2f", s }' "$work/$name.time")
  RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' \
    "$work/$name.time")
}
