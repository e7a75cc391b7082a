/** Says how far a sync has got, from the back end's `sync.progress` events. */
import type { SyncProgress } from '../../../shared/domain'
import { formatProduct } from './format-product'

/** `Syncing Directory: 50 of 120`; a count whose total is not known yet reads `50 so far`. */
export function formatSyncProgress(progress: SyncProgress | null, locale?: string): string {
  if (!progress) return 'Starting the sync…'

  const count = new Intl.NumberFormat(locale)
  const product = formatProduct(progress.product)
  const done = count.format(progress.done)
  if (progress.total === null) return `Syncing ${product}: ${done} so far`
  return `Syncing ${product}: ${done} of ${count.format(progress.total)}`
}
