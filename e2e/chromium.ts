import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const DEBIAN_PATHS = [
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium-browser',
];

/**
 * Playwright cannot download its own browser on machines without internet, so the specs run in
 * the system's Chromium. Order: CHROMIUM_PATH, the Debian locations, then Playwright's own build.
 */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
    }
    return fromEnv;
  }
  const system = DEBIAN_PATHS.find((path) => existsSync(path));
  if (system) return system;
  if (existsSync(chromium.executablePath())) return undefined; // Playwright's bundled build
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one with\n' +
      '  sudo apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at a Chromium binary, or run `npx playwright install chromium`.',
  );
}

/** Flags for a headless run on a closed network: no sandbox as root, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
