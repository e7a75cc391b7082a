/** The request log and its summary, and what it must never hold. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { RunningSandbox } from '../../../src/sandbox'
import { callApi, connect, startTestSandbox } from './sandbox-driver'
import { BENEFIT_401K } from './tiny-dataset'

describe('the request log', () => {
  let sandbox: RunningSandbox

  beforeEach(async () => {
    sandbox = await startTestSandbox()
  })
  afterEach(() => sandbox.close())

  it('records each request by route pattern and status', async () => {
    const { accessToken } = await connect(sandbox, { products: ['company', 'benefits'] })

    await callApi(sandbox, accessToken, '/employer/company')
    await callApi(sandbox, accessToken, '/employer/company')
    await callApi(sandbox, accessToken, `/employer/benefits/${BENEFIT_401K}/enrolled`)
    await callApi(sandbox, null, '/employer/company')
    const log = sandbox.requestLog()

    expect(log.at(-2)).toMatchObject({
      method: 'GET',
      path: `/employer/benefits/${BENEFIT_401K}/enrolled`,
      endpoint: 'GET /employer/benefits/{benefit_id}/enrolled',
      status: 200,
      fault: null,
    })
    expect(log.at(-1)?.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(sandbox.requestSummary()).toMatchObject({
      'POST /connect/sessions': { '200': 1 },
      'POST /authorize/login': { '302': 1 },
      'POST /auth/token': { '200': 1 },
      'GET /employer/company': { '200': 2, '401': 1 },
      'GET /employer/benefits/{benefit_id}/enrolled': { '200': 1 },
    })
  })

  it('keeps no query strings, codes or tokens', async () => {
    const { accessToken } = await connect(sandbox, { products: ['directory'] })

    await callApi(sandbox, accessToken, '/employer/directory?limit=1&offset=0')
    const text = JSON.stringify(sandbox.requestLog())

    expect(text).not.toContain('?')
    expect(text).not.toContain(accessToken)
    expect(text).not.toContain('sess_')
  })
})
