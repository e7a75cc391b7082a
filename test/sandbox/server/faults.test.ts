/** Injected failures: errors, 429 bursts, latency, drops and truncation, repeatable by seed. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { FaultOptions, RunningSandbox } from '../../../src/sandbox'
import { callApi, connect, createSession, startTestSandbox } from './sandbox-driver'

describe('fault injection', () => {
  let sandbox: RunningSandbox
  let token: string

  beforeEach(async () => {
    sandbox = await startTestSandbox()
    token = (await connect(sandbox, { products: ['company', 'directory'] })).accessToken
  })
  afterEach(() => sandbox.close())

  async function statuses(count: number): Promise<number[]> {
    const result = []
    for (let i = 0; i < count; i++) {
      result.push((await callApi(sandbox, token, '/employer/company')).status)
    }
    return result
  }

  it('answers 500 server_error at a rate of 1', async () => {
    sandbox.setFaults({ serverErrorRate: 1 })

    const response = await callApi(sandbox, token, '/employer/company')

    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({ code: 500, name: 'server_error' })
  })

  it('answers 502 bad_gateway_error at a rate of 1', async () => {
    sandbox.setFaults({ badGatewayRate: 1 })

    const response = await callApi(sandbox, token, '/employer/company')

    expect(response.status).toBe(502)
    expect(await response.json()).toMatchObject({
      name: 'bad_gateway_error',
      finch_code: 'upstream_provider_error',
    })
  })

  it('answers bursts of 429 with Retry-After, then recovers', async () => {
    sandbox.setFaults({ rateLimitBurstRate: 1, rateLimitBurstLength: 3, retryAfterSeconds: 2 })
    const burst = await callApi(sandbox, token, '/employer/company')
    sandbox.setFaults({ seed: 1, rateLimitBurstRate: 0.2, rateLimitBurstLength: 3 })

    const run = await statuses(40)

    expect(burst.status).toBe(429)
    expect(burst.headers.get('retry-after')).toBe('2')
    expect(await burst.json()).toMatchObject({ finch_code: 'upstream_rate_limit_exceeded' })
    expect(run).toContain(429)
    expect(run).toContain(200)
    const bursts = run.join(',').match(/(429,?)+/g)!
    expect(bursts.every((found) => found.split('429').length - 1 >= 3)).toBe(true)
  })

  it('adds latency before answering', async () => {
    sandbox.setFaults({ latencyMs: 150 })
    const started = performance.now()

    await callApi(sandbox, token, '/employer/company')

    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('drops the connection without an answer', async () => {
    sandbox.setFaults({ dropRate: 1 })

    await expect(callApi(sandbox, token, '/employer/company')).rejects.toThrow()
    expect(sandbox.requestLog().at(-1)).toMatchObject({ status: 0, fault: 'dropped' })
  })

  it('cuts bodies in half under a 200 status', async () => {
    sandbox.setFaults({ truncateRate: 1 })

    const response = await callApi(sandbox, token, '/employer/directory')
    const text = await response.text()

    expect(response.status).toBe(200)
    expect(() => JSON.parse(text)).toThrow()
  })

  it('repeats the same failures for the same seed', async () => {
    const faults: FaultOptions = { seed: 42, serverErrorRate: 0.3, badGatewayRate: 0.2 }

    sandbox.setFaults(faults)
    const first = await statuses(25)
    sandbox.setFaults(faults)
    const second = await statuses(25)
    sandbox.setFaults({ ...faults, seed: 43 })
    const third = await statuses(25)

    expect(second).toEqual(first)
    expect(third).not.toEqual(first)
    expect(new Set(first)).toEqual(new Set([200, 500, 502]))
  })

  it('leaves Connect and token exchange alone by default', async () => {
    sandbox.setFaults({ serverErrorRate: 1, dropRate: 1 })

    const session = await createSession(sandbox)
    const page = await fetch(`${sandbox.url}/authorize?session=${session.session_id}`)

    expect(page.status).toBe(200)
  })

  it('applies to the paths it is given', async () => {
    sandbox.setFaults({ serverErrorRate: 1, paths: ['/introspect'] })

    const introspect = await callApi(sandbox, token, '/introspect')
    const company = await callApi(sandbox, token, '/employer/company')

    expect(introspect.status).toBe(500)
    expect(company.status).toBe(200)
  })

  it('can be chosen at start', async () => {
    const faulty = await startTestSandbox({ faults: { serverErrorRate: 1 } })
    try {
      const { accessToken } = await connect(faulty, { products: ['company'] })

      const response = await callApi(faulty, accessToken, '/employer/company')

      expect(response.status).toBe(500)
    } finally {
      await faulty.close()
    }
  })
})
