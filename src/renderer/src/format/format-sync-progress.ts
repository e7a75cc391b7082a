/**
 * Says how far a sync has got, from the back end's `sync.progress` events. Products are read
 * side by side, so the latest event of each is kept and the products still being read are
 * named together, rather than the message jumping between whichever spoke last. Pure, so it is
 * tested on its own.
 */
import type { SyncProgress } from '../../../shared/domain'
import { formatProduct } from './format-product'

/** The latest event of each product of one sync, in the order the products first spoke. */
export type SyncProgressByProduct = ReadonlyMap<string, SyncProgress>

export const NO_PROGRESS: SyncProgressByProduct = new Map()

/** Products named at most in the message; the rest are counted. */
const NAMED_PRODUCTS = 3

export function addSyncProgress(
  products: SyncProgressByProduct,
  update: SyncProgress,
): SyncProgressByProduct {
  return new Map(products).set(update.product, update)
}

export interface SyncProgressSummary {
  /** `Syncing Pay statements: 20 of 106 · Benefits: 2 of 10`. */
  text: string
  /** How much is done, 0 to 1, the products averaged; null while no product knows its total. */
  fraction: number | null
}

export function summarizeSyncProgress(
  products: SyncProgressByProduct,
  locale?: string,
): SyncProgressSummary {
  const all = [...products.values()]
  if (all.length === 0) return { text: 'Starting the sync…', fraction: null }

  const count = new Intl.NumberFormat(locale)
  const reading = all.filter(isReading)
  const parts = reading.slice(0, NAMED_PRODUCTS).map((progress) => {
    const done = count.format(progress.done)
    const product = formatProduct(progress.product)
    return progress.total === null
      ? `${product}: ${done} so far`
      : `${product}: ${done} of ${count.format(progress.total)}`
  })
  const more = reading.length - NAMED_PRODUCTS
  if (more > 0) parts.push(`${more} more`)

  const waitingMs = Math.max(0, ...reading.map((progress) => progress.waitingMs ?? 0))
  const waiting =
    waitingMs > 0
      ? ` — waiting about ${count.format(Math.ceil(waitingMs / 1_000))} s for Finch’s rate limit`
      : ''
  const text = parts.length > 0 ? `Syncing ${parts.join(' · ')}${waiting}` : 'Finishing the sync…'
  return { text, fraction: fractionDone(all) }
}

function isReading(progress: SyncProgress): boolean {
  if (progress.state !== undefined && progress.state !== 'running') return false
  return progress.total === null || progress.done < progress.total
}

function fractionDone(all: SyncProgress[]): number | null {
  const shares = all.flatMap((progress) => {
    if (progress.state !== undefined && progress.state !== 'running') return [1]
    if (progress.total === null) return []
    if (progress.total === 0) return [1]
    return [Math.min(1, progress.done / progress.total)]
  })
  if (shares.length === 0) return null
  return shares.reduce((sum, share) => sum + share, 0) / shares.length
}
