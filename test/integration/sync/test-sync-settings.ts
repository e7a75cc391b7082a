/** Sync settings for tests: no client-side limiter, quick retries, and a fixed clock. */
import type { SyncSettings } from '../../../src/main/sync/sync-settings'

export const TEST_SYNC_SETTINGS: Partial<SyncSettings> = {
  rateLimits: null,
  retry: { maxAttempts: 8, baseDelayMs: 5, maxDelayMs: 40, maxRateLimitWaits: 40 },
  paymentsFrom: () => '2024-01-01',
  now: () => new Date('2026-12-01T12:00:00Z'),
}
