/**
 * A tiny, hand-written company for the sandbox server's tests: three people, three payments,
 * one benefit and one pay group, with the scenario behaviours the tests need. It stands in for
 * the data generators so these tests pin the server's rules, not the generated data.
 */
import type {
  CompanyDataset,
  EmploymentRecord,
  EnrollmentBody,
  EnrollmentRecord,
  IndividualRecord,
  ScenarioBehaviour,
} from '../../../src/sandbox/data/dataset'
import type { PayStatement, Payment } from '@tryfinch/finch-api/resources/hris'

export const PEOPLE = {
  ada: '11111111-1111-4111-8111-111111111111',
  ben: '22222222-2222-4222-8222-222222222222',
  cleo: '33333333-3333-4333-8333-333333333333',
}

export const PAYMENTS = {
  january: 'aaaaaaaa-0001-4000-8000-000000000001',
  lateJanuary: 'aaaaaaaa-0002-4000-8000-000000000002',
  february: 'aaaaaaaa-0003-4000-8000-000000000003',
}

export const BENEFIT_401K = 'bbbbbbbb-0001-4000-8000-000000000001'
export const PAY_GROUP = 'cccccccc-0001-4000-8000-000000000001'
export const COMPANY_ID = 'dddddddd-0001-4000-8000-000000000001'

const NAMES: Record<string, [string, string]> = {
  [PEOPLE.ada]: ['Ada', 'Lovelace'],
  [PEOPLE.ben]: ['Ben', 'Okafor'],
  [PEOPLE.cleo]: ['Cleo', 'Martins'],
}

function individual(id: string): IndividualRecord {
  const [first, last] = NAMES[id]!
  return {
    id,
    first_name: first,
    middle_name: null,
    last_name: last,
    preferred_name: null,
    dob: '1990-04-01',
    gender: null,
    ethnicity: null,
    marital_status: null,
    emails: [{ data: `${first.toLowerCase()}@tiny.example`, type: 'work' }],
    phone_numbers: null,
    residence: null,
    ssn: '123-45-6789',
  }
}

function employment(id: string): EmploymentRecord {
  const [first, last] = NAMES[id]!
  return {
    id,
    first_name: first,
    middle_name: null,
    last_name: last,
    title: 'Engineer',
    class_code: null,
    department: { name: 'Engineering' },
    employment: { type: 'employee', subtype: 'full_time' },
    employment_status: 'active',
    end_date: null,
    start_date: '2020-01-01',
    flsa_status: 'exempt',
    highly_compensated_employee: null,
    is_active: true,
    key_employee: null,
    latest_rehire_date: null,
    location: null,
    manager: id === PEOPLE.ada ? null : { id: PEOPLE.ada },
    union_code: null,
    union_local: null,
    income: { amount: 9_000_000, currency: 'usd', unit: 'yearly', effective_date: '2020-01-01' },
  }
}

function payment(id: string, payDate: string): Payment {
  const money = (cents: number) => ({ amount: cents, currency: 'usd' })
  return {
    id,
    pay_date: payDate,
    debit_date: payDate,
    pay_period: { start_date: null, end_date: null },
    company_debit: money(1_200_000),
    gross_pay: money(1_000_000),
    net_pay: money(750_000),
    employer_taxes: money(80_000),
    employee_taxes: money(170_000),
    individual_ids: Object.values(PEOPLE),
    pay_frequencies: ['semi_monthly'],
    pay_group_ids: [PAY_GROUP],
  }
}

function statement(individualId: string): PayStatement {
  return {
    individual_id: individualId,
    type: 'regular_payroll',
    payment_method: 'direct_deposit',
    total_hours: 80,
    gross_pay: { amount: 333_333, currency: 'usd' },
    net_pay: { amount: 250_000, currency: 'usd' },
    earnings: [{ type: 'salary', name: 'Salary', amount: 333_333, currency: 'usd', hours: 80 }],
    taxes: [],
    employee_deductions: [],
    employer_contributions: [],
  }
}

const BEHAVIOURS: Record<string, ScenarioBehaviour> = {
  smallco: { pendingPayStatementIds: new Set([PAYMENTS.february]) },
  assisted: { assistedPendingRequests: 2 },
  reauth: { reauthenticateAfterRequests: 3 },
}

export function tinyDataset(scenario: string): CompanyDataset {
  const ids = Object.values(PEOPLE)
  const payments = [
    payment(PAYMENTS.january, '2024-01-15'),
    payment(PAYMENTS.lateJanuary, '2024-01-31'),
    payment(PAYMENTS.february, '2024-02-15'),
  ]
  const enrollment: EnrollmentBody = {
    annual_maximum: null,
    catch_up: false,
    employee_deduction: { type: 'percent', amount: 500 },
    company_contribution: { type: 'percent', amount: 300 },
  }
  const enrollments: EnrollmentRecord[] = [
    { individual_id: PEOPLE.ada, code: 200, body: enrollment },
  ]

  return {
    scenario,
    providerId: 'gusto',
    connectionType: 'provider',
    company: {
      id: COMPANY_ID,
      legal_name: `Tiny ${scenario} LLC`,
      entity: { type: 'llc', subtype: null },
      ein: '12-3456789',
      primary_email: null,
      primary_phone_number: null,
      departments: [{ name: 'Engineering', parent: null }],
      locations: null,
      accounts: null,
    },
    directory:
      scenario === 'empty'
        ? []
        : ids.map((id) => ({
            id,
            first_name: NAMES[id]![0],
            middle_name: null,
            last_name: NAMES[id]![1],
            department: { name: 'Engineering' },
            manager: id === PEOPLE.ada ? null : { id: PEOPLE.ada },
            is_active: true,
          })),
    individual: (id) => (ids.includes(id) ? individual(id) : undefined),
    employment: (id) => (ids.includes(id) ? employment(id) : undefined),
    payments,
    payStatements: (paymentId) =>
      payments.some((p) => p.id === paymentId) ? ids.map(statement) : undefined,
    benefits: [
      {
        benefit_id: BENEFIT_401K,
        type: '401k',
        description: 'Retirement plan',
        frequency: 'every_paycheck',
      },
    ],
    enrollments: (benefitId) => (benefitId === BENEFIT_401K ? enrollments : []),
    payGroups: [
      {
        id: PAY_GROUP,
        name: 'Semi-monthly',
        pay_frequencies: ['semi_monthly'],
        individual_ids: ids,
      },
    ],
    behaviour: BEHAVIOURS[scenario] ?? {},
  }
}
