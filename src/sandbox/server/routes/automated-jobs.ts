/**
 * Finch's automated jobs: `POST /jobs/automated` forces a re-sync, `GET /jobs/automated` and
 * `GET /jobs/automated/{job_id}` report progress. Assisted connections cannot force a sync.
 */
import type {
  AutomatedCreateResponse,
  AutomatedListResponse,
} from '@tryfinch/finch-api/resources/jobs/automated'

import type { AccessTokenClaims } from '../access-token'
import { ALLOWED_REFRESHES_PER_HOUR } from '../automated-jobs'
import { objectBody } from '../body-fields'
import { FinchError, invalidRequest, notFound } from '../finch-error'
import { tokenEndpoint } from '../finch-rules'
import { jsonBody } from '../request-body'
import { jsonReply, type Reply } from '../reply'
import type { Route } from '../router'
import type { SandboxContext } from '../sandbox-context'
import type { SandboxRequest } from '../sandbox-request'

function requestedJob(request: SandboxRequest): {
  type: 'data_sync_all' | 'w4_form_employee_sync'
  individualId: string | null
} {
  const body = objectBody(jsonBody(request))
  if (body.type === 'data_sync_all') return { type: 'data_sync_all', individualId: null }
  if (body.type === 'w4_form_employee_sync') {
    const params = body.params === undefined ? {} : objectBody(body.params)
    if (typeof params.individual_id !== 'string' || params.individual_id === '') {
      throw invalidRequest('w4_form_employee_sync needs params.individual_id.')
    }
    return { type: 'w4_form_employee_sync', individualId: params.individual_id }
  }
  throw invalidRequest('type must be data_sync_all or w4_form_employee_sync.')
}

function createJob(
  request: SandboxRequest,
  context: SandboxContext,
  claims: AccessTokenClaims,
): Reply {
  if (claims.manual) throw invalidRequest('Assisted connections cannot start automated jobs.')
  const { type, individualId } = requestedJob(request)

  const creation = context.jobs.create(claims.connectionId, type, individualId)
  if (creation.outcome === 'quota_exhausted') {
    const retryAfterSeconds = Math.max(1, Math.ceil((creation.retryAt - context.now()) / 1000))
    const error = new FinchError(
      429,
      'rate_limit_exceeded_error',
      null,
      'This connection used its forced refreshes for the hour.',
      { 'Retry-After': String(retryAfterSeconds) },
    )
    return jsonReply(
      429,
      {
        ...error.toBody(),
        allowed_refreshes: ALLOWED_REFRESHES_PER_HOUR,
        remaining_refreshes: 0,
        retry_at: new Date(creation.retryAt).toISOString(),
      },
      { ...error.headers },
    )
  }

  const described = context.jobs.describe(creation.job, context.baseUrl)
  const response: AutomatedCreateResponse = {
    job_id: described.job_id,
    job_url: described.job_url,
    allowed_refreshes: ALLOWED_REFRESHES_PER_HOUR,
    remaining_refreshes: creation.remaining,
  }
  // A job already running for the connection is answered instead of starting a second one.
  return jsonReply(creation.outcome === 'created' ? 201 : 202, response)
}

function listJobs(
  _request: SandboxRequest,
  context: SandboxContext,
  claims: AccessTokenClaims,
): Reply {
  const response: AutomatedListResponse = {
    data: context.jobs
      .ofConnection(claims.connectionId)
      .map((job) => context.jobs.describe(job, context.baseUrl)),
    meta: {
      quotas: {
        data_sync_all: {
          allowed_refreshes: ALLOWED_REFRESHES_PER_HOUR,
          remaining_refreshes: context.jobs.remaining(claims.connectionId),
        },
      },
    },
  }
  return jsonReply(200, response)
}

function showJob(
  request: SandboxRequest,
  context: SandboxContext,
  claims: AccessTokenClaims,
): Reply {
  const job = context.jobs.find(claims.connectionId, request.params.job_id!)
  if (!job) throw notFound('item_not_found', 'No job with this id for this connection.')
  return jsonReply(200, context.jobs.describe(job, context.baseUrl))
}

export const automatedJobRoutes: Route[] = [
  { method: 'POST', pattern: '/jobs/automated', handle: tokenEndpoint(createJob) },
  { method: 'GET', pattern: '/jobs/automated', handle: tokenEndpoint(listJobs) },
  { method: 'GET', pattern: '/jobs/automated/{job_id}', handle: tokenEndpoint(showJob) },
]
