// The Electron smoke test (`npm run test:electron`): the built app in real Electron, driven by
// Playwright's Electron support. It needs Electron's binary, so it is not part of `npm test`, and
// it skips itself, saying why, where the binary is not installed.
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: 'test/electron',
  testMatch: '**/*.electron.ts',
  workers: 1,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: 'test-results/electron',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
})
