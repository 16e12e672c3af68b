#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests (tests/test_browser.py) when it is missing.
# Why: the HTML reports must be checked in a real browser, offline; we never download a browser
# through Playwright, we use the distribution's package. This script never fails the build:
# when it cannot install (no root, no sudo, no apt), it says how and exits 0.
set -u

for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -x "$candidate" ]; then
        echo "browser: $candidate present"
        exit 0
    fi
done

if ! command -v apt-get >/dev/null 2>&1; then
    echo "browser: apt-get not available; install Chromium by hand to run the browser tests"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "browser: not root and no password-less sudo; run 'sudo apt-get install chromium'"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
echo "browser: installing Debian's chromium with apt-get (quiet)"
if $SUDO apt-get -qq update >/dev/null 2>&1 \
    && $SUDO apt-get -qq install -y --no-install-recommends chromium fonts-noto-core >/dev/null 2>&1; then
    echo "browser: chromium installed at $(command -v chromium)"
else
    echo "browser: apt-get install chromium failed; the browser tests will be skipped"
fi
exit 0
