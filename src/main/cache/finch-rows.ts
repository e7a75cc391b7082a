/**
 * Finch's objects as the column values of the cache's tables, in the order of the INSERTs in
 * `staging-snapshot.ts`. Objects arrive already checked (see `sync/finch-checks.ts`): money is
 * integer cents or null. Nulls stay null, booleans become 1/0, unknown type names stay as text,
 * and each row keeps Finch's whole object as JSON beside its typed columns.
 */
import type {
  Company,
  CompanyBenefit,
  EmploymentData,
  Individual,
  IndividualInDirectory,
  Location,
  Money,
  PayStatement,
  Payment,
} from '@tryfinch/finch-api/resources/hris'
import type { IndividualBenefit } from '@tryfinch/finch-api/resources/hris/benefits'
import type { PayGroupRetrieveResponse } from '@tryfinch/finch-api/resources/payroll'
import type { CompanyLocation } from '../../shared/domain'

export type SqlValue = string | number | null
export type IndividualBody = Individual.IndividualResponseBody
export type EmploymentBody = EmploymentData.EmploymentDataResponseBody
export type EnrollmentBody = IndividualBenefit.IndividualBenefit
/** A pay group from the list, with its members when the group itself could be read. */
export type PayGroupRecord = Omit<PayGroupRetrieveResponse, 'individual_ids'> & {
  individual_ids: string[] | null
}

export function flag(value: boolean | null | undefined): number | null {
  if (value === null || value === undefined) return null
  return value ? 1 : 0
}

function text(value: string | null | undefined): string | null {
  return value ?? null
}

function jsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value)
}

function cents(money: Money | null | undefined): number | null {
  return money?.amount ?? null
}

function currency(money: Money | null | undefined): string | null {
  return money?.currency ?? null
}

export function companyRow(company: Company, retrievedAt: string): SqlValue[] {
  const locations: CompanyLocation[] = (company.locations ?? []).filter(Boolean).map((l) => ({
    line1: l?.line1 ?? null,
    line2: l?.line2 ?? null,
    city: l?.city ?? null,
    state: l?.state ?? null,
    postalCode: l?.postal_code ?? null,
    country: l?.country ?? null,
  }))
  // Only the last four digits of an account number are kept outside raw_json.
  const accounts = (company.accounts ?? []).map((a) => ({
    accountName: a.account_name ?? null,
    institutionName: a.institution_name ?? null,
    accountType: a.account_type ?? null,
    last4: a.account_number ? a.account_number.slice(-4) : null,
  }))
  const departments = (company.departments ?? [])
    .map((d) => d?.name)
    .filter((name): name is string => !!name)
  return [
    text(company.legal_name),
    text(company.ein),
    text(company.entity?.type),
    text(company.entity?.subtype),
    text(company.primary_email),
    text(company.primary_phone_number),
    JSON.stringify(departments),
    JSON.stringify(locations),
    JSON.stringify(accounts),
    JSON.stringify(company),
    retrievedAt,
  ]
}

export function directoryRow(person: IndividualInDirectory, position: number): SqlValue[] {
  return [
    person.id,
    position,
    text(person.first_name),
    text(person.middle_name),
    text(person.last_name),
    text(person.department?.name),
    text(person.manager?.id),
    flag(person.is_active),
    JSON.stringify(person),
  ]
}

export function individualRow(body: IndividualBody): SqlValue[] {
  const { ssn, encrypted_ssn: encryptedSsn, ...rest } = body
  const digits = ssn ? ssn.replace(/\D/g, '') : ''
  return [
    body.id,
    text(body.first_name),
    text(body.middle_name),
    text(body.last_name),
    text(body.preferred_name),
    text(body.dob),
    text(body.gender),
    text(body.ethnicity),
    text(body.marital_status),
    jsonOrNull(body.emails),
    jsonOrNull(body.phone_numbers),
    jsonOrNull(body.residence),
    text(ssn),
    text(encryptedSsn),
    digits.length >= 4 ? digits.slice(-4) : null,
    encryptedSsn ? 1 : 0,
    JSON.stringify(rest),
  ]
}

function locationColumns(location: Location | null | undefined): SqlValue[] {
  return [
    text(location?.line1),
    text(location?.line2),
    text(location?.city),
    text(location?.state),
    text(location?.postal_code),
    text(location?.country),
    text(location?.name),
    text(location?.source_id),
  ]
}

export function employmentRow(body: EmploymentBody): SqlValue[] {
  return [
    body.id,
    text(body.first_name),
    text(body.middle_name),
    text(body.last_name),
    text(body.title),
    text(body.department?.name),
    text(body.manager?.id),
    text(body.employment?.type),
    text(body.employment?.subtype),
    text(body.employment_status),
    text(body.flsa_status),
    text(body.class_code),
    flag(body.is_active),
    text(body.start_date),
    text(body.end_date),
    text(body.latest_rehire_date),
    ...locationColumns(body.location),
    body.income?.amount ?? null,
    text(body.income?.currency),
    text(body.income?.unit),
    text(body.income?.effective_date),
    flag(body.highly_compensated_employee),
    flag(body.key_employee),
    text(body.union_code),
    text(body.union_local),
    text(body.source_id),
    text(body.work_id),
    jsonOrNull(body.custom_fields),
    JSON.stringify(body),
  ]
}

/** [position, amount_cents, currency, unit, effective_date] per non-null history entry. */
export function incomeHistoryRows(body: EmploymentBody): SqlValue[][] {
  const rows: SqlValue[][] = []
  ;(body.income_history ?? []).forEach((income, position) => {
    if (!income) return
    rows.push([
      position,
      income.amount ?? null,
      text(income.currency),
      text(income.unit),
      text(income.effective_date),
    ])
  })
  return rows
}

/** [position, name, value_json] per custom field. */
export function customFieldRows(body: EmploymentBody): SqlValue[][] {
  return (body.custom_fields ?? []).map((field, position) => [
    position,
    text(field?.name),
    field && 'value' in field ? JSON.stringify(field.value ?? null) : null,
  ])
}

export function paymentRow(payment: Payment): SqlValue[] {
  const { individual_ids: individualIds, ...rest } = payment
  return [
    payment.id,
    text(payment.pay_date),
    text(payment.debit_date),
    text(payment.pay_period?.start_date),
    text(payment.pay_period?.end_date),
    cents(payment.gross_pay),
    currency(payment.gross_pay),
    cents(payment.net_pay),
    currency(payment.net_pay),
    cents(payment.employee_taxes),
    currency(payment.employee_taxes),
    cents(payment.employer_taxes),
    currency(payment.employer_taxes),
    cents(payment.company_debit),
    currency(payment.company_debit),
    individualIds?.length ?? null,
    jsonOrNull(individualIds),
    jsonOrNull(payment.pay_group_ids),
    jsonOrNull(payment.pay_frequencies),
    JSON.stringify(rest),
  ]
}

/** The line arrays of a statement and the `kind` their rows carry. */
export const LINE_KINDS = [
  ['earnings', 'earning'],
  ['taxes', 'tax'],
  ['employee_deductions', 'employee_deduction'],
  ['employer_contributions', 'employer_contribution'],
] as const

export type LineArrayKey = (typeof LINE_KINDS)[number][0]

/** The keys each line kind knows; anything else Finch adds lands in the row's `extra_json`. */
const KNOWN_LINE_KEYS = new Set([
  'name',
  'type',
  'amount',
  'currency',
  'hours',
  'pre_tax',
  'employer',
  'attributes',
])

/** The statement's own fields: its line arrays are left out unless they are null. */
export function statementRow(statement: PayStatement, position: number): SqlValue[] {
  const own: Record<string, unknown> = {}
  for (const key in statement) {
    const value = (statement as unknown as Record<string, unknown>)[key]
    if (
      value !== null &&
      (key === 'earnings' ||
        key === 'taxes' ||
        key === 'employee_deductions' ||
        key === 'employer_contributions')
    ) {
      continue
    }
    own[key] = value
  }
  return [
    statement.individual_id,
    position,
    text(statement.type),
    text(statement.payment_method),
    statement.total_hours ?? null,
    cents(statement.gross_pay),
    currency(statement.gross_pay),
    cents(statement.net_pay),
    currency(statement.net_pay),
    JSON.stringify(own),
  ]
}

type AnyLine = Record<string, unknown> & {
  name?: string | null
  type?: string | null
  amount?: number | null
  currency?: string | null
  hours?: number | null
  pre_tax?: boolean | null
  employer?: boolean | null
  attributes?: unknown
}

/**
 * Calls `emit` with [kind, position, name, type, amount_cents, currency, hours, pre_tax,
 * employer, attributes_json, extra_json, is_null_entry] for every line of the statement.
 */
export function forEachLineRow(statement: PayStatement, emit: (values: SqlValue[]) => void): void {
  for (const [key, kind] of LINE_KINDS) {
    const lines = statement[key] as readonly (AnyLine | null)[] | null | undefined
    if (!lines) continue
    for (let position = 0; position < lines.length; position++) {
      const line = lines[position]
      if (line === null || line === undefined) {
        emit([kind, position, null, null, null, null, null, null, null, null, null, 1])
        continue
      }
      emit([
        kind,
        position,
        text(line.name),
        text(line.type),
        line.amount ?? null,
        text(line.currency),
        line.hours ?? null,
        flag(line.pre_tax),
        flag(line.employer),
        jsonOrNull(line.attributes),
        extraJson(line),
        0,
      ])
    }
  }
}

function extraJson(line: AnyLine): string | null {
  let extra: Record<string, unknown> | null = null
  for (const key in line) {
    if (KNOWN_LINE_KEYS.has(key)) continue
    extra ??= {}
    extra[key] = line[key]
  }
  return extra ? JSON.stringify(extra) : null
}

export function benefitRow(benefit: CompanyBenefit): SqlValue[] {
  return [
    benefit.benefit_id,
    text(benefit.type),
    text(benefit.description),
    text(benefit.frequency),
    jsonOrNull(benefit.company_contribution),
    JSON.stringify(benefit),
  ]
}

interface AmountConfiguration {
  type?: unknown
  amount?: unknown
  tiers?: unknown
}

/** Fixed amounts are cents and percentages basis points; an unknown type keeps only raw_json. */
function amountColumns(configuration: AmountConfiguration | null | undefined): SqlValue[] {
  const type = typeof configuration?.type === 'string' ? configuration.type : null
  const amount = typeof configuration?.amount === 'number' ? configuration.amount : null
  return [type, type === 'fixed' ? amount : null, type === 'percent' ? amount : null]
}

export function enrollmentRow(
  benefitId: string,
  individualId: string,
  body: EnrollmentBody,
): SqlValue[] {
  const contribution = body.company_contribution as AmountConfiguration | null
  return [
    benefitId,
    individualId,
    ...amountColumns(body.employee_deduction),
    ...amountColumns(contribution),
    contribution && contribution.tiers !== undefined ? JSON.stringify(contribution.tiers) : null,
    body.annual_maximum ?? null,
    flag(body.catch_up),
    text(body.hsa_contribution_limit),
    JSON.stringify(body),
  ]
}

export function payGroupRow(group: PayGroupRecord): SqlValue[] {
  return [
    group.id,
    text(group.name),
    jsonOrNull(group.pay_frequencies),
    group.individual_ids?.length ?? null,
    jsonOrNull(group.individual_ids),
    JSON.stringify(group),
  ]
}
