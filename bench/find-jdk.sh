# Sourced by the bench scripts: sets JAVA to a JDK 25+ (JAVA_HOME first, then the PATH, then /usr/lib/jvm).
major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
JAVA=""
for candidate in "${JAVA_HOME:-/nonexistent}/bin/java" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  if [ -x "$candidate" ] && [ "$(major "$candidate")" -ge 25 ] 2>/dev/null; then JAVA="$candidate"; break; fi
done
[ -n "$JAVA" ] || { echo "needs a JDK 25 (JAVA_HOME or /usr/lib/jvm)" >&2; exit 1; }
