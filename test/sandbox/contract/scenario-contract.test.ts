/**
 * The contract between the sandbox and Finch, scenario by scenario: every endpoint the app uses
 * is read through the official SDK; every answer must pass Finch's OpenAPI schemas (amended only
 * where `finch-deviations.ts` says why), and what the SDK hands back must be the company's data.
 */
import { BadRequestError } from '@tryfinch/finch-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningSandbox, startSandbox } from '../../../src/sandbox'
import type { CompanyDataset } from '../../../src/sandbox/data'
import { createScenario, type ScenarioName } from '../../../src/sandbox/data'
import { TEST_CLIENT } from '../server/sandbox-driver'
import { FinchOpenApi, isUndocumented } from './finch-openapi'
import {
  ALL_PRODUCTS,
  DIRECTORY_PAGE,
  STATEMENT_PAGE,
  type SweepReading,
  sweepConnection,
  UNKNOWN_ID,
} from './sdk-sweep'

const openApi = new FinchOpenApi()

/** Every endpoint the app uses, as the sandbox's routes name them. */
const APP_ENDPOINTS = [
  'POST /connect/sessions',
  'POST /connect/sessions/reauthenticate',
  'POST /auth/token',
  'GET /introspect',
  'POST /disconnect',
  'GET /providers',
  'GET /employer/company',
  'GET /employer/directory',
  'POST /employer/individual',
  'POST /employer/employment',
  'GET /employer/payment',
  'POST /employer/pay-statement',
  'GET /employer/benefits',
  'GET /employer/benefits/{benefit_id}',
  'GET /employer/benefits/{benefit_id}/enrolled',
  'GET /employer/benefits/{benefit_id}/individuals',
  'GET /employer/pay-groups',
  'GET /employer/pay-groups/{pay_group_id}',
  'POST /jobs/automated',
  'GET /jobs/automated',
  'GET /jobs/automated/{job_id}',
]

const SCENARIOS = [
  'smallco',
  'largeco',
  'assisted',
  'reauth',
  'empty',
  'hostile',
  'discrepancies',
  'moveco-old',
  'moveco-new',
  'scale-40-3',
]

function datasetFor(username: string): CompanyDataset {
  const scale = /^scale-(\d+)-(\d+)$/.exec(username)
  if (scale) return createScenario('scale', { people: Number(scale[1]), payRuns: Number(scale[2]) })
  return createScenario(username as ScenarioName)
}

describe.each(SCENARIOS)('the %s company through the official SDK', (username) => {
  let sandbox: RunningSandbox
  let reading: SweepReading
  let dataset: CompanyDataset

  beforeAll(async () => {
    sandbox = await startSandbox({ clients: [TEST_CLIENT], rateLimits: false })
    reading = await sweepConnection(sandbox, username)
    dataset = datasetFor(username)
  })
  afterAll(() => sandbox.close())

  it('answers every request with a body that passes Finch’s OpenAPI schemas', () => {
    const scenario = dataset.scenario

    const failures = reading.exchanges.flatMap((exchange) => {
      const check = openApi.check(exchange, scenario)
      if (check.outcome !== 'invalid') return []
      const where = `${exchange.method} ${exchange.path} ${exchange.status} (${check.schema})`
      return check.problems.slice(0, 40).map((problem) => `${where}: ${problem}`)
    })

    expect(failures).toEqual([])
  })

  it('reads every endpoint the app uses', () => {
    const routes = APP_ENDPOINTS.map((endpoint) => {
      const [method, template] = endpoint.split(' ') as [string, string]
      const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`)
      return { endpoint, method, pattern }
    })

    const read = new Set(
      reading.exchanges.flatMap((exchange) =>
        routes
          .filter((route) => route.method === exchange.method && route.pattern.test(exchange.path))
          .map((route) => route.endpoint),
      ),
    )
    const undocumented = reading.exchanges
      .map((exchange) => openApi.check(exchange, dataset.scenario))
      .filter(isUndocumented)
      .map((check) => check.endpoint)

    const needsBenefits = dataset.benefits.length > 0
    const needsPayGroups = dataset.payGroups.length > 0
    const manual = dataset.connectionType === 'finch'
    expect([...read].sort()).toEqual(
      APP_ENDPOINTS.filter(
        (endpoint) =>
          (needsBenefits || !endpoint.startsWith('GET /employer/benefits/')) &&
          (needsPayGroups || endpoint !== 'GET /employer/pay-groups/{pay_group_id}') &&
          (!manual || endpoint === 'POST /jobs/automated' || !endpoint.startsWith('GET /jobs/')),
      ).sort(),
    )
    expect(new Set(undocumented)).toEqual(
      new Set(
        [
          'POST /connect/sessions',
          'POST /connect/sessions/reauthenticate',
          'POST /auth/token',
          'GET /employer/pay-groups',
          'GET /employer/pay-groups/{pay_group_id}',
        ].filter((endpoint) => read.has(endpoint)),
      ),
    )
  })

  it('describes the connection in the token and the introspection', () => {
    const { token, introspection } = reading

    expect(token.company_id).toBe(dataset.company.id)
    expect(token.connection_type).toBe(dataset.connectionType)
    expect(token.products).toEqual([...ALL_PRODUCTS])
    expect(introspection.connection_id).toBe(token.connection_id)
    expect(introspection.company_id).toBe(dataset.company.id)
    expect(introspection.manual).toBe(dataset.connectionType === 'finch')
    expect(introspection.entities?.map((entity) => entity.name)).toEqual([
      dataset.company.legal_name,
    ])
    expect(reading.providers.map((provider) => provider.id)).toContain(token.provider_id)
  })

  it('hands back the company and the whole directory, page by page', () => {
    const pages = Math.max(1, Math.ceil(dataset.directory.length / DIRECTORY_PAGE))
    const directoryPages = reading.exchanges.filter(
      (exchange) => exchange.path === '/employer/directory' && exchange.status === 200,
    )

    expect(reading.company).toEqual(dataset.company)
    expect(reading.directory).toEqual(dataset.directory)
    expect(directoryPages.length).toBeGreaterThanOrEqual(pages)
  })

  it('hands back each person’s individual and employment data, and 404 for an unknown id', () => {
    const ids = dataset.directory.map((person) => person.id)

    const individuals = new Map(reading.individuals.map((item) => [item.individual_id, item]))
    const employments = new Map(reading.employments.map((item) => [item.individual_id, item]))

    for (const id of ids) {
      expect(individuals.get(id)).toEqual({
        individual_id: id,
        code: 200,
        body: dataset.individual(id),
      })
      expect(employments.get(id)).toEqual({
        individual_id: id,
        code: 200,
        body: dataset.employment(id),
      })
    }
    for (const answers of [individuals, employments]) {
      expect(answers.get(UNKNOWN_ID)).toMatchObject({
        code: 404,
        body: { name: 'not_found_error', finch_code: 'individual_not_found' },
      })
      expect(answers.size).toBe(ids.length + 1)
    }
  })

  it('hands back every payment and every statement, paged per payment', () => {
    const pending = dataset.behaviour.pendingPayStatementIds ?? new Set<string>()

    expect(reading.payments).toEqual(dataset.payments)
    for (const payment of dataset.payments) {
      const read = reading.statements.get(payment.id)
      if (pending.has(payment.id)) {
        expect(read).toMatchObject({
          code: 202,
          error: { code: 202, name: 'accepted', finch_code: 'data_sync_in_progress' },
        })
        continue
      }
      const statements = dataset.payStatements(payment.id) ?? []
      expect(read?.code).toBe(200)
      expect(read?.statements).toEqual(statements)
      expect(read?.pages).toBe(Math.max(1, Math.ceil(statements.length / STATEMENT_PAGE)))
    }
    expect(reading.statements.get(UNKNOWN_ID)).toMatchObject({
      code: 404,
      error: { name: 'not_found_error', finch_code: 'payment_not_found' },
    })
  })

  it('hands back the benefits and who is enrolled in each', () => {
    expect(reading.benefits).toEqual(dataset.benefits)
    expect(reading.benefitDetails).toEqual(dataset.benefits)
    for (const benefit of dataset.benefits) {
      const enrollments = dataset.enrollments(benefit.benefit_id)
      expect(reading.enrollments.get(benefit.benefit_id)).toEqual(enrollments)
      expect(reading.enrolledIds.get(benefit.benefit_id)).toEqual(
        enrollments.filter((item) => item.code === 200).map((item) => item.individual_id),
      )
    }
    if (dataset.benefits.length > 0) {
      expect(reading.namedEnrollments.at(-1)).toMatchObject({
        individual_id: UNKNOWN_ID,
        code: 404,
        body: { finch_code: 'individual_not_found' },
      })
    }
  })

  it('hands back the pay groups, listed and one by one', () => {
    expect(reading.payGroups).toEqual(
      dataset.payGroups.map(({ id, name, pay_frequencies }) => ({ id, name, pay_frequencies })),
    )
    expect(reading.payGroupDetails).toEqual(dataset.payGroups)
  })

  it('forces a sync on automated connections and refuses one on assisted connections', () => {
    const { job } = reading

    if (dataset.connectionType === 'finch') {
      expect(job).toBeInstanceOf(BadRequestError)
      return
    }
    expect(job).not.toBeInstanceOf(BadRequestError)
    if (job instanceof BadRequestError) return
    expect(job.retrieved).toMatchObject({ job_id: job.created.job_id, type: 'data_sync_all' })
    expect(job.listed.data.map((listed) => listed.job_id)).toEqual([job.created.job_id])
  })

  it('opens a re-authentication session and disconnects', () => {
    expect(reading.reauthenticationSession.connect_url).toContain('/authorize?session=')
    expect(reading.disconnection).toEqual({ status: 'success' })
    expect(reading.reauthentications).toBe(username === 'reauth' ? 1 : 0)
  })
})
