# Where the ingest writer thread's time goes, from
#   jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample --stack-depth 64 <recording.jfr>
# Each sample of a thread named ioc-ingest-writer* is weighted by its sampling period (-v exec_ms=10 -v native_ms=20
# for JFR's "profile" settings) and filed under the innermost io.iocmonitor frame of its stack (e.g.
# "store.TelemetryStore.write:84", a source line) and what the thread was doing there: "PostgreSQL" = blocked reading
# the database's answer, "idle" = waiting for messages, else "CPU". Prints the split and the 15 biggest pairs.
# JFR takes few native samples per period across all threads, so the shares of the PostgreSQL lines relative to each
# other are meaningful, the PostgreSQL-vs-CPU split less so: run.sh measures the writer's CPU time from /proc instead.
/^jdk\.(ExecutionSample|NativeMethodSample) \{/ { kind = $1; thread = ""; key = ""; top = ""; db = 0; idle = 0; next }
/sampledThread = / { thread = $0; next }
/stackTrace = \[/ { stack = 1; next }
/^[ \t]+\]/ { stack = 0; next }
stack && /\(/ {
  frame = $0; sub(/^[ \t]+/, "", frame)
  if (top == "") top = frame
  if (frame ~ /^org\.postgresql\./) db = 1
  if (frame ~ /BatchWriter\.nextBatch/) idle = 1
  if (key == "" && frame ~ /^io\.iocmonitor\./) {
    key = frame; sub(/\(.*/, "", key); sub(/^io\.iocmonitor\./, "", key)
    if (match(frame, /line: [0-9]+/)) key = key ":" substr(frame, RSTART + 6, RLENGTH - 6)
  }
  next
}
/^}/ {
  if (thread ~ /"ioc-ingest-writer/) {
    w = (kind ~ /Native/) ? native_ms : exec_ms
    what = idle ? "idle" : (db && (top ~ /^sun\.nio|^java\.net|Net\.poll|socketRead/)) ? "PostgreSQL" : "CPU"
    t[what " " (idle ? "BatchWriter.nextBatch" : key)] += w; total += w; by[what] += w
  }
  kind = ""; next
}
END {
  if (total == 0) { print "no samples of the writer thread"; exit }
  printf "writer thread: %.1f s sampled: PostgreSQL %.0f %%, CPU %.0f %%, idle %.0f %%\n", total / 1000,
    100 * by["PostgreSQL"] / total, 100 * by["CPU"] / total, 100 * by["idle"] / total
  # the caller sorts these lines (sort -k1,1nr)
  for (k in t) printf "%5.1f %%  %s\n", 100 * t[k] / total, k | "sort -k1,1nr | head -n 15"
}
