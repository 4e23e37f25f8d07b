#!/usr/bin/env bash
# Debian's Chromium and ChromeDriver for the page tests (a real browser), installed when missing.
chromium_install() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return 0
  fi
  echo "test.sh: installing Chromium and ChromeDriver from Debian's packages..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || { echo "test.sh: Chromium could not be installed" >&2; return 1; }
}
