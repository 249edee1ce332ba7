#!/bin/sh
# One shard of a Deterrence Lab batch job, as a cluster's array task runs it.
#
#   SHARDS=n OUT=dir deploy/shard.sh <ensemble|forecast> [options...]
#
# The shard's index comes from the scheduler: a Kubernetes Indexed Job sets JOB_COMPLETION_INDEX
# (0 .. n-1), a Slurm job array SLURM_ARRAY_TASK_ID (the recipes here use 0 .. n-1). Every shard of
# a job must get the same options; the shard writes $OUT/<command>-shard-<i>-of-<n>.json, which
# `deterrence-lab ensemble --merge` (or `merge`, for forecasts) puts back together into exactly
# what one run on one machine writes.
set -eu
index="${JOB_COMPLETION_INDEX:-${SLURM_ARRAY_TASK_ID:-}}"
if [ -z "$index" ]; then
  echo "deploy/shard.sh: no shard index: the scheduler sets JOB_COMPLETION_INDEX (Kubernetes) or SLURM_ARRAY_TASK_ID (Slurm)" >&2
  exit 2
fi
: "${SHARDS:?deploy/shard.sh: set SHARDS to the number of shards}"
: "${OUT:?deploy/shard.sh: set OUT to the folder the shards are written to}"
command="$1"
shift
case "$command" in
  ensemble | forecast) ;;
  *)
    echo "deploy/shard.sh: \"$command\" has no shards; use ensemble or forecast" >&2
    exit 2
    ;;
esac
shard=$((index + 1))
mkdir -p "$OUT"
exec node "$(dirname "$0")/../bin/deterrence-lab.mjs" "$command" "$@" --shard "$shard/$SHARDS" --out "$OUT/$command-shard-$shard-of-$SHARDS.json"
