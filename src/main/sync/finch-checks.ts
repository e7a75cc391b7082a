/**
 * Defensive checks of Finch's answers against the shapes the SDK documents, before anything is
 * written. A check throws `MalformedData` naming the field (never its value); the caller turns it
 * into a recorded error for the item or retries the request. Money must be whole cents: a
 * fractional amount would make every total wrong without anyone noticing. Unknown fields and
 * unknown enum values pass through untouched.
 */
import type {
  Company,
  CompanyBenefit,
  IndividualInDirectory,
  PayStatement,
  Payment,
} from '@tryfinch/finch-api/resources/hris'
import type { PayGroupListResponse } from '@tryfinch/finch-api/resources/payroll'
import type {
  EmploymentBody,
  EnrollmentBody,
  IndividualBody,
  PayGroupRecord,
} from '../cache/finch-rows'
import { FINCH_ID_PATTERN } from '../../shared/domain'
import { MalformedData } from './sync-errors'

type Fields = Record<string, unknown>

export function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function record(value: unknown, path: string): Fields {
  if (!isRecord(value)) throw new MalformedData(path, 'an object')
  return value
}

function optionalRecord(fields: Fields, key: string, path: string): Fields | null {
  const value = fields[key]
  if (value === undefined || value === null) return null
  return record(value, `${path}.${key}`)
}

export function identifier(fields: Fields, key: string, path: string): string {
  const value = fields[key]
  if (typeof value !== 'string' || !FINCH_ID_PATTERN.test(value)) {
    throw new MalformedData(`${path}.${key}`, 'an identifier (letters, digits, - and _)')
  }
  return value
}

function text(fields: Fields, key: string, path: string): void {
  const value = fields[key]
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw new MalformedData(`${path}.${key}`, 'text or null')
  }
}

function texts(fields: Fields, keys: readonly string[], path: string): void {
  for (const key of keys) text(fields, key, path)
}

function flag(fields: Fields, key: string, path: string): void {
  const value = fields[key]
  if (value !== undefined && value !== null && typeof value !== 'boolean') {
    throw new MalformedData(`${path}.${key}`, 'true, false or null')
  }
}

function finiteNumber(fields: Fields, key: string, path: string): void {
  const value = fields[key]
  if (value !== undefined && value !== null && !Number.isFinite(value)) {
    throw new MalformedData(`${path}.${key}`, 'a number or null')
  }
}

/**
 * The largest single amount accepted: $1 billion. Any one payroll figure beyond it is not real
 * data, and refusing it keeps every sum of a company's amounts inside the range a double holds
 * exactly, so no total the accountant sees is ever rounded.
 */
export const MAX_AMOUNT_CENTS = 100_000_000_000

/** Whole cents (or basis points), small enough that sums of them stay exact. */
function wholeAmount(fields: Fields, key: string, path: string): void {
  const value = fields[key]
  if (value === undefined || value === null) return
  if (!Number.isSafeInteger(value) || Math.abs(value as number) > MAX_AMOUNT_CENTS) {
    throw new MalformedData(`${path}.${key}`, 'a whole number of cents within ±$1 billion, or null')
  }
}

/**
 * Finch's objects nest a few levels deep. A body nested far deeper is refused item by item
 * before anything serializes it again, since a recursive JSON.stringify would overflow the stack
 * and fail the whole sync. The walk itself stops at the limit, so its own recursion stays
 * shallow; it allocates nothing, since it runs over every statement of every sync.
 */
const MAX_NESTING = 32

function shallow(value: unknown, path: string): void {
  if (!withinNesting(value, 0)) {
    throw new MalformedData(path, `nested at most ${MAX_NESTING} levels`)
  }
}

function withinNesting(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return true
  if (depth > MAX_NESTING) return false
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      if (!withinNesting(value[index], depth + 1)) return false
    }
    return true
  }
  for (const key in value) {
    if (!withinNesting((value as Fields)[key], depth + 1)) return false
  }
  return true
}

export function wholeNumber(fields: Fields, key: string, path: string): number | null {
  const value = fields[key]
  if (value === undefined || value === null) return null
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw new MalformedData(`${path}.${key}`, 'a whole number')
  }
  return value as number
}

function list(fields: Fields, key: string, path: string): unknown[] | null {
  const value = fields[key]
  if (value === undefined || value === null) return null
  if (!Array.isArray(value)) throw new MalformedData(`${path}.${key}`, 'a list or null')
  return value
}

function listOf(
  fields: Fields,
  key: string,
  path: string,
  each: (item: unknown, path: string) => void,
): void {
  const items = list(fields, key, path)
  if (!items) return
  for (let index = 0; index < items.length; index++) each(items[index], `${path}.${key}[${index}]`)
}

function textList(fields: Fields, key: string, path: string): void {
  listOf(fields, key, path, (item, itemPath) => {
    if (typeof item !== 'string') throw new MalformedData(itemPath, 'text')
  })
}

function money(fields: Fields, key: string, path: string): void {
  const value = optionalRecord(fields, key, path)
  if (!value) return
  wholeAmount(value, 'amount', `${path}.${key}`)
  text(value, 'currency', `${path}.${key}`)
}

function location(value: unknown, path: string): void {
  if (value === null || value === undefined) return
  texts(
    record(value, path),
    ['line1', 'line2', 'city', 'state', 'postal_code', 'country', 'name', 'source_id'],
    path,
  )
}

function nullableRecordWith(value: unknown, path: string, keys: readonly string[]): void {
  if (value === null || value === undefined) return
  texts(record(value, path), keys, path)
}

export function checkCompany(body: unknown): Company {
  shallow(body, 'company')
  const company = record(body, 'company')
  texts(company, ['id', 'legal_name', 'ein', 'primary_email', 'primary_phone_number'], 'company')
  nullableRecordWith(company.entity, 'company.entity', ['type', 'subtype'])
  listOf(company, 'departments', 'company', (department, path) => {
    if (department === null) return
    const fields = record(department, path)
    text(fields, 'name', path)
    nullableRecordWith(fields.parent, `${path}.parent`, ['name'])
  })
  listOf(company, 'locations', 'company', location)
  listOf(company, 'accounts', 'company', (account, path) =>
    texts(
      record(account, path),
      ['account_name', 'account_number', 'account_type', 'institution_name', 'routing_number'],
      path,
    ),
  )
  return company as unknown as Company
}

export interface DirectoryPage {
  individuals: unknown[]
  count: number | null
  offset: number
}

export function checkDirectoryPage(body: unknown): DirectoryPage {
  const page = record(body, 'directory')
  const individuals = list(page, 'individuals', 'directory')
  if (!individuals) throw new MalformedData('directory.individuals', 'a list')
  const paging = record(page.paging, 'directory.paging')
  return {
    individuals,
    count: wholeNumber(paging, 'count', 'directory.paging'),
    offset: wholeNumber(paging, 'offset', 'directory.paging') ?? 0,
  }
}

export function checkDirectoryEntry(value: unknown, path: string): IndividualInDirectory {
  shallow(value, path)
  const person = record(value, path)
  identifier(person, 'id', path)
  texts(person, ['first_name', 'middle_name', 'last_name'], path)
  flag(person, 'is_active', path)
  nullableRecordWith(person.department, `${path}.department`, ['name'])
  const manager = optionalRecord(person, 'manager', path)
  if (manager) identifier(manager, 'id', `${path}.manager`)
  return person as unknown as IndividualInDirectory
}

export interface BatchItem {
  id: string | null
  code: number
  body: unknown
}

/** Finch's batch answer: `responses: [{<idKey>, code, body}]`. */
export function checkBatch(body: unknown, what: string): unknown[] {
  const batch = record(body, what)
  const responses = list(batch, 'responses', what)
  if (!responses) throw new MalformedData(`${what}.responses`, 'a list')
  return responses
}

export function checkBatchItem(value: unknown, idKey: string, path: string): BatchItem {
  shallow(value, path)
  const item = record(value, path)
  const id = identifier(item, idKey, path)
  const code = item.code
  if (!Number.isSafeInteger(code)) throw new MalformedData(`${path}.code`, 'a status code')
  return { id, code: code as number, body: item.body }
}

/** A failed item's error body, reduced to Finch's names and a bounded message. */
export function itemFailure(body: unknown): {
  name: unknown
  finchCode: unknown
  message: unknown
} {
  const fields = isRecord(body) ? body : {}
  return { name: fields.name, finchCode: fields.finch_code, message: fields.message }
}

export function checkIndividual(value: unknown, path: string): IndividualBody {
  const person = record(value, path)
  identifier(person, 'id', path)
  texts(
    person,
    [
      'first_name',
      'middle_name',
      'last_name',
      'preferred_name',
      'dob',
      'gender',
      'ethnicity',
      'marital_status',
      'ssn',
      'encrypted_ssn',
    ],
    path,
  )
  listOf(person, 'emails', path, (email, emailPath) =>
    texts(record(email, emailPath), ['data', 'type'], emailPath),
  )
  listOf(person, 'phone_numbers', path, (phone, phonePath) =>
    nullableRecordWith(phone, phonePath, ['data', 'type']),
  )
  location(person.residence, `${path}.residence`)
  return person as unknown as IndividualBody
}

function income(value: unknown, path: string): void {
  if (value === null || value === undefined) return
  const fields = record(value, path)
  wholeAmount(fields, 'amount', path)
  texts(fields, ['currency', 'unit', 'effective_date'], path)
}

export function checkEmployment(value: unknown, path: string): EmploymentBody {
  const job = record(value, path)
  identifier(job, 'id', path)
  texts(
    job,
    [
      'first_name',
      'middle_name',
      'last_name',
      'title',
      'employment_status',
      'flsa_status',
      'class_code',
      'start_date',
      'end_date',
      'latest_rehire_date',
      'union_code',
      'union_local',
      'source_id',
      'work_id',
    ],
    path,
  )
  for (const key of ['is_active', 'highly_compensated_employee', 'key_employee']) {
    flag(job, key, path)
  }
  nullableRecordWith(job.department, `${path}.department`, ['name'])
  nullableRecordWith(job.employment, `${path}.employment`, ['type', 'subtype'])
  const manager = optionalRecord(job, 'manager', path)
  if (manager) identifier(manager, 'id', `${path}.manager`)
  location(job.location, `${path}.location`)
  income(job.income, `${path}.income`)
  listOf(job, 'income_history', path, income)
  listOf(job, 'custom_fields', path, (field, fieldPath) => {
    if (field !== null) text(record(field, fieldPath), 'name', fieldPath)
  })
  return job as unknown as EmploymentBody
}

export function checkPaymentList(body: unknown): unknown[] {
  if (!Array.isArray(body)) throw new MalformedData('payments', 'a list')
  return body
}

export function checkPayment(value: unknown, path: string): Payment {
  shallow(value, path)
  const payment = record(value, path)
  identifier(payment, 'id', path)
  texts(payment, ['pay_date', 'debit_date'], path)
  nullableRecordWith(payment.pay_period, `${path}.pay_period`, ['start_date', 'end_date'])
  for (const key of ['gross_pay', 'net_pay', 'employee_taxes', 'employer_taxes', 'company_debit']) {
    money(payment, key, path)
  }
  textList(payment, 'individual_ids', path)
  textList(payment, 'pay_group_ids', path)
  textList(payment, 'pay_frequencies', path)
  return payment as unknown as Payment
}

export interface StatementPageBody {
  count: number | null
  offset: number
  statements: unknown[]
}

export function checkStatementPage(value: unknown, path: string): StatementPageBody {
  shallow(value, path)
  const page = record(value, path)
  const paging = record(page.paging, `${path}.paging`)
  const statements = list(page, 'pay_statements', path)
  if (!statements) throw new MalformedData(`${path}.pay_statements`, 'a list')
  return {
    count: wholeNumber(paging, 'count', `${path}.paging`),
    offset: wholeNumber(paging, 'offset', `${path}.paging`) ?? 0,
    statements,
  }
}

const LINE_ARRAYS = ['earnings', 'taxes', 'employee_deductions', 'employer_contributions'] as const

export function checkStatement(value: unknown, path: string): PayStatement {
  const statement = record(value, path)
  identifier(statement, 'individual_id', path)
  texts(statement, ['type', 'payment_method'], path)
  finiteNumber(statement, 'total_hours', path)
  money(statement, 'gross_pay', path)
  money(statement, 'net_pay', path)
  for (const key of LINE_ARRAYS) {
    const lines = list(statement, key, path)
    if (!lines) continue
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]
      if (line === null) continue
      const linePath = `${path}.${key}[${index}]`
      const fields = record(line, linePath)
      texts(fields, ['name', 'type', 'currency'], linePath)
      wholeAmount(fields, 'amount', linePath)
      finiteNumber(fields, 'hours', linePath)
      flag(fields, 'pre_tax', linePath)
      flag(fields, 'employer', linePath)
      optionalRecord(fields, 'attributes', linePath)
    }
  }
  return statement as unknown as PayStatement
}

export function checkBenefits(body: unknown): CompanyBenefit[] {
  if (!Array.isArray(body)) throw new MalformedData('benefits', 'a list')
  return body.map((value, index) => {
    const path = `benefits[${index}]`
    shallow(value, path)
    const benefit = record(value, path)
    identifier(benefit, 'benefit_id', path)
    texts(benefit, ['type', 'description', 'frequency'], path)
    optionalRecord(benefit, 'company_contribution', path)
    return benefit as unknown as CompanyBenefit
  })
}

export function checkEnrollmentList(body: unknown, path: string): unknown[] {
  if (!Array.isArray(body)) throw new MalformedData(path, 'a list')
  return body
}

function amountConfiguration(fields: Fields, key: string, path: string): void {
  const value = optionalRecord(fields, key, path)
  if (!value) return
  text(value, 'type', `${path}.${key}`)
  wholeAmount(value, 'amount', `${path}.${key}`)
  listOf(value, 'tiers', `${path}.${key}`, (tier, tierPath) => {
    const fieldsOfTier = record(tier, tierPath)
    wholeAmount(fieldsOfTier, 'match', tierPath)
    wholeAmount(fieldsOfTier, 'threshold', tierPath)
  })
}

export function checkEnrollment(value: unknown, path: string): EnrollmentBody {
  shallow(value, path)
  const enrollment = record(value, path)
  wholeAmount(enrollment, 'annual_maximum', path)
  flag(enrollment, 'catch_up', path)
  text(enrollment, 'hsa_contribution_limit', path)
  amountConfiguration(enrollment, 'employee_deduction', path)
  amountConfiguration(enrollment, 'company_contribution', path)
  return enrollment as unknown as EnrollmentBody
}

export function checkPayGroupList(body: unknown): PayGroupListResponse[] {
  if (!Array.isArray(body)) throw new MalformedData('pay_groups', 'a list')
  return body.map((value, index) => {
    const path = `pay_groups[${index}]`
    const group = record(value, path)
    identifier(group, 'id', path)
    text(group, 'name', path)
    textList(group, 'pay_frequencies', path)
    return group as unknown as PayGroupListResponse
  })
}

export function checkPayGroup(body: unknown): PayGroupRecord {
  shallow(body, 'pay_group')
  const group = record(body, 'pay_group')
  identifier(group, 'id', 'pay_group')
  text(group, 'name', 'pay_group')
  textList(group, 'pay_frequencies', 'pay_group')
  textList(group, 'individual_ids', 'pay_group')
  return group as unknown as PayGroupRecord
}
