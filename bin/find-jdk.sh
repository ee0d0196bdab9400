# Sourced by bin/ipgraph and the bench scripts: sets JAVA to a JDK 25+ (JAVA_HOME first, then the PATH, then
# /usr/lib/jvm). Reads the JDK's release file rather than starting a JVM for each candidate, when there is one.
major() {
  local home release
  home="$(dirname "$(dirname "$(readlink -f "$1")")")"
  release="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null || true)"
  if [ -n "$release" ]; then echo "$release"; return; fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}
JAVA=""
for candidate in "${JAVA_HOME:-/nonexistent}/bin/java" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  if [ -x "$candidate" ] && [ "$(major "$candidate")" -ge 25 ] 2>/dev/null; then JAVA="$candidate"; break; fi
done
[ -n "$JAVA" ] || { echo "needs a JDK 25 (JAVA_HOME or /usr/lib/jvm)" >&2; exit 1; }
