/**
 * Reads everything one connection can read through the official Finch SDK, the way the app
 * does (pages iterated by the SDK, batches of ten payments, statements paged per payment,
 * re-authentication when Finch asks for it), and records every HTTP answer the SDK received so
 * the contract tests can check each one against Finch's OpenAPI files.
 */
import Finch, { AuthenticationError, BadRequestError } from '@tryfinch/finch-api'
import type { CreateAccessTokenResponse } from '@tryfinch/finch-api/resources/access-tokens'
import type { DisconnectResponse, Introspection } from '@tryfinch/finch-api/resources/account'
import type { SessionReauthenticateResponse } from '@tryfinch/finch-api/resources/connect/sessions'
import type {
  Company,
  CompanyBenefit,
  EmploymentDataResponse,
  IndividualInDirectory,
  IndividualResponse,
  Payment,
  PayStatement,
  PayStatementResponse,
} from '@tryfinch/finch-api/resources/hris'
import type { IndividualBenefit } from '@tryfinch/finch-api/resources/hris/benefits'
import type {
  AutomatedAsyncJob,
  AutomatedCreateResponse,
  AutomatedListResponse,
} from '@tryfinch/finch-api/resources/jobs/automated'
import type {
  PayGroupListResponse,
  PayGroupRetrieveResponse,
} from '@tryfinch/finch-api/resources/payroll/pay-groups'
import type { ProviderListResponse } from '@tryfinch/finch-api/resources/providers'

import type { RunningSandbox } from '../../../src/sandbox'
import { codeFrom, REDIRECT_URI, signIn, TEST_CLIENT } from '../server/sandbox-driver'
import type { Exchange } from './finch-openapi'

/** Every product the app may be granted, `ssn` included, so every field can be read back. */
export const ALL_PRODUCTS = [
  'company',
  'directory',
  'individual',
  'ssn',
  'employment',
  'payment',
  'pay_statement',
  'benefits',
] as const

/** An id no sandbox company holds, to draw the per-item 404s. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000'
export const DIRECTORY_PAGE = 10
export const STATEMENT_PAGE = 40
const PAYMENTS_PER_BATCH = 10

export interface StatementReading {
  readonly code: number
  /** The error body of a payment that failed; null when it was read. */
  readonly error: unknown
  /** Every statement of the payment, all pages in order. */
  readonly statements: PayStatement[]
  readonly pages: number
}

export interface JobReading {
  readonly created: AutomatedCreateResponse
  readonly retrieved: AutomatedAsyncJob
  readonly listed: AutomatedListResponse
}

export interface SweepReading {
  readonly token: CreateAccessTokenResponse
  readonly introspection: Introspection
  readonly providers: ProviderListResponse[]
  readonly company: Company
  readonly directory: IndividualInDirectory[]
  readonly individuals: IndividualResponse[]
  readonly employments: EmploymentDataResponse[]
  readonly payments: Payment[]
  readonly statements: Map<string, StatementReading>
  readonly benefits: CompanyBenefit[]
  readonly benefitDetails: CompanyBenefit[]
  readonly enrolledIds: Map<string, string[]>
  readonly enrollments: Map<string, IndividualBenefit[]>
  /** The first benefit asked for one enrolled person and one unknown id. */
  readonly namedEnrollments: IndividualBenefit[]
  readonly payGroups: PayGroupListResponse[]
  readonly payGroupDetails: PayGroupRetrieveResponse[]
  readonly job: JobReading | BadRequestError
  readonly reauthenticationSession: SessionReauthenticateResponse
  readonly disconnection: DisconnectResponse
  /** How often Finch asked the employer to sign in again during the sweep. */
  readonly reauthentications: number
  /** Every answer the SDK received, in order. */
  readonly exchanges: Exchange[]
}

function recordingFetch(exchanges: Exchange[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init)
    const url = new URL(input instanceof Request ? input.url : input)
    const text = await response.clone().text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // Not JSON: kept as text, which the schema check then reports.
    }
    exchanges.push({
      method: init?.method ?? (input instanceof Request ? input.method : 'GET'),
      path: url.pathname,
      status: response.status,
      body,
    })
    return response
  }
}

function backEndClient(sandbox: RunningSandbox, exchanges: Exchange[]): Finch {
  return new Finch({
    baseURL: sandbox.url,
    accessToken: null,
    clientID: TEST_CLIENT.clientId,
    clientSecret: TEST_CLIENT.clientSecret,
    webhookSecret: null,
    maxRetries: 0,
    fetch: recordingFetch(exchanges),
  })
}

function apiClient(sandbox: RunningSandbox, accessToken: string, exchanges: Exchange[]): Finch {
  return new Finch({
    baseURL: sandbox.url,
    accessToken,
    clientID: null,
    clientSecret: null,
    webhookSecret: null,
    maxRetries: 0,
    fetch: recordingFetch(exchanges),
  })
}

async function collect<Item>(items: AsyncIterable<Item>): Promise<Item[]> {
  const collected: Item[] = []
  for await (const item of items) collected.push(item)
  return collected
}

/** One connection for the sweep: reads through the SDK, signing in again when Finch asks. */
class SweepConnection {
  reauthentications = 0
  private api: Finch

  constructor(
    private readonly sandbox: RunningSandbox,
    private readonly backEnd: Finch,
    private readonly exchanges: Exchange[],
    private readonly username: string,
    readonly token: CreateAccessTokenResponse,
  ) {
    this.api = apiClient(sandbox, token.access_token, exchanges)
  }

  async read<Result>(call: (api: Finch) => Promise<Result>): Promise<Result> {
    try {
      return await call(this.api)
    } catch (error) {
      const body =
        error instanceof AuthenticationError ? (error.error as { finch_code?: string }) : null
      if (body?.finch_code !== 'reauthenticate_user') throw error
      await this.reauthenticate()
      return call(this.api)
    }
  }

  /** Assisted connections answer 202 until their data is ready; the app asks again. */
  async waitForData(): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const { response } = await this.read((api) => api.hris.company.retrieve().withResponse())
      if (response.status === 200) return
    }
    throw new Error('the connection never finished its first sync')
  }

  private async reauthenticate(): Promise<void> {
    this.reauthentications++
    const session = await this.backEnd.connect.sessions.reauthenticate({
      connection_id: this.token.connection_id,
      redirect_uri: REDIRECT_URI,
    })
    const code = codeFrom(
      await signIn(this.sandbox, session.session_id, { username: this.username }),
    )
    const token = await this.backEnd.accessTokens.create({ code, redirect_uri: REDIRECT_URI })
    this.api = apiClient(this.sandbox, token.access_token, this.exchanges)
  }
}

async function readStatements(
  connection: SweepConnection,
  paymentIds: readonly string[],
): Promise<Map<string, StatementReading>> {
  const readings = new Map<string, StatementReading>()
  const queue = paymentIds.map((paymentId) => ({ paymentId, offset: 0 }))
  while (queue.length > 0) {
    const batch = queue.splice(0, PAYMENTS_PER_BATCH)
    const items: PayStatementResponse[] = await connection.read((api) =>
      collect(
        api.hris.payStatements.retrieveMany({
          requests: batch.map(({ paymentId, offset }) => ({
            payment_id: paymentId,
            limit: STATEMENT_PAGE,
            offset,
          })),
        }),
      ),
    )
    for (const item of items) {
      const before = readings.get(item.payment_id)
      if (item.code !== 200 || !('pay_statements' in item.body)) {
        readings.set(item.payment_id, {
          code: item.code,
          error: item.body,
          statements: [],
          pages: 1,
        })
        continue
      }
      const { paging, pay_statements } = item.body
      const statements = [...(before?.statements ?? []), ...pay_statements]
      readings.set(item.payment_id, {
        code: 200,
        error: null,
        statements,
        pages: (before?.pages ?? 0) + 1,
      })
      const next = paging.offset + pay_statements.length
      if (next < (paging.count ?? 0)) queue.push({ paymentId: item.payment_id, offset: next })
    }
  }
  return readings
}

async function readBenefits(connection: SweepConnection) {
  const benefits = await connection.read((api) => collect(api.hris.benefits.list()))
  const benefitDetails: CompanyBenefit[] = []
  const enrolledIds = new Map<string, string[]>()
  const enrollments = new Map<string, IndividualBenefit[]>()
  for (const benefit of benefits) {
    const id = benefit.benefit_id
    benefitDetails.push(await connection.read((api) => api.hris.benefits.retrieve(id)))
    const enrolled = await connection.read((api) => api.hris.benefits.individuals.enrolledIDs(id))
    enrolledIds.set(id, enrolled.individual_ids)
    enrollments.set(
      id,
      await connection.read((api) =>
        collect(api.hris.benefits.individuals.retrieveManyBenefits(id)),
      ),
    )
  }

  const first = benefits[0]
  const namedEnrollments = first
    ? await connection.read((api) =>
        collect(
          api.hris.benefits.individuals.retrieveManyBenefits(first.benefit_id, {
            individual_ids: [
              ...(enrolledIds.get(first.benefit_id) ?? []).slice(0, 1),
              UNKNOWN_ID,
            ].join(','),
          }),
        ),
      )
    : []
  return { benefits, benefitDetails, enrolledIds, enrollments, namedEnrollments }
}

async function readJob(connection: SweepConnection): Promise<JobReading | BadRequestError> {
  try {
    const created = await connection.read((api) =>
      api.jobs.automated.create({ type: 'data_sync_all' }),
    )
    const retrieved = await connection.read((api) => api.jobs.automated.retrieve(created.job_id!))
    const listed = await connection.read((api) => api.jobs.automated.list())
    return { created, retrieved, listed }
  } catch (error) {
    if (error instanceof BadRequestError) return error
    throw error
  }
}

/** Connects `username` through the sandbox's Connect page and reads every endpoint the app uses. */
export async function sweepConnection(
  sandbox: RunningSandbox,
  username: string,
): Promise<SweepReading> {
  const exchanges: Exchange[] = []
  const backEnd = backEndClient(sandbox, exchanges)
  const session = await backEnd.connect.sessions.new({
    customer_id: `contract-${username}`,
    customer_name: `Contract ${username}`,
    products: [...ALL_PRODUCTS],
    redirect_uri: REDIRECT_URI,
    sandbox: 'finch',
  })
  const code = codeFrom(await signIn(sandbox, session.session_id, { username }))
  const token = await backEnd.accessTokens.create({ code, redirect_uri: REDIRECT_URI })
  const connection = new SweepConnection(sandbox, backEnd, exchanges, username, token)

  const introspection = await connection.read((api) => api.account.introspect())
  const providers = await connection.read((api) => collect(api.providers.list()))
  await connection.waitForData()
  const company = await connection.read((api) => api.hris.company.retrieve())
  const directory = await connection.read((api) =>
    collect(api.hris.directory.list({ limit: DIRECTORY_PAGE })),
  )
  const requests = [...directory.map((person) => person.id), UNKNOWN_ID].map((id) => ({
    individual_id: id,
  }))
  const individuals = await connection.read((api) =>
    collect(api.hris.individuals.retrieveMany({ requests, options: { include: ['ssn'] } })),
  )
  const employments = await connection.read((api) =>
    collect(api.hris.employments.retrieveMany({ requests })),
  )
  const payments = await connection.read((api) =>
    collect(api.hris.payments.list({ start_date: '2000-01-01', end_date: '2100-12-31' })),
  )
  const statements = await readStatements(connection, [
    ...payments.map((payment) => payment.id),
    UNKNOWN_ID,
  ])
  const benefitReadings = await readBenefits(connection)
  const payGroups = await connection.read((api) => collect(api.payroll.payGroups.list()))
  const payGroupDetails: PayGroupRetrieveResponse[] = []
  for (const group of payGroups) {
    payGroupDetails.push(await connection.read((api) => api.payroll.payGroups.retrieve(group.id)))
  }
  const job = await readJob(connection)
  const reauthenticationSession = await backEnd.connect.sessions.reauthenticate({
    connection_id: token.connection_id,
    redirect_uri: REDIRECT_URI,
  })
  const disconnection = await connection.read((api) => api.account.disconnect())

  return {
    token,
    introspection,
    providers,
    company,
    directory,
    individuals,
    employments,
    payments,
    statements,
    ...benefitReadings,
    payGroups,
    payGroupDetails,
    job,
    reauthenticationSession,
    disconnection,
    reauthentications: connection.reauthentications,
    exchanges,
  }
}
