#!/usr/bin/env bash
# Debian's tmux for the agent console tests: they drive the real terminal app as a person would
# (send-keys, capture-pane). Installed when missing.
tmux_install() {
  if command -v tmux >/dev/null 2>&1; then
    return 0
  fi
  echo "test.sh: installing tmux from Debian's packages..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq tmux >/dev/null
  command -v tmux >/dev/null 2>&1 || { echo "test.sh: tmux could not be installed" >&2; return 1; }
}
