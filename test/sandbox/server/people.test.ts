/** The individual and employment batches, their per-item 404s, SSN rules and batch limits. */
import type { EmploymentDataResponse } from '@tryfinch/finch-api/resources/hris/employments'
import type { IndividualResponse } from '@tryfinch/finch-api/resources/hris/individuals'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { RunningSandbox } from '../../../src/sandbox'
import { bodyOf, callApi, connect, startTestSandbox } from './sandbox-driver'
import { PEOPLE } from './tiny-dataset'

const UNKNOWN = '99999999-9999-4999-8999-999999999999'

describe('POST /employer/individual and /employer/employment', () => {
  let sandbox: RunningSandbox
  let token: string

  beforeEach(async () => {
    sandbox = await startTestSandbox()
    token = (await connect(sandbox, { products: ['individual', 'employment'] })).accessToken
  })
  afterEach(() => sandbox.close())

  async function individuals(
    accessToken: string,
    body: unknown,
  ): Promise<{ status: number; responses: IndividualResponse[] }> {
    const response = await callApi(sandbox, accessToken, '/employer/individual', { body })
    const { responses } = await bodyOf<{ responses: IndividualResponse[] }>(response)
    return { status: response.status, responses }
  }

  it('answer each requested individual, and 404 individual_not_found per unknown id', async () => {
    const { status, responses } = await individuals(token, {
      requests: [{ individual_id: PEOPLE.ada }, { individual_id: UNKNOWN }],
    })

    expect(status).toBe(200)
    expect(responses[0]).toMatchObject({
      individual_id: PEOPLE.ada,
      code: 200,
      body: { id: PEOPLE.ada, first_name: 'Ada' },
    })
    expect(responses[1]).toEqual({
      individual_id: UNKNOWN,
      code: 404,
      body: {
        code: 404,
        name: 'not_found_error',
        finch_code: 'individual_not_found',
        message: expect.any(String),
      },
    })
  })

  it('send ssn as null without the ssn product, even when asked', async () => {
    const { responses } = await individuals(token, {
      requests: [{ individual_id: PEOPLE.ada }],
      options: { include: ['ssn'] },
    })

    expect(responses[0]!.body).toMatchObject({ ssn: null })
  })

  it('send ssn as null with the ssn product when the request does not ask for it', async () => {
    const withSsn = await connect(sandbox, { products: ['individual', 'ssn'] })

    const { responses } = await individuals(withSsn.accessToken, {
      requests: [{ individual_id: PEOPLE.ada }],
    })

    expect(responses[0]!.body).toMatchObject({ ssn: null })
  })

  it('send the ssn with the ssn product and options.include ["ssn"]', async () => {
    const withSsn = await connect(sandbox, { products: ['individual', 'ssn'] })

    const { responses } = await individuals(withSsn.accessToken, {
      requests: [{ individual_id: PEOPLE.ada }],
      options: { include: ['ssn'] },
    })

    expect(responses[0]!.body).toMatchObject({ ssn: '123-45-6789' })
  })

  it('answer employment per individual in the same batch shape', async () => {
    const response = await callApi(sandbox, token, '/employer/employment', {
      body: { requests: [{ individual_id: PEOPLE.ben }, { individual_id: UNKNOWN }] },
    })
    const { responses } = await bodyOf<{ responses: EmploymentDataResponse[] }>(response)

    expect(response.status).toBe(200)
    expect(responses.map((item) => item.code)).toEqual([200, 404])
    expect(responses[0]!.body).toMatchObject({ title: 'Engineer', manager: { id: PEOPLE.ada } })
    expect(responses[1]).toEqual({
      individual_id: UNKNOWN,
      code: 404,
      body: {
        code: 404,
        name: 'not_found_error',
        finch_code: 'individual_not_found',
        message: 'No individual with this id.',
      },
    })
  })

  it('answer an empty batch with no responses', async () => {
    const { status, responses } = await individuals(token, { requests: [] })

    expect(status).toBe(200)
    expect(responses).toEqual([])
  })

  it.each([
    [
      'more than 10,000 ids',
      { requests: Array.from({ length: 10_001 }, () => ({ individual_id: UNKNOWN })) },
    ],
    ['no requests array', {}],
    ['an item without individual_id', { requests: [{ id: PEOPLE.ada }] }],
    ['options.include that is not an array', { requests: [], options: { include: 'ssn' } }],
  ])('refuse %s with 400 invalid_request_error', async (_case, body) => {
    const response = await callApi(sandbox, token, '/employer/individual', { body })

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 400, name: 'invalid_request_error' })
  })

  it('accept exactly 10,000 ids in one batch', async () => {
    const requests = Array.from({ length: 10_000 }, () => ({ individual_id: PEOPLE.cleo }))

    const { status, responses } = await individuals(token, { requests })

    expect(status).toBe(200)
    expect(responses).toHaveLength(10_000)
  })
})
