#!/usr/bin/env bash
# Entry point of `npm start`, `npm test` and `npm run bench`: set up, then hand over to the Node 24 script.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
task="${1:?usage: run.sh start|test|bench}"
shift
case "$task" in
  start) . "$ROOT/scripts/bootstrap.sh" ;;
  test | bench) . "$ROOT/scripts/bootstrap.sh" --browser ;;
  *) echo "unknown task: $task" >&2; exit 2 ;;
esac
cd "$ROOT"
exec node "scripts/$task.ts" "$@"
