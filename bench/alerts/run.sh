#!/usr/bin/env bash
# Alert latency benchmark of IOC Monitor: from the event that breaks a rule's condition (for = 0) to the webhook
# receiving the firing notification, with the default evaluation interval. See bench/alerts/README.md.
#
#   bench/alerts/run.sh                  # 50 iterations
#   ITERATIONS=100 SERVER_ARGS=--ioc.alerting.evaluation-interval=1s bench/alerts/run.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

ITERATIONS=${ITERATIONS:-50}
SERVER_ARGS=${SERVER_ARGS:-}              # more server arguments
JAR=${JAR:-$ROOT/frontend/target/ioc-monitor.jar}
WORK=${WORK:-$(mktemp -d /tmp/ioc-bench-alerts.XXXXXX)}
PG=(psql -h 127.0.0.1 -p 5432 -U postgres -X -q -v ON_ERROR_STOP=1)

# shellcheck source=../lib.sh
. "$HERE/../lib.sh"
setup_java
[[ -f "$JAR" ]] || die "$JAR does not exist: build it first (./ioc build)"
MOSQUITTO=${MOSQUITTO:-$(command -v mosquitto || echo /usr/sbin/mosquitto)}
[[ -x "$MOSQUITTO" ]] || die "no mosquitto binary (apt-get install mosquitto)"
"${PG[@]}" -d postgres -c 'SELECT 1' >/dev/null 2>&1 || die "PostgreSQL on 127.0.0.1:5432 (user postgres) does not answer"
command -v curl >/dev/null || die "no curl"
mkdir -p "$WORK"
log "work folder $WORK"

# --- clean-up: only what this script started ---------------------------------------------------------------------
SERVER_PID="" MOSQ_PID="" DB=""
cleanup() {
  set +e
  stop_server "$SERVER_PID"
  [[ -n "$MOSQ_PID" ]] && kill "$MOSQ_PID" 2>/dev/null
  [[ -n "$DB" ]] && "${PG[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
}
trap cleanup EXIT

# --- the measuring program (Paho from the collectors module's classpath) ---------------------------------------
compile_with_paho "$ROOT" "$WORK" "$HERE/AlertLatency.java"

# --- broker, rule, database, server ----------------------------------------------------------------------------
MQTT_PORT=$(free_port)
printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nset_tcp_nodelay true\n' "$MQTT_PORT" \
  > "$WORK/mosquitto.conf"
"$MOSQUITTO" -c "$WORK/mosquitto.conf" > "$WORK/mosquitto.log" 2>&1 &
MOSQ_PID=$!
mkdir -p "$WORK/alert-rules"
cat > "$WORK/alert-rules/bench.yaml" <<'RULES'
rules:
  - name: bench-portal-down
    signal: probe-outage-seconds
    scope: each-commune
    match: {target_type: portal}
    condition: "> 0"
    for: 0
    severity: critical
    summary: {vi: "Mất Cổng DVC tại {members}", en: "Portal down at {members}"}
    runbook: {vi: "Đo độ trễ", en: "Benchmark"}
RULES
DB=ioc_bench_alerts_$(date +%Y%m%d%H%M%S)_$$
"${PG[@]}" -d postgres -c "CREATE DATABASE $DB" >/dev/null
HTTP_PORT=$(free_port)
HOOK_PORT=$(free_port)
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" "${JVM_FLAGS[@]}" -jar "$JAR" --server.port="$HTTP_PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=postgres \
  --ioc.mqtt.url="tcp://127.0.0.1:$MQTT_PORT" --ioc.mqtt.client-id="ioc-bench-alerts-$$" \
  --ioc.simulator.enabled=false --ioc.demo.users=true \
  --ioc.alert-rules.dir="$WORK/alert-rules" \
  --ioc.alerting.channels.bench.webhook="http://127.0.0.1:$HOOK_PORT/hook" \
  $SERVER_ARGS > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
log "starting the server (pid $SERVER_PID, port $HTTP_PORT, broker port $MQTT_PORT, database $DB)"
for _ in $(seq 240); do
  kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited: $(tail -n 40 "$WORK/server.log")"
  if grep -q "Subscribed to" "$WORK/server.log" && grep -q "now the alert evaluator" "$WORK/server.log"; then break; fi
  sleep 1
done
grep -q "now the alert evaluator" "$WORK/server.log" || die "the server did not become the evaluator in 240 s"

# --- measure ----------------------------------------------------------------------------------------------------
log "$ITERATIONS iterations (each: outage → firing, recovery → resolved)"
echo
echo "alert latency, $(date -u +%Y-%m-%dT%H:%MZ), $ITERATIONS iterations, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server args: ${SERVER_ARGS:-(defaults: evaluation interval 2s)}"
echo
echo "| notification | n | p50 ms | p95 ms | max ms | mean ms |"
echo "|---|---:|---:|---:|---:|---:|"
"$JAVA_HOME/bin/java" -cp "$CP:$WORK/classes" AlertLatency "tcp://127.0.0.1:$MQTT_PORT" "$HOOK_PORT" \
  "$ITERATIONS" 01 01001 2> "$WORK/iterations.log"
echo
echo "target: p95 of firing ≤ 5000 ms (issue 5). Per-iteration lines: $WORK/iterations.log"
