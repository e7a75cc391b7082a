/** Automated jobs: forced syncs, their progress by the clock, one at a time and two an hour. */
import type {
  AutomatedAsyncJob,
  AutomatedCreateResponse,
  AutomatedListResponse,
} from '@tryfinch/finch-api/resources/jobs/automated'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { RunningSandbox } from '../../../src/sandbox'
import { bodyOf, callApi, connect, startTestSandbox } from './sandbox-driver'

describe('automated jobs', () => {
  let sandbox: RunningSandbox
  let token: string
  let now: number

  beforeEach(async () => {
    now = Date.UTC(2024, 5, 1, 12)
    sandbox = await startTestSandbox({ now: () => now })
    token = (await connect(sandbox, { products: ['company'] })).accessToken
  })
  afterEach(() => sandbox.close())

  const startSync = () =>
    callApi(sandbox, token, '/jobs/automated', { body: { type: 'data_sync_all' } })
  const jobStatus = async (jobId: string) =>
    (await bodyOf<AutomatedAsyncJob>(await callApi(sandbox, token, `/jobs/automated/${jobId}`)))
      .status

  it('starts a sync that moves from pending to in progress to complete', async () => {
    const response = await startSync()
    const created = await bodyOf<AutomatedCreateResponse>(response)

    const statuses = [await jobStatus(created.job_id!)]
    now += 1_000
    statuses.push(await jobStatus(created.job_id!))
    now += 2_000
    statuses.push(await jobStatus(created.job_id!))

    expect(response.status).toBe(201)
    expect(created).toMatchObject({ allowed_refreshes: 2, remaining_refreshes: 1 })
    expect(created.job_url).toBe(`${sandbox.url}/jobs/automated/${created.job_id}`)
    expect(statuses).toEqual(['pending', 'in_progress', 'complete'])
  })

  it('answers the running job instead of starting a second one', async () => {
    const first = await bodyOf<AutomatedCreateResponse>(await startSync())

    const again = await startSync()

    expect(again.status).toBe(202)
    expect((await bodyOf<AutomatedCreateResponse>(again)).job_id).toBe(first.job_id)
  })

  it('refuses a third forced refresh within the hour with 429 and a retry time', async () => {
    await startSync()
    now += 5_000
    await startSync()
    now += 5_000

    const third = await startSync()
    const body = await bodyOf<{ name: string; remaining_refreshes: number; retry_at: string }>(
      third,
    )

    expect(third.status).toBe(429)
    expect(body).toMatchObject({ name: 'rate_limit_exceeded_error', remaining_refreshes: 0 })
    expect(Date.parse(body.retry_at)).toBe(Date.UTC(2024, 5, 1, 13))
    expect(Number(third.headers.get('retry-after'))).toBe(3_590)
  })

  it('lists the connection’s jobs with its quota', async () => {
    await startSync()

    const list = await bodyOf<AutomatedListResponse>(
      await callApi(sandbox, token, '/jobs/automated'),
    )

    expect(list.data).toHaveLength(1)
    expect(list.meta.quotas?.data_sync_all).toEqual({
      allowed_refreshes: 2,
      remaining_refreshes: 1,
    })
  })

  it('counts a completed sync as the data’s retrieval time', async () => {
    const before = await callApi(sandbox, token, '/employer/company')
    now += 60 * 60_000
    await startSync()
    now += 3_000

    const after = await callApi(sandbox, token, '/employer/company')

    expect(Date.parse(after.headers.get('finch-data-retrieved')!)).toBe(now)
    expect(after.headers.get('finch-data-retrieved')).not.toBe(
      before.headers.get('finch-data-retrieved'),
    )
  })

  it('answers 404 for a job of another connection or none at all', async () => {
    const other = await connect(sandbox, { products: ['company'], username: 'largeco' })
    const job = await bodyOf<AutomatedCreateResponse>(await startSync())

    const response = await callApi(sandbox, other.accessToken, `/jobs/automated/${job.job_id}`)

    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ name: 'not_found_error' })
  })

  it('refuses assisted connections with 400', async () => {
    const assisted = await connect(sandbox, { products: ['company'], username: 'assisted' })

    const response = await callApi(sandbox, assisted.accessToken, '/jobs/automated', {
      body: { type: 'data_sync_all' },
    })

    expect(response.status).toBe(400)
  })

  it('refuses an unknown job type with 400', async () => {
    const response = await callApi(sandbox, token, '/jobs/automated', { body: { type: 'rebuild' } })

    expect(response.status).toBe(400)
  })
})
