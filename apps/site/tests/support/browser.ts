import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, installed by scripts/setup.sh. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launches Debian's Chromium headless. The extra flags stop Chromium's own background connections, which this
 * machine's closed network refuses (and which would be third-party requests anyway).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
