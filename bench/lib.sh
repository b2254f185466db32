# Shared by the benchmark scripts: messages, the JDK, free ports, the server's start. Source it, don't run it.

die() { echo "bench: $*" >&2; exit 1; }
log() { echo "bench: $*" >&2; }

jdk_major() {
  [[ -x "$1/bin/java" && -x "$1/bin/javac" ]] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \(1\.\)\{0,1\}\([0-9]*\).*/\2/p'
}

# Sets JAVA_HOME, JAVA, JAVA_MAJOR and JVM_FLAGS (what the server needs on JDK 24+, then $JVM_OPTS).
setup_java() {
  local home major best="" best_major=0
  if [[ -n "${JAVA_HOME:-}" ]] && (( $(jdk_major "$JAVA_HOME") + 0 >= 21 )); then
    best=$JAVA_HOME
  else
    for home in /usr/lib/jvm/*; do
      major=$(jdk_major "$home")
      if (( ${major:-0} >= 21 && major > best_major )); then best=$home best_major=$major; fi
    done
  fi
  [[ -n "$best" ]] || die "no JDK 21 or newer (JAVA_HOME or /usr/lib/jvm)"
  export JAVA_HOME=$best
  JAVA=$JAVA_HOME/bin/java
  JAVA_MAJOR=$(jdk_major "$JAVA_HOME")
  JVM_FLAGS=()
  (( JAVA_MAJOR >= 24 )) && JVM_FLAGS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
  # shellcheck disable=SC2206
  JVM_FLAGS+=(${JVM_OPTS:-})
}

free_port() {
  local p
  for p in $(shuf -i 20000-60999 -n 100); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  die "no free port"
}

# wait_for_server PID BASE LOG [LOG-LINE]: until /actuator/health is UP (and LOG shows LOG-LINE), at most 4 min.
wait_for_server() {
  local pid=$1 base=$2 logfile=$3 line=${4:-}
  for _ in $(seq 240); do
    kill -0 "$pid" 2>/dev/null || die "the server exited: $(tail -n 40 "$logfile")"
    if curl -fs "$base/actuator/health" 2>/dev/null | grep -q '"UP"' && { [[ -z "$line" ]] || grep -q "$line" "$logfile"; }; then
      return
    fi
    sleep 1
  done
  die "the server did not start within 4 minutes: $(tail -n 40 "$logfile")"
}

# stop_server PID: TERM, up to 30 s to shut down, then KILL. Quiet if it is gone already.
stop_server() {
  local pid=$1
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid"
  for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$pid" 2>/dev/null
}

# compile_against WORK MVN-ARGS... -- SOURCE...: compiles single-file programs into WORK/classes against the
# classpath `mvn MVN-ARGS dependency:build-classpath` resolves (from the local repository; nothing is installed);
# sets CP.
compile_against() {
  local work=$1 mvn_args=()
  shift
  while [[ $# -gt 0 && "$1" != "--" ]]; do mvn_args+=("$1"); shift; done
  shift
  # Maven's bundled Guava warns about sun.misc.Unsafe on JDK 24+ (as in ./ioc)
  if (( JAVA_MAJOR >= 24 )); then export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"; fi
  mvn -B -q "${mvn_args[@]}" dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" > "$work/mvn.log" 2>&1 ||
    die "mvn dependency:build-classpath failed: $(tail -n 20 "$work/mvn.log")"
  CP=$(cat "$work/cp.txt")
  mkdir -p "$work/classes"
  "$JAVA_HOME/bin/javac" -nowarn -d "$work/classes" -cp "$CP" "$@"
}

# compile_with_paho ROOT WORK SOURCE...: compiles single-file programs against the collectors module's runtime
# classpath (Paho MQTT v5) into WORK/classes; sets CP.
compile_with_paho() {
  local root=$1 work=$2
  shift 2
  compile_against "$work" -f "$root/pom.xml" -pl collectors -Dmdep.includeScope=runtime -- "$@"
}

# compile_with_selenium ROOT WORK SOURCE...: compiles single-file programs against Selenium, the version the
# browser tests use (the project's dependency management), into WORK/classes; sets CP. The frontend module's own
# classpath would need the backend module installed, so a throwaway POM under WORK asks for Selenium alone.
compile_with_selenium() {
  local root=$1 work=$2 version parent
  shift 2
  version=$(sed -n '/<artifactId>ioc-monitor-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q;}' \
    "$root/pom.xml")
  [[ -n "$version" ]] || die "cannot read the version of ioc-monitor-parent from $root/pom.xml"
  # Maven takes relativePath relative to the POM's folder, even when it starts with /
  parent=$(realpath --relative-to="$work" "$root/pom.xml")
  cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>io.iocmonitor</groupId>
    <artifactId>ioc-monitor-parent</artifactId>
    <version>$version</version>
    <relativePath>$parent</relativePath>
  </parent>
  <artifactId>ioc-bench-selenium</artifactId>
  <dependencies>
    <dependency>
      <groupId>org.seleniumhq.selenium</groupId>
      <artifactId>selenium-java</artifactId>
    </dependency>
  </dependencies>
</project>
POM
  compile_against "$work" -f "$work/pom.xml" -Dmdep.includeScope=runtime -- "$@"
}
