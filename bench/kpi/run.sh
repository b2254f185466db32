#!/usr/bin/env bash
# KPI benchmark of IOC Monitor: a national year of dossiers (34 provinces, 3,321 communes, ~20 million dossiers)
# bulk-loaded into a database on the machine's PostgreSQL, the packaged server's rollups brought up to date, then
# the three heaviest dashboard queries timed through the REST API. See bench/kpi/README.md.
#
#   bench/kpi/run.sh                       # load a fresh database, time, drop it
#   KEEP_DB=1 bench/kpi/run.sh             # keep the database (ioc_bench_year) for later runs
#   REUSE_DB=1 bench/kpi/run.sh            # time again on the kept database, without loading
#   REUSE_DB=1 LOAD_SIGNALS=1 bench/kpi/run.sh   # add the signals (VNeID, probes, collectors) to a kept database
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=../lib.sh
. "$HERE/../lib.sh"

DAYS=${DAYS:-365}                        # days of dossiers, ending today
RUNS=${RUNS:-50}                         # timed runs of each query
WARMUP=${WARMUP:-5}                      # untimed runs first
PROVINCE=${PROVINCE:-79}                 # the province of the province view (79: TP. Hồ Chí Minh, 168 communes)
VNEID_DAYS=${VNEID_DAYS:-31}             # days of VNeID logins (425,000 a day), ending yesterday
PROBE_DAYS=${PROBE_DAYS:-7}              # days of probes (2 targets per commune every 5 minutes) and collectors
KEEP_DB=${KEEP_DB:-0}
REUSE_DB=${REUSE_DB:-0}
LOAD_SIGNALS=${LOAD_SIGNALS:-$((1 - REUSE_DB))}   # a fresh database gets them; a kept one only when asked
DB=${DB:-ioc_bench_year}
JAR=${JAR:-$ROOT/frontend/target/ioc-monitor.jar}
WORK=${WORK:-$(mktemp -d /tmp/ioc-bench-kpi.XXXXXX)}
PG=(psql -h 127.0.0.1 -p 5432 -U postgres -X -q -v ON_ERROR_STOP=1)

setup_java
[[ -f "$JAR" ]] || die "$JAR does not exist: build it first (./ioc build)"
command -v psql >/dev/null || die "no psql (apt-get install postgresql-client)"
command -v python3 >/dev/null || die "no python3"
"${PG[@]}" -d postgres -c 'SELECT 1' >/dev/null 2>&1 || die "PostgreSQL on 127.0.0.1:5432 (user postgres) does not answer"
mkdir -p "$WORK"

SERVER_PID=""
cleanup() {
  set +e
  stop_server "$SERVER_PID"
  if [[ "$KEEP_DB" != 1 && "$REUSE_DB" != 1 ]]; then
    "${PG[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
  fi
}
trap cleanup EXIT

if [[ "$REUSE_DB" != 1 ]]; then
  "${PG[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
fi

# The server creates the schema and the reference data (placeholder communes: the real count per province); its
# own broker, no simulator, so that nothing else writes.
HTTP_PORT=$(free_port)
BASE=http://127.0.0.1:$HTTP_PORT
"$JAVA" "${JVM_FLAGS[@]}" -jar "$JAR" --server.port="$HTTP_PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=postgres \
  --ioc.mqtt.embedded.port="$(free_port)" --ioc.simulator.enabled=false --ioc.demo.users=true \
  > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
log "starting the server (pid $SERVER_PID, $BASE, database $DB, log $WORK/server.log)"
wait_for_server "$SERVER_PID" "$BASE" "$WORK/server.log"

if [[ "$REUSE_DB" != 1 ]]; then
  START=$(date -u -d "$DAYS days ago" +%F)
  NOW=$(date -u +%FT%TZ)
  log "loading $DAYS days of dossiers from $START (bulk path: straight into the dossier table)"
  t0=$(date +%s)
  "${PG[@]}" -d "$DB" -v start="$START" -v days="$DAYS" -v now="$NOW" -f "$HERE/national-year.sql"
  t1=$(date +%s)
  log "loaded in $((t1 - t0)) s"
  echo "- load: $((t1 - t0)) s (bulk insert and ANALYZE)"
fi
if [[ "$LOAD_SIGNALS" == 1 ]]; then
  log "loading signals: $VNEID_DAYS days of VNeID logins, $PROBE_DAYS days of probes and collectors"
  t0=$(date +%s)
  "${PG[@]}" -d "$DB" -v now="$(date -u +%FT%TZ)" -v vneid_days="$VNEID_DAYS" -v probe_days="$PROBE_DAYS" \
    -f "$HERE/signals.sql"
  echo "- signals load: $(( $(date +%s) - t0 )) s ($VNEID_DAYS days of VNeID, $PROBE_DAYS days of probes)"
fi
t1=$(date +%s)
log "waiting for the server to bring the rollups and outages up to date"
pending() { "${PG[@]}" -d "$DB" -Atc 'SELECT (SELECT count(*) FROM rollup_dirty) + (SELECT count(*) FROM open_dirty)
                                             + (SELECT count(*) FROM probe_outage_dirty) + (SELECT count(*) FROM site_run_dirty)'; }
# the server marks the ends of all past days for computing shortly after it starts
sleep 10
while (( $(pending) > 0 )); do sleep 5; done
t2=$(date +%s)
echo "- rollups, end-of-day snapshots and outages brought up to date by the server's refreshers in $((t2 - t1)) s"

"${PG[@]}" -d "$DB" -At -F ' ' -c "
  SELECT 'dossiers: ' || count(*) || ', completed: ' || count(completed_ts)
         || ', overdue open now: ' || count(*) FILTER (WHERE due_at < now() AND completed_ts IS NULL
                                                       AND cancelled_ts IS NULL) FROM dossier" \
  -c "SELECT 'database: ' || pg_size_pretty(pg_database_size(current_database()))
         || ', dossier table with indexes: ' || pg_size_pretty(pg_total_relation_size('dossier'))
         || ', rollups: ' || pg_size_pretty(pg_total_relation_size('dossier_day_commune')
            + pg_total_relation_size('dossier_day_procedure') + pg_total_relation_size('dossier_day_province')
            + pg_total_relation_size('dossier_month_commune') + pg_total_relation_size('dossier_month_procedure')
            + pg_total_relation_size('dossier_month_province'))" \
  -c "SELECT 'VNeID attempts: ' || (SELECT count(*) FROM vneid_event) || ', probe results: '
         || (SELECT count(*) FROM probe_event) || ', probe outages: ' || (SELECT count(*) FROM probe_outage)
         || ', runs of signs of life: ' || (SELECT count(*) FROM site_run)" |
  sed 's/^/- /'
YEAR_START=$(date -u -d "$(date -u +%Y-%m-01) -11 months" +%F)
LAST_MONTH=$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%F)
echo "- machine: $(nproc) cores, load average before timing $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$HERE/timings.py" "$BASE" admin:demo "$RUNS" "$WARMUP" "$PROVINCE" "$YEAR_START" "$LAST_MONTH" \
  "$(TZ=Asia/Ho_Chi_Minh date +%F)"
