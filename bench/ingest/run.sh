#!/usr/bin/env bash
# Ingest benchmark of IOC Monitor: the packaged server against a Mosquitto of its own and a fresh database on the
# machine's PostgreSQL; a separate publisher process at full speed. See bench/ingest/README.md.
#
#   bench/ingest/run.sh                      # defaults below
#   SINGLE_EVENTS=50000 BATCH_EVENTS=200000 PROFILE=1 bench/ingest/run.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

WARMUP_EVENTS=${WARMUP_EVENTS:-50000}     # phases "warmupsingle" and "warmupbatch" first, so that the JIT compiler
                                          # has done most of its work before the measured phases (0: none)
SINGLE_EVENTS=${SINGLE_EVENTS:-200000}    # phase "single": one event per message, full speed
BATCH_EVENTS=${BATCH_EVENTS:-1000000}     # phase "batch": BATCH_SIZE events per message, full speed
BATCH_SIZE=${BATCH_SIZE:-100}
PACED_EVENTS=${PACED_EVENTS:-30000}       # phase "paced": one event per message at PACED_RATE events/s (latency
PACED_RATE=${PACED_RATE:-1000}            # without a backlog); PACED_EVENTS=0 skips it
WINDOW=${WINDOW:-1000}                    # publishes awaiting the broker's PUBACK at most
RECEIVE_MAXIMUM=${RECEIVE_MAXIMUM:-5000}  # ioc.mqtt.receive-maximum of the server
SERVER_ARGS=${SERVER_ARGS:-}              # more server arguments, e.g. --ioc.mqtt.max-batch-messages=1000
JVM_OPTS=${JVM_OPTS:-}                    # JVM options of the server
PHASE_TIMEOUT=${PHASE_TIMEOUT:-900}       # seconds a phase may take until every event is committed
PROFILE=${PROFILE:-0}                     # 1: record a JFR profile of the server per phase, print its hot methods
KEEP_DB=${KEEP_DB:-0}                     # 1: keep the database afterwards
RAW=${RAW:-0}                             # 1: the raw reference pipeline (RawPipeline.java) instead of the server
JAR=${JAR:-$ROOT/frontend/target/ioc-monitor.jar}
WORK=${WORK:-$(mktemp -d /tmp/ioc-bench.XXXXXX)}
PG=(psql -h 127.0.0.1 -p 5432 -U postgres -X -q -v ON_ERROR_STOP=1)

# shellcheck source=../lib.sh
. "$HERE/../lib.sh"

# --- prerequisites ----------------------------------------------------------------------------------------------
setup_java
[[ "$RAW" == 1 || -f "$JAR" ]] || die "$JAR does not exist: build it first (./ioc build)"
MOSQUITTO=${MOSQUITTO:-$(command -v mosquitto || echo /usr/sbin/mosquitto)}
[[ -x "$MOSQUITTO" ]] || die "no mosquitto binary (apt-get install mosquitto)"
command -v psql >/dev/null || die "no psql (apt-get install postgresql-client)"
"${PG[@]}" -d postgres -c 'SELECT 1' >/dev/null 2>&1 || die "PostgreSQL on 127.0.0.1:5432 (user postgres) does not answer"
command -v curl >/dev/null || die "no curl"
CLK_TCK=$(getconf CLK_TCK)
LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p "$WORK"
log "work folder $WORK"

# --- clean-up: only what this script started ---------------------------------------------------------------------
SERVER_PID="" MOSQ_PID="" PUB_PID="" DB=""
cleanup() {
  set +e
  [[ -n "$PUB_PID" ]] && kill "$PUB_PID" 2>/dev/null
  stop_server "$SERVER_PID"
  [[ -n "$MOSQ_PID" ]] && kill "$MOSQ_PID" 2>/dev/null
  if [[ -n "$DB" && "$KEEP_DB" != 1 ]]; then
    "${PG[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
  fi
}
trap cleanup EXIT

# --- publisher: compiled once, so that javac's CPU is not counted ---------------------------------------------
log "resolving the publisher's classpath (collectors module: Paho MQTT v5)"
compile_with_paho "$ROOT" "$WORK" "$HERE/Publisher.java" "$HERE/RawPipeline.java"

# --- broker: queues without limit, so that nothing is dropped while the server lags ----------------------------
MQTT_PORT=$(free_port)
cat > "$WORK/mosquitto.conf" <<EOF
listener $MQTT_PORT 127.0.0.1
allow_anonymous true
persistence false
max_queued_messages 0
max_queued_bytes 0
max_inflight_messages 0
set_tcp_nodelay true
log_dest stderr
log_type error
log_type warning
log_type notice
EOF
"$MOSQUITTO" -c "$WORK/mosquitto.conf" > "$WORK/mosquitto.log" 2>&1 &
MOSQ_PID=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$MQTT_PORT") 2>/dev/null && break; sleep 0.1; done
(exec 3<>"/dev/tcp/127.0.0.1/$MQTT_PORT") 2>/dev/null || die "mosquitto did not start: $(cat "$WORK/mosquitto.log")"

# --- database and server --------------------------------------------------------------------------------------
DB=ioc_bench_$(date +%Y%m%d%H%M%S)_$$
"${PG[@]}" -d postgres -c "CREATE DATABASE $DB" >/dev/null
HTTP_PORT=$(free_port)
BASE=http://127.0.0.1:$HTTP_PORT
if [[ "$RAW" == 1 ]]; then
  # shellcheck disable=SC2086
  "$JAVA" "${JVM_FLAGS[@]}" -cp "$WORK/classes:$CP" RawPipeline port="$HTTP_PORT" broker="tcp://127.0.0.1:$MQTT_PORT" \
    db="jdbc:postgresql://127.0.0.1:5432/$DB" user=postgres receive="$RECEIVE_MAXIMUM" > "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  log "starting the raw reference pipeline (pid $SERVER_PID, $BASE, broker port $MQTT_PORT, database $DB)"
  wait_for_server "$SERVER_PID" "$BASE" "$WORK/server.log" "Subscribed to"
  # it validates nothing: as many topics as the registry has communes, spread over the 34 provinces
  for i in $(seq 3321); do printf 'ioc/v1/%02d/%05d/dossier\n' $(( i % 34 + 1 )) "$i"; done > "$WORK/topics.txt"
else
  # shellcheck disable=SC2086
  "$JAVA" "${JVM_FLAGS[@]}" -jar "$JAR" --server.port="$HTTP_PORT" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=postgres \
    --ioc.mqtt.url="tcp://127.0.0.1:$MQTT_PORT" --ioc.mqtt.client-id="ioc-bench-$$" \
    --ioc.mqtt.receive-maximum="$RECEIVE_MAXIMUM" --ioc.simulator.enabled=false --ioc.demo.users=true \
    $SERVER_ARGS > "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  log "starting the server (pid $SERVER_PID, $BASE, broker port $MQTT_PORT, database $DB)"
  wait_for_server "$SERVER_PID" "$BASE" "$WORK/server.log" "Subscribed to"
  "${PG[@]}" -d "$DB" -Atc "SELECT 'ioc/v1/' || province_code || '/' || code || '/dossier' FROM commune ORDER BY code" \
    > "$WORK/topics.txt"
fi
log "server up; $(wc -l < "$WORK/topics.txt") commune topics"

# --- measuring ----------------------------------------------------------------------------------------------------
# Sum of the samples of a Prometheus metric whose labels contain $2 (if given).
prom() {
  curl -fs "$BASE/actuator/prometheus" | awk -v m="$1" -v f="${2:-}" '
    index($1, m "{") == 1 || $1 == m { if (f == "" || index($1, f)) s += $NF }
    END { printf "%.6f\n", s + 0 }'
}
# utime+stime of a process, in clock ticks (0 if it is gone)
ticks() {
  local line rest
  line=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
  rest=${line##*) }
  # shellcheck disable=SC2086
  set -- $rest
  echo $(( ${12} + ${13} ))
}
# the same plus the ticks of its children that have exited and been reaped
ticks_children() {
  local line rest
  line=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
  rest=${line##*) }
  # shellcheck disable=SC2086
  set -- $rest
  echo $(( ${12} + ${13} + ${14} + ${15} ))
}
BENCH_BACKENDS=$("${PG[@]}" -d "$DB" -Atc "SELECT pid FROM pg_stat_activity WHERE datname = '$DB' AND pid <> pg_backend_pid()" | tr '\n' ' ')
POSTMASTER=$(awk '{print $4}' "/proc/${BENCH_BACKENDS%% *}/stat")
# utime+stime of the server's ingest writer thread(s) (Linux names a thread by its first 15 characters)
writer_ticks() {
  local f line rest sum=0
  for f in /proc/"$SERVER_PID"/task/*/stat; do
    line=$(cat "$f" 2>/dev/null) || continue
    [[ "$line" == *"(ioc-ingest-writ"* ]] || continue
    rest=${line##*) }
    # shellcheck disable=SC2086
    set -- $rest
    sum=$(( sum + ${12} + ${13} ))
  done
  echo "$sum"
}
# "ticks name" of each server thread, to break the server's CPU down by thread afterwards
thread_ticks() {
  local f line rest name
  for f in /proc/"$SERVER_PID"/task/*/stat; do
    line=$(cat "$f" 2>/dev/null) || continue
    name=${line#*(}; name=${name%)*}
    rest=${line##*) }
    # shellcheck disable=SC2086
    set -- $rest
    echo "${f//[^0-9]/_} $(( ${12} + ${13} )) $name"
  done
}
# One line: server mosquitto postgres(all: postmaster, its children, reaped children) postgres(bench backends)
# machine-busy machine-total writer-thread (ticks)
sample() {
  local pg_all pg_bench=0 p
  pg_all=$(ticks_children "$POSTMASTER")
  for p in $(ps -o pid= --ppid "$POSTMASTER"); do pg_all=$(( pg_all + $(ticks "$p") )); done
  for p in $BENCH_BACKENDS; do pg_bench=$(( pg_bench + $(ticks "$p") )); done
  read -r _ user nice system idle iowait irq softirq steal _ < /proc/stat
  echo "$(ticks "$SERVER_PID") $(ticks "$MOSQ_PID") $pg_all $pg_bench \
$(( user + nice + system + irq + softirq + steal )) $(( user + nice + system + idle + iowait + irq + softirq + steal )) \
$(writer_ticks)"
}

RESULTS=$WORK/results.tsv
: > "$RESULTS"
run_phase() { # name events batch rate
  local name=$1 events=$2 batch=$3 rate=$4
  local stored0 target now before after t0 t1 deadline commits0 commitsum0 msgs0 rejected0 dups0
  stored0=$(prom ioc_ingest_events_total 'result="stored"')
  dups0=$(prom ioc_ingest_events_total 'result="duplicate"')
  rejected0=$(prom ioc_ingest_rejected_total)
  commits0=$(prom ioc_ingest_batch_commit_seconds_count)
  commitsum0=$(prom ioc_ingest_batch_commit_seconds_sum)
  msgs0=$(prom ioc_ingest_batch_messages_sum)
  target=$(awk -v a="$stored0" -v b="$events" 'BEGIN { printf "%d", a + b }')
  if [[ "$PROFILE" == 1 ]]; then
    "$JAVA_HOME/bin/jcmd" "$SERVER_PID" JFR.start name="$name" settings=profile filename="$WORK/$name.jfr" >/dev/null
  fi
  log "phase $name: $events events, $batch per message, rate ${rate:-0} (0 = full speed)"
  thread_ticks > "$WORK/$name.threads.before"
  before=$(sample)
  t0=$(date +%s.%N)
  "$JAVA" -cp "$CP:$WORK/classes" Publisher url="tcp://127.0.0.1:$MQTT_PORT" phase="$name" events="$events" \
    batch="$batch" rate="$rate" window="$WINDOW" topics="$WORK/topics.txt" > "$WORK/$name.publisher.txt" &
  PUB_PID=$!
  deadline=$(( $(date +%s) + PHASE_TIMEOUT ))
  : > "$WORK/$name.series"
  while :; do
    now=$(prom ioc_ingest_events_total 'result="stored"')
    echo "$(date +%s.%N) $now" >> "$WORK/$name.series"
    awk -v n="$now" -v t="$target" 'BEGIN { exit !(n >= t) }' && break
    (( $(date +%s) < deadline )) || { log "phase $name: timed out with $now of $target stored"; break; }
    sleep 1
  done
  t1=$(date +%s.%N)
  after=$(sample)
  thread_ticks > "$WORK/$name.threads.after"
  # CPU seconds per server thread name (numbers dropped, so that GC Thread#0 and #1 add up), biggest first
  awk -v hz="$CLK_TCK" 'NR == FNR { b[$1] = $2; next }
    { n = $0; sub(/^[^ ]+ [^ ]+ /, "", n); gsub(/[0-9]+$/, "", n); t[n] += ($2 - b[$1]) / hz }
    END { for (n in t) if (t[n] >= 0.05) printf "%.1f\t%s\n", t[n], n }' \
    "$WORK/$name.threads.before" "$WORK/$name.threads.after" | sort -k1,1nr > "$WORK/$name.threads.txt"
  wait "$PUB_PID" || die "the publisher failed: $(cat "$WORK/$name.publisher.txt")"
  PUB_PID=""
  if [[ "$PROFILE" == 1 ]]; then
    "$JAVA_HOME/bin/jcmd" "$SERVER_PID" JFR.stop name="$name" >/dev/null
  fi
  local pub db
  pub=$(grep '^publisher ' "$WORK/$name.publisher.txt")
  # committed count, first/last ingested_at, sustained rate, latency percentiles (ms). ingested_at is now(), the
  # start of the storing transaction, so each transaction's events share one value; the sustained rate counts the
  # events of the transactions that started between the one reaching 10 % of the phase and the one reaching 90 %.
  db=$("${PG[@]}" -d "$DB" -F ' ' -Atc "
    WITH e AS (
      SELECT ingested_at,
             extract(epoch FROM ingested_at) * 1000 - split_part(event_id, '-', 3)::bigint / 1000.0 AS ms
      FROM ingested_event WHERE event_id LIKE '$name-%'),
    tx AS (SELECT ingested_at AS s, count(*) AS n FROM e GROUP BY 1),
    cum AS (SELECT s, sum(n) OVER (ORDER BY s) - n AS before, sum(n) OVER () AS total FROM tx),
    w AS (SELECT (SELECT min(s) FROM cum WHERE before >= 0.1 * total) AS a,
                 (SELECT min(s) FROM cum WHERE before >= 0.9 * total) AS b)
    SELECT count(*), extract(epoch FROM min(ingested_at)), extract(epoch FROM max(ingested_at)),
           coalesce((SELECT round(((SELECT before FROM cum WHERE s = w.b) - (SELECT before FROM cum WHERE s = w.a))
                                  / extract(epoch FROM w.b - w.a)) FROM w WHERE w.b > w.a), 0),
           (SELECT count(*) FROM tx),
           round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1),
           round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 1),
           round(max(ms)::numeric, 1)
    FROM e")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$events" "$batch" "$t0" "$t1" \
    "$before" "$after" "$pub" "$db" \
    "$(awk -v a="$(prom ioc_ingest_batch_commit_seconds_count)" -v b="$commits0" 'BEGIN { print a - b }')" \
    "$(awk -v a="$(prom ioc_ingest_batch_commit_seconds_sum)" -v b="$commitsum0" 'BEGIN { print a - b }')" \
    "$(awk -v a="$(prom ioc_ingest_batch_messages_sum)" -v b="$msgs0" 'BEGIN { print a - b }')" \
    "$(awk -v a="$(prom ioc_ingest_rejected_total)" -v b="$rejected0" 'BEGIN { print a - b }')" \
    "$(awk -v a="$(prom ioc_ingest_events_total 'result="duplicate"')" -v b="$dups0" 'BEGIN { print a - b }')" \
    >> "$RESULTS"
  if [[ "$PROFILE" == 1 ]]; then
    "$JAVA_HOME/bin/jfr" view --width 160 hot-methods "$WORK/$name.jfr" > "$WORK/$name.hot-methods.txt" 2>&1 || true
    "$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample,jdk.NativeMethodSample --stack-depth 64 "$WORK/$name.jfr" |
      awk -v exec_ms=10 -v native_ms=20 -f "$HERE/writer-profile.awk" > "$WORK/$name.writer.txt" 2>&1 || true
  fi
}

PHASES=()
if (( WARMUP_EVENTS > 0 )); then
  run_phase warmupsingle "$WARMUP_EVENTS" 1 0; PHASES+=(warmupsingle)
  run_phase warmupbatch "$(( WARMUP_EVENTS * 2 ))" "$BATCH_SIZE" 0; PHASES+=(warmupbatch)
fi
if (( SINGLE_EVENTS > 0 )); then run_phase single "$SINGLE_EVENTS" 1 0; PHASES+=(single); fi
if (( BATCH_EVENTS > 0 )); then run_phase batch "$BATCH_EVENTS" "$BATCH_SIZE" 0; PHASES+=(batch); fi
if (( PACED_EVENTS > 0 )); then run_phase paced "$PACED_EVENTS" 1 "$PACED_RATE"; PHASES+=(paced); fi

# --- report ---------------------------------------------------------------------------------------------------------
if [[ "$RAW" == 1 ]]; then
  CHECK="$("${PG[@]}" -d "$DB" -F ' ' -Atc "SELECT count(*), count(DISTINCT event_id) FROM ingested_event") (events, distinct ids)"
  SERVER_NAME="the raw reference pipeline (RawPipeline.java)"
else
  CHECK="$("${PG[@]}" -d "$DB" -F ' ' -Atc "SELECT (SELECT count(*) FROM ingested_event), (SELECT count(*) FROM dossier_event),
    (SELECT count(*) FROM dossier), (SELECT count(*) FROM dossier WHERE completed_ts IS NOT NULL AND received_ts IS NOT NULL),
    (SELECT count(*) FROM dead_letter)") (ingested_event, dossier_event, dossier, dossier received+completed, dead_letter)"
  SERVER_NAME=$(basename "$JAR")
fi
{
  echo "## Ingest benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "- machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ {print $2}') GiB;" \
       "load average before the run $LOADAVG"
  echo "- server: $SERVER_NAME ($(cd "$ROOT" && git describe --always --dirty 2>/dev/null || echo '?')), JDK $JAVA_MAJOR," \
       "--ioc.mqtt.receive-maximum=$RECEIVE_MAXIMUM ${SERVER_ARGS}"
  echo "- PostgreSQL $("${PG[@]}" -d postgres -Atc 'SHOW server_version') ($("${PG[@]}" -d postgres -Atc "
         SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings
         WHERE name IN ('shared_buffers', 'max_wal_size', 'synchronous_commit', 'wal_level', 'fsync')")),"
  echo "  $("$MOSQUITTO" -h 2>&1 | head -1), publisher window $WINDOW"
  echo "- check: $CHECK"
  echo
  echo "| phase | events | per message | publish ev/s | committed ev/s (10–90 %) | end to end ev/s | latency p50 / p99 / max (ms) | events per commit | commit mean (ms) | rejected / duplicate |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F '\t' '{
    split($8, p, " "); for (i in p) { split(p[i], kv, "="); pub[kv[1]] = kv[2] }
    split($9, d, " ")
    sustained = d[4]
    e2e = d[1] / (d[3] - pub["start_ms"] / 1000)
    commits = $10; per = commits > 0 ? d[1] / commits : 0; mean = commits > 0 ? 1000 * $11 / commits : 0
    printf "| %s | %d | %d | %.0f | **%s** | %.0f | %s / %s / %s | %.0f | %.0f | %d / %d |\n",
      $1, d[1], $3, pub["events_per_s"], (sustained > 0 ? sprintf("%.0f", sustained) : "–"), e2e, d[6], d[7], d[8],
      per, mean, $13, $14
  }' "$RESULTS"
  echo
  echo "CPU while each phase ran (from the publisher's start until the last event was committed), in CPU seconds and"
  echo "in cores (CPU seconds ÷ wall seconds); machine busy = all processes on the machine, ours or not:"
  echo
  echo "| phase | wall s | server | of which the writer thread | PostgreSQL: bench backends | PostgreSQL: all | mosquitto | publisher | machine busy |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F '\t' -v hz="$CLK_TCK" -v cpus="$(nproc)" '{
    split($6, b, " "); split($7, a, " ")
    split($8, p, " "); for (i in p) { split(p[i], kv, "="); pub[kv[1]] = kv[2] }
    wall = $5 - $4
    for (i = 1; i <= 4; i++) s[i] = (a[i] - b[i]) / hz
    busy = (a[5] - b[5]) / (a[6] - b[6]); w = (a[7] - b[7]) / hz
    printf "| %s | %.1f | %.1f s (%.2f) | %.1f s (%.2f) | %.1f s (%.2f) | %.1f s (%.2f) | %.1f s (%.2f) | %.1f s (%.2f) | %.0f %% of %d CPUs |\n",
      $1, wall, s[1], s[1] / wall, w, w / wall, s[4], s[4] / wall, s[3], s[3] / wall, s[2], s[2] / wall,
      pub["cpu_s"], pub["cpu_s"] / wall, 100 * busy, cpus
  }' "$RESULTS"
  echo
  echo "Server CPU by thread (CPU seconds, top 8; Linux keeps 15 characters of a thread's name):"
  echo
  for name in "${PHASES[@]}"; do
    echo "- $name: $(head -n 8 "$WORK/$name.threads.txt" | awk -F '\t' '{ printf "%s%s %s s", (NR > 1 ? ", " : ""), $2, $1 }')"
  done
} | tee "$WORK/results.md"
if [[ "$PROFILE" == 1 ]]; then
  for name in "${PHASES[@]}"; do
    echo; echo "### Profile of phase $name (JFR, $WORK/$name.jfr)"; echo
    echo '```'; cat "$WORK/$name.writer.txt"; echo; sed -n '4,18p' "$WORK/$name.hot-methods.txt"; echo '```'
  done | tee -a "$WORK/results.md"
fi
log "results in $WORK/results.md (series, logs and profiles beside it)"
