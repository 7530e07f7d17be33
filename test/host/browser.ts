// Debian's Chromium driven by playwright-core (Playwright's own browser download cannot work here).
import * as fs from 'fs';
import { chromium, Browser } from 'playwright-core';

export const CHROMIUM = process.env.HWC_CHROMIUM ?? '/usr/bin/chromium';

/** A 1400×900 page is what the screenshots are taken at. */
export const VIEWPORT = { width: 1400, height: 900 };

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run \`bash scripts/setup-host.sh\` (installs Debian's chromium) or set HWC_CHROMIUM.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The runners' own handlers close the browser along with code-server and the emulator.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // The machine has no network beyond the registries: keep Chromium from calling home.
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
