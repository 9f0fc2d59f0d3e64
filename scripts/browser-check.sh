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
