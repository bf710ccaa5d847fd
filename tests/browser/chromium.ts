import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (never a downloaded browser), or one named by CHROMIUM_PATH. */
export function findChromium(): string | null {
  // A CHROMIUM_PATH that names nothing means no browser (how the skip is tried out on a machine that has one).
  const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => existsSync(p)) ?? null;
}

export const INSTALL_HINT = 'Chromium is not installed. Install it with: apt-get install chromium (or set CHROMIUM_PATH).';

/** On a CI machine (CI=true) tests skipped for want of a browser would pass having proved nothing: there they fail. */
export const browserRequired = (): boolean => process.env.CI === 'true';

/** Playwright gives every launch a fresh, temporary profile of its own. */
export async function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
