// Debian's Chromium as every browser test starts it: headless, no sandbox (containers), and none of its own
// background traffic (updates, sync, QUIC), so that every request a test counts is one a page made.
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
