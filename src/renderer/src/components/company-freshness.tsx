/**
 * The banner above a company's data when it may be out of date: synced too long ago, or the
 * last sync could not reach Finch. The data stays fully readable either way; the cache is the
 * point of working offline.
 */
import type { ConnectionFreshness } from '../../../shared/review'
import { formatDateTime } from '../format/format-date'
import { freshnessNotice } from '../format/format-freshness'

export function CompanyFreshness({ freshness }: { freshness: ConnectionFreshness | undefined }) {
  const notice = freshness ? freshnessNotice(freshness, Date.now()) : null
  if (!notice) return null

  const synced = notice.lastSyncedAt ? formatDateTime(notice.lastSyncedAt) : null
  return (
    <div
      role="status"
      className="alert alert-notice freshness-banner"
      data-testid="freshness-banner"
    >
      <p className="alert-message">
        {notice.kind === 'unreachable'
          ? `Finch could not be reached at the last sync${
              notice.attemptedAt ? ` (${formatDateTime(notice.attemptedAt)})` : ''
            }. ${synced ? `You are reviewing the data synced ${synced}.` : 'Nothing has been synced yet.'}`
          : `This data was last synced ${notice.days} days ago (${synced}). Sync to bring it up to date.`}
      </p>
    </div>
  )
}
