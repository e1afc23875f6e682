/**
 * How the project starts Chromium, for the e2e tests and the search benchmark: a system Chromium
 * where one exists (Debian's `chromium`, or CHROMIUM_PATH), because Playwright cannot download its
 * own browser on machines without internet; elsewhere Playwright's own (`npx playwright install chromium`).
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

export function chromiumLaunchOptions(): LaunchOptions {
  const system = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (path): path is string => typeof path === 'string' && path !== '' && existsSync(path),
  );
  if (system === undefined) return {};
  return {
    executablePath: system,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  };
}
