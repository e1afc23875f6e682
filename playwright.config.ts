import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.ts';

/**
 * End-to-end tests drive real Chromium against the built site (`npm run build` first; `npm test`
 * does it). Where a system Chromium exists (Debian's `chromium`, or CHROMIUM_PATH) it is used,
 * because Playwright cannot download its own browser on machines without internet; elsewhere
 * Playwright's own browser is used (`npx playwright install chromium`).
 */
const PORT = Number(process.env.E2E_PORT ?? 4399);
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
    launchOptions: chromiumLaunchOptions(),
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
