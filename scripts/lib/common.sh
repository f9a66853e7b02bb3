# shellcheck shell=bash
# Shared by scripts/serve, scripts/test and scripts/bench: find the repository,
# create .venv if missing and (re)install the package when pyproject.toml changes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$ROOT/.venv"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

find_python() {
  for candidate in "${PLUGRAPH_PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  echo "plugraph: Python >= 3.11 is required (set PLUGRAPH_PYTHON to its path)" >&2
  return 1
}

# ensure_venv EXTRAS  -> installs ".[EXTRAS]" (or "." when empty) into .venv
ensure_venv() {
  local extras="${1:-}" spec="." stamp want
  [ -n "$extras" ] && spec=".[$extras]"
  if [ ! -x "$VENV/bin/python" ]; then
    "$(find_python)" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
  fi
  stamp="$VENV/.plugraph-install-$extras"
  want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "plugraph: installing $spec into .venv" >&2
    (cd "$ROOT" && "$VENV/bin/python" -m pip install --quiet -e "$spec")
    echo "$want" >"$stamp"
  fi
}

# ensure_npm DIR -> npm ci in DIR when node_modules is missing or older than the lockfile
ensure_npm() {
  local dir="$1"
  if ! command -v npm >/dev/null 2>&1; then
    echo "plugraph: Node.js 20+ and npm are required for $dir" >&2
    return 1
  fi
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "plugraph: installing npm packages in ${dir#"$ROOT"/}" >&2
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >&2
  fi
}
