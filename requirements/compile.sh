#!/usr/bin/env bash
# Regenerate the hashed locks CI installs from, after a change to a range in pyproject.toml:
#   bash requirements/compile.sh
# uv keeps the versions already in a lock where the ranges still admit them; to move one package (or all, with
# --upgrade), pass uv's own option through: bash requirements/compile.sh --upgrade-package lxml
# run.txt holds what the tool itself needs and ci.txt adds every extra (tests, browser tests), both at the
# newest versions the ranges allow today; oldest.txt holds the lowest version of each direct dependency, so
# that both ends of every range are tested. All cover Python 3.10 and later on every platform.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="${TMPDIR:-/tmp}/troopclaims-lock-tools"
if [ ! -x "$tools/bin/uv" ]; then
  python3 -m venv "$tools"
  "$tools/bin/python" -m pip install --quiet 'uv>=0.5,<1'
fi
options=(--universal --python-version 3.10 --generate-hashes --no-header --quiet "$@")
"$tools/bin/uv" pip compile pyproject.toml "${options[@]}" -o requirements/run.txt
options+=(--all-extras)
"$tools/bin/uv" pip compile pyproject.toml "${options[@]}" -o requirements/ci.txt
"$tools/bin/uv" pip compile pyproject.toml "${options[@]}" --resolution lowest-direct -o requirements/oldest.txt
echo "requirements/run.txt, ci.txt and oldest.txt regenerated from pyproject.toml"
