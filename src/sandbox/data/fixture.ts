/**
 * Fixture folders: a company stored as Finch-shaped JSON files, one per endpoint, so a case seen
 * in the field (or any generated scenario) can be captured once and replayed exactly by the
 * sandbox. Loading checks each file's shape and names the file and the fault when it is wrong.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import type {
  Company,
  CompanyBenefit,
  IndividualInDirectory,
  Payment,
  PayStatement,
} from '@tryfinch/finch-api/resources/hris'
import type { PayGroupRetrieveResponse } from '@tryfinch/finch-api/resources/payroll'
import type {
  CompanyDataset,
  EmploymentRecord,
  EnrollmentRecord,
  IndividualRecord,
  ScenarioBehaviour,
} from './dataset'
import type { PlantedDiscrepancy } from './planted-discrepancies'

export const FIXTURE_FILES = {
  company: 'company.json',
  directory: 'directory.json',
  individual: 'individual.json',
  employment: 'employment.json',
  payment: 'payment.json',
  payStatement: 'pay-statement.json',
  benefits: 'benefits.json',
  enrollments: 'enrollments.json',
  payGroups: 'pay-groups.json',
  /** Not a Finch endpoint: the sandbox's own description of the connection and its behaviour. */
  sandbox: 'sandbox.json',
} as const

/** A fixture file is missing or not shaped as Finch would answer. */
export class FixtureError extends Error {
  override readonly name = 'FixtureError'

  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`)
  }
}

type JsonObject = Record<string, unknown>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readJson(folder: string, file: string, required: boolean): unknown {
  const path = join(folder, file)
  if (!existsSync(path)) {
    if (required) throw new FixtureError(file, `is missing from ${folder}`)
    return undefined
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new FixtureError(file, `is not valid JSON (${reason})`)
  }
}

function expectArray(file: string, value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new FixtureError(file, `${what} must be an array`)
  return value
}

function expectObject(file: string, value: unknown, what: string): JsonObject {
  if (!isObject(value)) throw new FixtureError(file, `${what} must be an object`)
  return value
}

function expectString(file: string, record: JsonObject, key: string, what: string): string {
  const value = record[key]
  if (typeof value !== 'string' || value.length === 0) {
    throw new FixtureError(file, `${what} needs a non-empty string "${key}"`)
  }
  return value
}

function expectNullableString(file: string, record: JsonObject, key: string, what: string): void {
  const value = record[key]
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw new FixtureError(file, `${what} has a "${key}" that is neither a string nor null`)
  }
}

/** Money must be whole cents: a fraction here means the file holds dollars, not Finch data. */
function expectMoney(file: string, record: JsonObject, key: string, what: string): void {
  const value = record[key]
  if (value === undefined || value === null) return
  const money = expectObject(file, value, `${what} "${key}"`)
  if (money.amount !== null && !Number.isInteger(money.amount)) {
    throw new FixtureError(file, `${what} "${key}.amount" must be an integer number of cents`)
  }
}

/** Takes bare bodies or Finch's batch items `{ individual_id, code, body }`, minus error items. */
function batchBodies(file: string, value: unknown): JsonObject[] {
  const bodies: JsonObject[] = []
  expectArray(file, value, 'the file').forEach((item, index) => {
    const record = expectObject(file, item, `item ${index}`)
    if (!('body' in record)) {
      bodies.push(record)
      return
    }
    if (typeof record.code === 'number' && record.code !== 200) return
    bodies.push(expectObject(file, record.body, `item ${index} "body"`))
  })
  return bodies
}

function keyedById<Item>(
  file: string,
  bodies: readonly JsonObject[],
  directoryIds: ReadonlySet<string>,
): Map<string, Item> {
  const byId = new Map<string, Item>()
  bodies.forEach((body, index) => {
    const id = expectString(file, body, 'id', `item ${index}`)
    if (!directoryIds.has(id)) {
      throw new FixtureError(file, `item ${index} has id "${id}", which is not in directory.json`)
    }
    byId.set(id, body as Item)
  })
  return byId
}

function loadCompany(folder: string): Company {
  const file = FIXTURE_FILES.company
  const company = expectObject(file, readJson(folder, file, true), 'the file')
  expectString(file, company, 'id', 'the company')
  expectNullableString(file, company, 'legal_name', 'the company')
  for (const key of ['departments', 'locations', 'accounts']) {
    const value = company[key]
    if (value !== undefined && value !== null) expectArray(file, value, `"${key}"`)
  }
  return company as unknown as Company
}

function loadDirectory(folder: string): IndividualInDirectory[] {
  const file = FIXTURE_FILES.directory
  const raw = readJson(folder, file, true)
  // Also accept a saved page of `GET /employer/directory`.
  const items = isObject(raw) && 'individuals' in raw ? raw.individuals : raw
  const seen = new Set<string>()
  return expectArray(file, items, 'the directory').map((item, index) => {
    const entry = expectObject(file, item, `individual ${index}`)
    const id = expectString(file, entry, 'id', `individual ${index}`)
    if (seen.has(id)) throw new FixtureError(file, `individual ${index} repeats id "${id}"`)
    seen.add(id)
    return entry as unknown as IndividualInDirectory
  })
}

function loadPayments(folder: string): Payment[] {
  const file = FIXTURE_FILES.payment
  const raw = readJson(folder, file, false) ?? []
  const payments = expectArray(file, raw, 'the payments').map((item, index) => {
    const payment = expectObject(file, item, `payment ${index}`)
    expectString(file, payment, 'id', `payment ${index}`)
    expectNullableString(file, payment, 'pay_date', `payment ${index}`)
    for (const key of [
      'gross_pay',
      'net_pay',
      'employee_taxes',
      'employer_taxes',
      'company_debit',
    ]) {
      expectMoney(file, payment, key, `payment ${index}`)
    }
    return payment as unknown as Payment
  })
  // The dataset promises pay-date order; a stable sort keeps same-day payments as saved.
  return payments
    .map((payment, index) => ({ payment, index }))
    .sort(
      (first, second) =>
        (first.payment.pay_date ?? '\uffff').localeCompare(second.payment.pay_date ?? '\uffff') ||
        first.index - second.index,
    )
    .map(({ payment }) => payment)
}

function loadPayStatements(
  folder: string,
  paymentIds: ReadonlySet<string>,
): Map<string, PayStatement[]> {
  const file = FIXTURE_FILES.payStatement
  const raw = readJson(folder, file, false) ?? {}
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.map((item, index) => {
        const record = expectObject(file, item, `entry ${index}`)
        const paymentId = expectString(file, record, 'payment_id', `entry ${index}`)
        // Either `{ payment_id, pay_statements }` or Finch's `{ payment_id, code, body }`.
        const body = isObject(record.body) ? record.body : record
        return [paymentId, body.pay_statements]
      })
    : Object.entries(expectObject(file, raw, 'the file'))

  const byPayment = new Map<string, PayStatement[]>()
  for (const [paymentId, value] of entries) {
    if (!paymentIds.has(paymentId)) {
      throw new FixtureError(file, `payment "${paymentId}" is not in payment.json`)
    }
    const statements = expectArray(file, value, `the statements of payment "${paymentId}"`)
    byPayment.set(
      paymentId,
      statements.map((item, index) => {
        const what = `statement ${index} of payment "${paymentId}"`
        const statement = expectObject(file, item, what)
        expectString(file, statement, 'individual_id', what)
        expectMoney(file, statement, 'gross_pay', what)
        expectMoney(file, statement, 'net_pay', what)
        for (const key of ['earnings', 'taxes', 'employee_deductions', 'employer_contributions']) {
          const lines = statement[key]
          if (lines !== undefined && lines !== null) expectArray(file, lines, `${what} "${key}"`)
        }
        return statement as unknown as PayStatement
      }),
    )
  }
  return byPayment
}

function loadBenefits(folder: string): CompanyBenefit[] {
  const file = FIXTURE_FILES.benefits
  return expectArray(file, readJson(folder, file, false) ?? [], 'the benefits').map(
    (item, index) => {
      const benefit = expectObject(file, item, `benefit ${index}`)
      expectString(file, benefit, 'benefit_id', `benefit ${index}`)
      return benefit as unknown as CompanyBenefit
    },
  )
}

/** Finch's `{ individual_id, code, body }` items, kept whole (failed items too) to replay exactly. */
function loadEnrollments(
  folder: string,
  benefitIds: ReadonlySet<string>,
  directoryIds: ReadonlySet<string>,
): Map<string, EnrollmentRecord[]> {
  const file = FIXTURE_FILES.enrollments
  const raw = expectObject(file, readJson(folder, file, false) ?? {}, 'the file')
  const byBenefit = new Map<string, EnrollmentRecord[]>()
  for (const [benefitId, value] of Object.entries(raw)) {
    if (!benefitIds.has(benefitId)) {
      throw new FixtureError(file, `benefit "${benefitId}" is not in benefits.json`)
    }
    const items = expectArray(file, value, `the enrollments of benefit "${benefitId}"`)
    const records = items.map((item, index) => {
      const what = `enrollment ${index} of benefit "${benefitId}"`
      const entry = expectObject(file, item, what)
      const individualId = expectString(file, entry, 'individual_id', what)
      if (!directoryIds.has(individualId)) {
        throw new FixtureError(
          file,
          `${what} names "${individualId}", which is not in directory.json`,
        )
      }
      if (!Number.isInteger(entry.code)) {
        throw new FixtureError(file, `${what} needs an HTTP status number "code"`)
      }
      expectObject(file, entry.body, `${what} "body"`)
      return entry as unknown as EnrollmentRecord
    })
    byBenefit.set(benefitId, records)
  }
  return byBenefit
}

function loadPayGroups(folder: string): PayGroupRetrieveResponse[] {
  const file = FIXTURE_FILES.payGroups
  return expectArray(file, readJson(folder, file, false) ?? [], 'the pay groups').map(
    (item, index) => {
      const group = expectObject(file, item, `pay group ${index}`)
      expectString(file, group, 'id', `pay group ${index}`)
      // The list endpoint omits members; the dataset's shape always carries them.
      const individualIds = group.individual_ids ?? []
      expectArray(file, individualIds, `pay group ${index} "individual_ids"`)
      return { ...group, individual_ids: individualIds } as unknown as PayGroupRetrieveResponse
    },
  )
}

interface SandboxFile {
  readonly scenario: string
  readonly providerId: string
  readonly connectionType: 'provider' | 'finch'
  readonly behaviour: ScenarioBehaviour
  readonly plantedDiscrepancies: readonly PlantedDiscrepancy[]
}

function optionalCount(file: string, record: JsonObject, key: string): number | undefined {
  const value = record[key]
  if (value === undefined || value === null) return undefined
  if (!Number.isInteger(value) || (value as number) < 0) {
    throw new FixtureError(file, `"behaviour.${key}" must be a whole number`)
  }
  return value as number
}

function loadSandboxFile(folder: string): SandboxFile {
  const file = FIXTURE_FILES.sandbox
  const raw = expectObject(file, readJson(folder, file, false) ?? {}, 'the file')
  const connectionType = raw.connection_type ?? 'provider'
  if (connectionType !== 'provider' && connectionType !== 'finch') {
    throw new FixtureError(file, '"connection_type" must be "provider" or "finch"')
  }
  const behaviourRecord = expectObject(file, raw.behaviour ?? {}, '"behaviour"')
  const assistedPendingRequests = optionalCount(file, behaviourRecord, 'assisted_pending_requests')
  const reauthenticateAfterRequests = optionalCount(
    file,
    behaviourRecord,
    'reauthenticate_after_requests',
  )
  const pendingIds = behaviourRecord.pending_pay_statement_ids
  const behaviour: ScenarioBehaviour = {
    ...(assistedPendingRequests === undefined ? {} : { assistedPendingRequests }),
    ...(pendingIds === undefined || pendingIds === null
      ? {}
      : {
          pendingPayStatementIds: new Set(
            expectArray(file, pendingIds, '"behaviour.pending_pay_statement_ids"').map(String),
          ),
        }),
    ...(reauthenticateAfterRequests === undefined ? {} : { reauthenticateAfterRequests }),
  }
  const planted = expectArray(file, raw.planted_discrepancies ?? [], '"planted_discrepancies"')
  planted.forEach((item, index) =>
    expectString(
      file,
      expectObject(file, item, `planted discrepancy ${index}`),
      'kind',
      `planted discrepancy ${index}`,
    ),
  )
  return {
    scenario: typeof raw.scenario === 'string' ? raw.scenario : 'fixture',
    providerId: typeof raw.provider_id === 'string' ? raw.provider_id : 'finch',
    connectionType,
    behaviour,
    plantedDiscrepancies: planted as PlantedDiscrepancy[],
  }
}

/**
 * Reads a fixture folder. `company.json` and `directory.json` are required; every other file
 * defaults to empty. Throws `FixtureError` naming the first file that is missing or malformed.
 */
export function loadFixtureDataset(folder: string): CompanyDataset {
  const company = loadCompany(folder)
  const directory = loadDirectory(folder)
  const directoryIds = new Set(directory.map((entry) => entry.id))
  const individuals = keyedById<IndividualRecord>(
    FIXTURE_FILES.individual,
    batchBodies(FIXTURE_FILES.individual, readJson(folder, FIXTURE_FILES.individual, false) ?? []),
    directoryIds,
  )
  const employments = keyedById<EmploymentRecord>(
    FIXTURE_FILES.employment,
    batchBodies(FIXTURE_FILES.employment, readJson(folder, FIXTURE_FILES.employment, false) ?? []),
    directoryIds,
  )
  const payments = loadPayments(folder)
  const paymentIds = new Set(payments.map((payment) => payment.id))
  const statements = loadPayStatements(folder, paymentIds)
  const benefits = loadBenefits(folder)
  const enrollments = loadEnrollments(
    folder,
    new Set(benefits.map((benefit) => benefit.benefit_id)),
    directoryIds,
  )
  const payGroups = loadPayGroups(folder)
  const sandbox = loadSandboxFile(folder)

  return {
    scenario: sandbox.scenario,
    providerId: sandbox.providerId,
    connectionType: sandbox.connectionType,
    company,
    directory,
    individual: (individualId) => individuals.get(individualId),
    employment: (individualId) => employments.get(individualId),
    payments,
    payStatements: (paymentId) =>
      paymentIds.has(paymentId) ? (statements.get(paymentId) ?? []) : undefined,
    benefits,
    enrollments: (benefitId) => enrollments.get(benefitId) ?? [],
    payGroups,
    behaviour: sandbox.behaviour,
    ...(sandbox.plantedDiscrepancies.length === 0
      ? {}
      : { plantedDiscrepancies: sandbox.plantedDiscrepancies }),
  }
}

function writeJson(folder: string, file: string, value: unknown): void {
  writeFileSync(join(folder, file), `${JSON.stringify(value, null, 2)}\n`)
}

function indent(json: string, prefix: string): string {
  return json.replaceAll('\n', `\n${prefix}`)
}

/**
 * Writes any dataset as a fixture folder that `loadFixtureDataset` reads back identically.
 * Statements are written one payment at a time, so a large scenario never sits in memory whole.
 */
export function writeFixtureDataset(dataset: CompanyDataset, folder: string): void {
  mkdirSync(folder, { recursive: true })
  const ids = dataset.directory.map((entry) => entry.id)

  writeJson(folder, FIXTURE_FILES.company, dataset.company)
  writeJson(folder, FIXTURE_FILES.directory, dataset.directory)
  writeJson(
    folder,
    FIXTURE_FILES.individual,
    ids.flatMap((id) => dataset.individual(id) ?? []),
  )
  writeJson(
    folder,
    FIXTURE_FILES.employment,
    ids.flatMap((id) => dataset.employment(id) ?? []),
  )
  writeJson(folder, FIXTURE_FILES.payment, dataset.payments)
  writePayStatements(dataset, join(folder, FIXTURE_FILES.payStatement))
  writeJson(folder, FIXTURE_FILES.benefits, dataset.benefits)
  writeJson(
    folder,
    FIXTURE_FILES.enrollments,
    Object.fromEntries(
      dataset.benefits.map((benefit) => [
        benefit.benefit_id,
        dataset.enrollments(benefit.benefit_id),
      ]),
    ),
  )
  writeJson(folder, FIXTURE_FILES.payGroups, dataset.payGroups)

  const { behaviour } = dataset
  writeJson(folder, FIXTURE_FILES.sandbox, {
    scenario: dataset.scenario,
    provider_id: dataset.providerId,
    connection_type: dataset.connectionType,
    behaviour: {
      assisted_pending_requests: behaviour.assistedPendingRequests ?? null,
      pending_pay_statement_ids: behaviour.pendingPayStatementIds
        ? [...behaviour.pendingPayStatementIds]
        : null,
      reauthenticate_after_requests: behaviour.reauthenticateAfterRequests ?? null,
    },
    ...(dataset.plantedDiscrepancies?.length
      ? { planted_discrepancies: dataset.plantedDiscrepancies }
      : {}),
  })
}

function writePayStatements(dataset: CompanyDataset, path: string): void {
  const descriptor = openSync(path, 'w')
  try {
    writeSync(descriptor, '{')
    dataset.payments.forEach((payment, index) => {
      const statements = dataset.payStatements(payment.id) ?? []
      const separator = index === 0 ? '\n' : ',\n'
      const statementsJson = indent(JSON.stringify(statements, null, 2), '  ')
      writeSync(descriptor, `${separator}  ${JSON.stringify(payment.id)}: ${statementsJson}`)
    })
    writeSync(descriptor, dataset.payments.length === 0 ? '}\n' : '\n}\n')
  } finally {
    closeSync(descriptor)
  }
}
