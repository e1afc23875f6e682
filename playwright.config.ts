import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * End-to-end tests drive real Chromium against the built site (`npm run build` first; `npm test`
 * does it). Where a system Chromium exists (Debian's `chromium`, or CHROMIUM_PATH) it is used,
 * because Playwright cannot download its own browser on machines without internet; elsewhere
 * Playwright's own browser is used (`npx playwright install chromium`).
 */
const PORT = Number(process.env.E2E_PORT ?? 4399);
const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => typeof path === 'string' && path !== '' && existsSync(path),
);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${PORT}`,
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        }
      : {},
  },
  webServer: {
    // Vite's static preview of dist/, not `astro preview`: Astro allows one preview per project, and
    // the tests must run while a developer's `npm start` is serving the catalog.
    command: `npx vite preview --outDir dist --port ${PORT} --strictPort --host localhost`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
