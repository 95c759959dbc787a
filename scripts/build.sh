#!/usr/bin/env bash
# `pnpm build`: the site through Turbo, with every setting the README documents reaching the build.
#
# - Turbo runs tasks with a strict environment: only variables named in turbo.json reach them. The settings that
#   change the output are in the task's `env` (part of its cache key); the others in `passThroughEnv`.
#   apps/site/tests/build-output/build-settings.test.ts checks that every setting the README lists is one of them.
# - Paths are taken from where `pnpm build` was typed (pnpm's INIT_CWD), not from apps/site/, where Turbo runs it.
# - With an outside content or output folder, or a full build asked for, it always builds: Turbo cannot see a folder
#   outside the workspace, and a cache hit would skip the work that was asked for.
set -euo pipefail
for setting in SITE_CONTENT_DIR SITE_FINAL_DIR; do
  if [ -n "${!setting:-}" ]; then
    export "$setting=$(cd "${INIT_CWD:-$PWD}" && realpath -m -- "${!setting}")"
  fi
done
force=()
if [ -n "${SITE_CONTENT_DIR:-}${SITE_FINAL_DIR:-}${SITE_FULL_BUILD:-}${SITE_CLEAN_CACHE:-}" ]; then force=(--force); fi
exec turbo run build --filter=@iom/site "${force[@]}" "$@"
