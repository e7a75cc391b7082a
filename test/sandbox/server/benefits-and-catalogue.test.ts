/** Benefit reads, pay groups and the provider catalogue, with Finch's per-item and 404 answers. */
import type { CompanyBenefit, IndividualBenefit } from '@tryfinch/finch-api/resources/hris/benefits'
import type { PayGroupListResponse } from '@tryfinch/finch-api/resources/payroll/pay-groups'
import type { ProviderListResponse } from '@tryfinch/finch-api/resources/providers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { RunningSandbox } from '../../../src/sandbox'
import { bodyOf, callApi, connect, startTestSandbox } from './sandbox-driver'
import { BENEFIT_401K, PAY_GROUP, PEOPLE, tinyDataset } from './tiny-dataset'

describe('benefits, pay groups and providers', () => {
  let sandbox: RunningSandbox
  let token: string

  beforeEach(async () => {
    sandbox = await startTestSandbox()
    token = (await connect(sandbox, { products: ['benefits', 'payment'] })).accessToken
  })
  afterEach(() => sandbox.close())

  it('lists the company benefits and answers one by id', async () => {
    const list = await bodyOf<CompanyBenefit[]>(await callApi(sandbox, token, '/employer/benefits'))
    const one = await callApi(sandbox, token, `/employer/benefits/${BENEFIT_401K}`)

    expect(list.map((benefit) => benefit.benefit_id)).toEqual([BENEFIT_401K])
    expect(await one.json()).toMatchObject({ benefit_id: BENEFIT_401K, type: '401k' })
  })

  it('answers 404 benefit_not_found for an unknown benefit', async () => {
    const response = await callApi(sandbox, token, '/employer/benefits/nope/enrolled')

    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({
      name: 'not_found_error',
      finch_code: 'benefit_not_found',
    })
  })

  it('lists who is enrolled in a benefit', async () => {
    const response = await callApi(sandbox, token, `/employer/benefits/${BENEFIT_401K}/enrolled`)

    expect(await response.json()).toEqual({
      benefit_id: BENEFIT_401K,
      individual_ids: [PEOPLE.ada],
    })
  })

  it('answers every enrollment when no individuals are named', async () => {
    const response = await callApi(sandbox, token, `/employer/benefits/${BENEFIT_401K}/individuals`)

    expect(response.status).toBe(200)
    expect(await response.json()).toEqual([
      {
        individual_id: PEOPLE.ada,
        code: 200,
        body: expect.objectContaining({ employee_deduction: { type: 'percent', amount: 500 } }),
      },
    ])
  })

  it('answers 207 with a 404 item for a named individual who is not enrolled', async () => {
    const named = `individual_ids=${PEOPLE.ada},${PEOPLE.ben}`
    const path = `/employer/benefits/${BENEFIT_401K}/individuals?${named}`

    const response = await callApi(sandbox, token, path)
    const items = await bodyOf<IndividualBenefit[]>(response)

    expect(response.status).toBe(207)
    expect(items.map((item) => [item.individual_id, item.code])).toEqual([
      [PEOPLE.ada, 200],
      [PEOPLE.ben, 404],
    ])
    expect(items[1]!.body).toMatchObject({ finch_code: 'individual_not_found' })
  })

  it('replays a failed enrollment item as it is, and does not list its person as enrolled', async () => {
    const failed = {
      individual_id: PEOPLE.ben,
      code: 404,
      body: { code: 404, name: 'not_found_error', message: 'Individual not found' },
    }
    await sandbox.close()
    sandbox = await startTestSandbox({
      datasetFor: (scenario) => {
        const dataset = tinyDataset(scenario)
        return {
          ...dataset,
          enrollments: (benefitId) => [...dataset.enrollments(benefitId), failed],
        }
      },
    })
    token = (await connect(sandbox, { products: ['benefits'] })).accessToken

    const enrolled = await callApi(sandbox, token, `/employer/benefits/${BENEFIT_401K}/enrolled`)
    const individuals = await callApi(
      sandbox,
      token,
      `/employer/benefits/${BENEFIT_401K}/individuals`,
    )

    expect(await enrolled.json()).toEqual({
      benefit_id: BENEFIT_401K,
      individual_ids: [PEOPLE.ada],
    })
    expect(individuals.status).toBe(207)
    expect((await bodyOf<IndividualBenefit[]>(individuals)).at(-1)).toEqual(failed)
  })

  it('needs the benefits product', async () => {
    const other = await connect(sandbox, { products: ['company'] })

    const response = await callApi(sandbox, other.accessToken, '/employer/benefits')

    expect(response.status).toBe(403)
  })

  it('lists pay groups, filtered by person or frequency, and answers one in full', async () => {
    const all = await bodyOf<PayGroupListResponse[]>(
      await callApi(sandbox, token, '/employer/pay-groups'),
    )
    const weekly = await bodyOf<PayGroupListResponse[]>(
      await callApi(sandbox, token, '/employer/pay-groups?pay_frequencies[]=weekly'),
    )
    const ofAda = await bodyOf<PayGroupListResponse[]>(
      await callApi(sandbox, token, `/employer/pay-groups?individual_id=${PEOPLE.ada}`),
    )
    const one = await callApi(sandbox, token, `/employer/pay-groups/${PAY_GROUP}`)

    expect(all).toEqual([
      { id: PAY_GROUP, name: 'Semi-monthly', pay_frequencies: ['semi_monthly'] },
    ])
    expect(weekly).toEqual([])
    expect(ofAda).toHaveLength(1)
    expect(await one.json()).toMatchObject({ id: PAY_GROUP, individual_ids: Object.values(PEOPLE) })
  })

  it('answers 404 for an unknown pay group', async () => {
    const response = await callApi(sandbox, token, '/employer/pay-groups/nope')

    expect(response.status).toBe(404)
  })

  it('lists the sandbox providers without a token', async () => {
    const response = await callApi(sandbox, null, '/providers')
    const providers = await bodyOf<ProviderListResponse[]>(response)

    expect(response.status).toBe(200)
    expect(providers.map((provider) => provider.display_name)).toEqual([
      'Gusto (sandbox)',
      'ADP Workforce Now (sandbox)',
      'Paychex Flex (sandbox)',
      'Bamboo OAuth (sandbox)',
    ])
    expect(providers[3]!.authentication_methods?.[0]?.type).toBe('oauth')
  })
})
