#!/usr/bin/env bash
# fachmk side by side with the tools a user would reach for, on the demo archive:
#   search: `fachmk search --stdin` vs `fzf --filter` on the same lines and query
#   load:   `fachmk check` (read + parse + validate) vs `jq empty` (read + parse)
# Prints each timing (hyperfine, mean of repeated runs) and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need fzf fzf
need jq jq
need hyperfine hyperfine
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null

cargo build --release --quiet
bin=target/release/fachmk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" demo --write "$work/archive.json" 2>&1
"$bin" search --file "$work/archive.json" --list x > "$work/lines.txt"
echo "searchable lines: $(wc -l < "$work/lines.txt"), archive: $(du -h "$work/archive.json" | cut -f1)"

mean() { # command… → mean seconds
  hyperfine --style none --warmup 2 --runs "${RUNS:-15}" --export-json "$work/h.json" "$@" >/dev/null
  jq '.results[0].mean' "$work/h.json"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b / a }'; }

query=registermod
ours=$(mean "$bin search --stdin --limit 20 $query < $work/lines.txt")
theirs=$(mean "fzf --filter $query < $work/lines.txt | head -20")
printf 'search %-12s fachmk %.1f ms   fzf --filter %.1f ms   fzf/fachmk %s\n' "$query" \
  "$(awk -v x="$ours" 'BEGIN{print x*1000}')" "$(awk -v x="$theirs" 'BEGIN{print x*1000}')" "$(ratio "$ours" "$theirs")"

ours=$(mean "$bin check --file $work/archive.json --session 100 || true")
theirs=$(mean "jq empty $work/archive.json")
printf 'load                fachmk %.1f ms   jq empty %.1f ms       jq/fachmk %s\n' \
  "$(awk -v x="$ours" 'BEGIN{print x*1000}')" "$(awk -v x="$theirs" 'BEGIN{print x*1000}')" "$(ratio "$ours" "$theirs")"

/usr/bin/time -f 'peak memory of opening the archive (fachmk check): %M KiB' "$bin" check --file "$work/archive.json" --session 100 >/dev/null || true
