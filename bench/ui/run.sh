#!/usr/bin/env bash
# UI interactivity benchmark of IOC Monitor: how long the overview and a province view take to become interactive
# in headless Chromium, against a server that is already running. Starts no server. See bench/ui/README.md.
#
#   bench/ui/run.sh http://localhost:8080                       # admin:demo, province 79, 20 runs
#   ITERATIONS=50 PROVINCE=01 bench/ui/run.sh https://ioc.example.gov.vn inspector 's3cret'
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

BASE=${1:?usage: bench/ui/run.sh BASE-URL [USER [PASSWORD]]   (e.g. http://localhost:8080)}
USER_NAME=${2:-admin}
PASSWORD=${3:-demo}
PROVINCE=${PROVINCE:-79}
ITERATIONS=${ITERATIONS:-20}
WARMUP=${WARMUP:-1}                       # untimed loads of each view first (bundle fetched, code compiled)
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
WORK=${WORK:-$(mktemp -d /tmp/ioc-bench-ui.XXXXXX)}

# shellcheck source=../lib.sh
. "$HERE/../lib.sh"
setup_java
[[ -x "$CHROMIUM" ]] || die "no Chromium at $CHROMIUM (apt-get install chromium, or CHROMIUM=…)"
[[ -x "$CHROMEDRIVER" ]] || die "no chromedriver at $CHROMEDRIVER (apt-get install chromium-driver, or CHROMEDRIVER=…)"
[[ "$PROVINCE" =~ ^[0-9]{2}$ ]] || die "PROVINCE must be a two-digit province code, not '$PROVINCE'"
(( ITERATIONS > 0 )) || die "ITERATIONS must be positive"
curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"' || die "$BASE/actuator/health does not answer UP"
mkdir -p "$WORK"
log "work folder $WORK"
trap 'rm -rf "$WORK/profile"' EXIT

compile_with_selenium "$ROOT" "$WORK" "$HERE/UiInteractive.java"
mkdir -p "$WORK/profile"
log "$BASE as $USER_NAME: $WARMUP warm-up and $ITERATIONS timed loads of / and /province/$PROVINCE"
"$JAVA" "${JVM_FLAGS[@]}" -Dprofile="$WORK/profile" -Dchromium="$CHROMIUM" -Dchromedriver="$CHROMEDRIVER" \
  -cp "$WORK/classes:$CP" UiInteractive "$BASE" "$USER_NAME" "$PASSWORD" "$PROVINCE" "$ITERATIONS" "$WARMUP" \
  "$WORK/samples.csv" 2> "$WORK/run.log" || die "the measurement failed: $(tail -n 30 "$WORK/run.log")"
log "every sample: $WORK/samples.csv; progress: $WORK/run.log"
