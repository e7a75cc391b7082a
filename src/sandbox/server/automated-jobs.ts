/**
 * Finch's automated jobs (`POST /jobs/automated`): a forced re-sync of a connection. A job moves
 * from pending to in progress to complete by the sandbox clock, one job runs per connection at
 * a time, and each connection may force only a few refreshes an hour.
 */
import { randomUUID } from 'node:crypto'

import type { AutomatedAsyncJob } from '@tryfinch/finch-api/resources/jobs/automated'

export const ALLOWED_REFRESHES_PER_HOUR = 2
const HOUR_MS = 3_600_000
/** A job waits this long before it starts, and runs this long before it completes. */
export const JOB_PENDING_MS = 1_000
export const JOB_RUNNING_MS = 2_000

interface StoredJob {
  jobId: string
  connectionId: string
  type: AutomatedAsyncJob['type']
  individualId: string | null
  createdAt: number
}

export type JobCreation =
  | { outcome: 'created' | 'already_running'; job: StoredJob; remaining: number }
  | { outcome: 'quota_exhausted'; retryAt: number }

export class AutomatedJobs {
  private readonly jobs = new Map<string, StoredJob>()

  constructor(private readonly now: () => number) {}

  create(connectionId: string, type: StoredJob['type'], individualId: string | null): JobCreation {
    const now = this.now()
    const ofConnection = this.ofConnection(connectionId)

    const running = ofConnection.find((job) => job.type === type && this.status(job) !== 'complete')
    if (running)
      return { outcome: 'already_running', job: running, remaining: this.remaining(connectionId) }

    const lastHour = ofConnection.filter((job) => job.createdAt > now - HOUR_MS)
    if (lastHour.length >= ALLOWED_REFRESHES_PER_HOUR) {
      const oldest = lastHour[lastHour.length - ALLOWED_REFRESHES_PER_HOUR]!
      return { outcome: 'quota_exhausted', retryAt: oldest.createdAt + HOUR_MS }
    }

    const job: StoredJob = { jobId: randomUUID(), connectionId, type, individualId, createdAt: now }
    this.jobs.set(job.jobId, job)
    return { outcome: 'created', job, remaining: this.remaining(connectionId) }
  }

  find(connectionId: string, jobId: string): StoredJob | undefined {
    const job = this.jobs.get(jobId)
    return job?.connectionId === connectionId ? job : undefined
  }

  ofConnection(connectionId: string): StoredJob[] {
    return [...this.jobs.values()].filter((job) => job.connectionId === connectionId)
  }

  remaining(connectionId: string): number {
    const now = this.now()
    const lastHour = this.ofConnection(connectionId).filter((job) => job.createdAt > now - HOUR_MS)
    return Math.max(0, ALLOWED_REFRESHES_PER_HOUR - lastHour.length)
  }

  /** When the connection's latest sync job finished, if one has. */
  lastCompletion(connectionId: string): number | undefined {
    const finished = this.ofConnection(connectionId)
      .filter((job) => job.type === 'data_sync_all' && this.status(job) === 'complete')
      .map(completedAt)
    return finished.length > 0 ? Math.max(...finished) : undefined
  }

  status(job: StoredJob): AutomatedAsyncJob['status'] {
    const elapsed = this.now() - job.createdAt
    if (elapsed < JOB_PENDING_MS) return 'pending'
    if (elapsed < JOB_PENDING_MS + JOB_RUNNING_MS) return 'in_progress'
    return 'complete'
  }

  describe(job: StoredJob, baseUrl: string): AutomatedAsyncJob {
    const status = this.status(job)
    return {
      job_id: job.jobId,
      job_url: `${baseUrl}/jobs/automated/${job.jobId}`,
      type: job.type,
      status,
      params: job.individualId ? { individual_id: job.individualId } : null,
      created_at: new Date(job.createdAt).toISOString(),
      scheduled_at: new Date(job.createdAt).toISOString(),
      started_at:
        status === 'pending' ? null : new Date(job.createdAt + JOB_PENDING_MS).toISOString(),
      completed_at: status === 'complete' ? new Date(completedAt(job)).toISOString() : null,
    }
  }
}

function completedAt(job: StoredJob): number {
  return job.createdAt + JOB_PENDING_MS + JOB_RUNNING_MS
}
