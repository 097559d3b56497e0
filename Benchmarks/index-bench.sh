#!/usr/bin/env bash
# Times suv's registry client against curl on the packse index served on loopback: all 273
# project pages, then all 1,054 files, written to disk by both. suv runs cold (empty cache) and
# revalidated (--refresh: pages revalidated with conditional requests, files reused from the
# cache). Each timed run starts with pending writes flushed (`sync`), and suv and curl runs
# alternate, so one run's disk write-back does not land on the next. Run from the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
packse=../shared/packse/index
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
python3 fixtures/index-server/serve.py --root "$packse" --port 0 --ignore-stdin > "$work/server.out" &
server=$!
for _ in $(seq 50); do grep -q PORT "$work/server.out" 2>/dev/null && break; sleep 0.1; done
port=$(awk '/PORT/ {print $2}' "$work/server.out")
base="http://127.0.0.1:$port"
ls "$packse/simple" | grep -v '\.html$' > "$work/projects"
sed "s|^|url = \"$base/simple/|; s|$|/\"|" "$work/projects" | sed 's|$|\noutput = "/dev/null"|' > "$work/pages.curl"
(cd "$packse/files" && ls) | sed "s|^\(.*\)$|url = \"$base/files/\1\"\noutput = \"$work/out/\1\"|" > "$work/files.curl"
swift build -c release --package-path Benchmarks --product index-bench >/dev/null
bench=Benchmarks/.build/release/index-bench
for run in 1 2 3 4 5; do
  rm -rf "$work/cache" "$work/out"; mkdir -p "$work/out"; sync
  echo "suv cold:        $($bench --index "$base/simple/" --projects "$work/projects" --cache "$work/cache" | tr '\n' ' ')"
  sync
  echo "suv revalidated: $($bench --index "$base/simple/" --projects "$work/projects" --cache "$work/cache" --refresh | tr '\n' ' ')"
  sync
  start=$(date +%s.%N)
  curl -s --no-progress-meter --parallel --parallel-max 50 -H 'Accept: application/vnd.pypi.simple.v1+json' -K "$work/pages.curl"
  middle=$(date +%s.%N)
  curl -s --no-progress-meter --parallel --parallel-max 50 -K "$work/files.curl"
  end=$(date +%s.%N)
  echo "curl:            pages $(wc -l < "$work/projects") $(echo "$middle - $start" | bc) files $(ls "$packse/files" | wc -l) $(echo "$end - $middle" | bc)"
done
