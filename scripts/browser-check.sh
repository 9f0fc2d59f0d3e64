#!/bin/sh
# Say which Chromium the browser tests will drive: Debian's when it is installed,
# otherwise Playwright's own download.
BIN="$1"
if [ -n "$MINDWELL_CHROMIUM" ] && [ -x "$MINDWELL_CHROMIUM" ]; then
  echo "Browser tests use $MINDWELL_CHROMIUM (MINDWELL_CHROMIUM)."
elif [ -x /usr/bin/chromium ]; then
  echo "Browser tests use the system's Chromium: /usr/bin/chromium."
else
  echo "No system Chromium found: downloading Playwright's own Chromium for the browser tests."
  "$BIN/playwright" install chromium || {
    echo "Could not download Playwright's Chromium. Install Debian's 'chromium' package and run again." >&2
    exit 1
  }
fi
# The accessibility and HTML checkers come from npm (package.json, installed by `make setup`);
# the HTML checker runs on Java. Say plainly what is missing: the tests that need it will fail.
if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
  echo "axe-core and vnu-jar are not installed: install node and npm, then run 'npm ci --ignore-scripts'." >&2
fi
if ! command -v java >/dev/null 2>&1; then
  echo "Java is not installed: the HTML check needs it (Debian: apt-get install default-jre-headless)." >&2
fi
