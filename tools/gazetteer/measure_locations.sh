#!/usr/bin/env bash
# LOCATION precision/recall of the gazetteer stage alone (no pattern rules:
# `--no-default-rules`), side by side with the pure gazetteer peers
# (geotext, flashtext over GeoNames names), on annotated JSONL sets.
#
#   tools/gazetteer/measure_locations.sh SHARED_DIR [SET...]
#
# SHARED_DIR holds data/dev/*.jsonl, eval/score.py and peers/ (their runners
# create or reuse a virtualenv, see peers/README.md). Sets default to
# conll2003_dev ieer_dev re3d_dev.
set -euo pipefail
shared=$(cd "${1:?usage: measure_locations.sh SHARED_DIR [SET...]}" && pwd)
shift
sets=("${@:-conll2003_dev}")
[ $# -eq 0 ] && sets=(conll2003_dev ieer_dev re3d_dev)
root=$(cd "$(dirname "$0")/../.." && pwd)
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin="$root/target/release/factspan"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-14s %-10s %6s %6s %6s\n' set system P R F1
for set in "${sets[@]}"; do
    gold="$shared/data/dev/$set.jsonl"
    "$bin" extract "$gold" -o "$work/ours-$set" --quiet --no-default-rules
    preds=("factspan:$work/ours-$set/entities.csv")
    for peer in geotext flashtext; do
        python3 "$shared/peers/run_$peer.py" "$gold" "$work/$peer-$set.csv" \
            >/dev/null 2>&1
        preds+=("$peer:$work/$peer-$set.csv")
    done
    for p in "${preds[@]}"; do
        python3 "$shared/eval/score.py" "$gold" "${p#*:}" --labels LOCATION |
            awk -v s="$set" -v n="${p%%:*}" \
                '$1 == "LOCATION" { printf "%-14s %-10s %6.3f %6.3f %6.3f\n", s, n, $5, $6, $7 }'
    done
done
