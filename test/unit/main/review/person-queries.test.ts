import type { PayStatement } from '@tryfinch/finch-api/resources/hris'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EmploymentBody, IndividualBody } from '../../../../src/main/cache/finch-rows'
import { readIndividualSsn } from '../../../../src/main/cache/individual-ssn'
import { PersonQueries, revealSsn } from '../../../../src/main/review/person-queries'
import { AppError } from '../../../../src/shared/app-error'
import { ANN, CONNECTION, beginLaterSync, openPayrollFixture } from './payroll-fixture'

const ANN_SSN = '123-45-6789'

const annIndividual = {
  id: 'ann',
  first_name: 'Ann',
  middle_name: 'Q',
  last_name: 'Able',
  preferred_name: 'Annie',
  dob: '1990-04-01',
  emails: [{ data: 'ann@work.example', type: 'work' }, null, { data: '=cmd', type: 'personal' }],
  phone_numbers: [{ data: '555-0100', type: 'work' }],
  residence: { line1: '1 Main St', city: 'Springfield', state: 'IL', postal_code: '62701' },
  ssn: ANN_SSN,
} as unknown as IndividualBody

const benIndividual = {
  id: 'ben',
  first_name: 'Ben',
  last_name: 'Baker',
  ssn: null,
} as unknown as IndividualBody

const annEmployment = {
  id: 'ann',
  first_name: 'Ann',
  last_name: 'Able',
  title: 'Head Baker',
  department: { name: 'Ovens' },
  manager: { id: 'ben' },
  employment: { type: 'employee', subtype: 'full_time' },
  is_active: true,
  start_date: '2020-02-03',
  end_date: null,
  class_code: 'B1',
  location: { line1: '9 Mill Rd', city: 'Springfield', state: 'IL', name: 'Bakery' },
  income: { amount: 5_200_000, currency: 'usd', unit: 'yearly', effective_date: '2024-01-01' },
  income_history: [
    { amount: 4_800_000, currency: 'usd', unit: 'yearly', effective_date: '2022-01-01' },
    null,
    { amount: 5_200_000, currency: 'usd', unit: 'yearly', effective_date: '2024-01-01' },
  ],
  custom_fields: [
    { name: 'Shift', value: 'Early' },
    { name: 'Badge', value: 42 },
  ],
} as unknown as EmploymentBody

describe('PersonQueries', () => {
  let fixture: ReturnType<typeof openPayrollFixture>
  let queries: PersonQueries

  beforeEach(() => {
    fixture = openPayrollFixture()
    // A second sync adds Finch's individual and employment records; payroll is carried.
    const staging = beginLaterSync(fixture.db, '2026-12-02T11:00:00.000Z')
    staging.writeIndividuals([annIndividual, benIndividual])
    staging.writeEmployments([annEmployment])
    staging.writePayments([
      {
        id: 'pay-mar',
        pay_date: '2025-03-14',
        individual_ids: ['ann'],
      } as never,
    ])
    staging.writeStatementPages([
      { paymentId: 'pay-mar', firstPosition: 0, statements: [ANN as PayStatement] },
    ])
    staging.swap(null, '2026-12-02T11:00:00.000Z')
    queries = new PersonQueries(fixture.db)
  })
  afterEach(() => fixture.close())

  it('reads a person’s records with the SSN masked to its last four digits', () => {
    const ann = queries.profile(CONNECTION, 'ann')

    expect(ann).toMatchObject({
      individualId: 'ann',
      firstName: 'Ann',
      middleName: 'Q',
      lastName: 'Able',
      preferredName: 'Annie',
      dob: '1990-04-01',
      emails: [
        { data: 'ann@work.example', type: 'work' },
        { data: '=cmd', type: 'personal' },
      ],
      phoneNumbers: [{ data: '555-0100', type: 'work' }],
      residence: { line1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701' },
      ssnLast4: '6789',
      canRevealSsn: true,
    })
    expect(JSON.stringify(ann)).not.toContain('123-45')
    expect(JSON.stringify(ann)).not.toContain('123456789')
  })

  it('reads the employment: job, manager by name, dates, location, income and its history', () => {
    const employment = queries.profile(CONNECTION, 'ann')?.employment

    expect(employment).toMatchObject({
      title: 'Head Baker',
      department: 'Ovens',
      managerId: 'ben',
      managerName: 'Ben <b>Baker</b>',
      employmentType: 'employee',
      employmentSubtype: 'full_time',
      isActive: true,
      startDate: '2020-02-03',
      endDate: null,
      classCode: 'B1',
      location: { line1: '9 Mill Rd', city: 'Springfield', name: 'Bakery' },
      income: {
        amountCents: 5_200_000,
        unit: 'yearly',
        currency: 'usd',
        effectiveDate: '2024-01-01',
      },
      customFields: [
        { name: 'Shift', value: 'Early' },
        { name: 'Badge', value: '42' },
      ],
    })
    expect(employment?.incomeHistory.map((income) => income.effectiveDate)).toEqual([
      '2024-01-01',
      '2022-01-01',
    ])
  })

  it('knows a person without Finch’s records from the directory, and nobody else', () => {
    const ben = queries.profile(CONNECTION, 'ben')

    expect(ben).toMatchObject({ ssnLast4: null, canRevealSsn: false })
    expect(ben?.employment).toMatchObject({ title: null, department: null })
    expect(queries.profile(CONNECTION, 'nobody')).toBeNull()
    expect(queries.profile('other-connection', 'ann')).toBeNull()
  })

  it('pages the person’s pay statements, newest pay date first', () => {
    const first = queries.payHistory({
      connectionId: CONNECTION,
      individualId: 'ann',
      offset: 0,
      limit: 1,
    })
    const second = queries.payHistory({
      connectionId: CONNECTION,
      individualId: 'ann',
      offset: 1,
      limit: 1,
    })

    expect(first.total).toBe(2)
    expect(first.rows).toEqual([
      expect.objectContaining({
        paymentId: 'pay-mar',
        payDate: '2025-03-14',
        grossPayCents: 400_000,
        netPayCents: 300_000,
        totalHours: 80,
      }),
    ])
    expect(second.rows.map((row) => row.payDate)).toEqual(['2025-01-17'])
    expect([...queries.payHistoryBatches(CONNECTION, 'ann', 1)].flat()).toHaveLength(2)
  })
})

describe('revealSsn', () => {
  let fixture: ReturnType<typeof openPayrollFixture>

  beforeEach(() => {
    fixture = openPayrollFixture()
    const staging = beginLaterSync(fixture.db, '2026-12-02T11:00:00.000Z')
    staging.writeIndividuals([annIndividual, benIndividual])
    staging.swap(null, '2026-12-02T11:00:00.000Z')
  })
  afterEach(() => fixture.close())

  function auditRows() {
    return fixture.db.prepare('SELECT * FROM audit_event ORDER BY id').all() as Record<
      string,
      unknown
    >[]
  }

  it('returns the full SSN and records who revealed whose, and when, without the number', () => {
    const revealed = revealSsn(fixture.db, {
      connectionId: CONNECTION,
      individualId: 'ann',
      actor: 'accountant-1',
      now: new Date('2026-12-04T09:30:00.000Z'),
    })

    expect(revealed).toEqual({
      individualId: 'ann',
      ssn: ANN_SSN,
      revealedAt: '2026-12-04T09:30:00.000Z',
    })
    expect(auditRows()).toEqual([
      expect.objectContaining({
        actor: 'accountant-1',
        action: 'reveal_ssn',
        connection_id: CONNECTION,
        subject: 'ann',
        occurred_at: '2026-12-04T09:30:00.000Z',
      }),
    ])
    expect(JSON.stringify(auditRows())).not.toContain('6789')
  })

  it('names the operating-system user when no actor is given', async () => {
    const { userInfo } = await import('node:os')

    revealSsn(fixture.db, { connectionId: CONNECTION, individualId: 'ann' })

    expect(auditRows()[0]?.actor).toBe(userInfo().username)
  })

  it('refuses, and records nothing, when the cache holds no full SSN', () => {
    const reveal = () => revealSsn(fixture.db, { connectionId: CONNECTION, individualId: 'ben' })

    expect(reveal).toThrow(AppError)
    expect(reveal).toThrow('no full SSN')
    expect(auditRows()).toEqual([])
  })

  it('reads only the live snapshot’s SSN', () => {
    const staging = beginLaterSync(fixture.db, '2026-12-03T11:00:00.000Z')
    staging.replacePeople('individual', ['ann'])
    staging.writeIndividuals([{ ...annIndividual, ssn: '987-65-4321' } as IndividualBody])

    expect(readIndividualSsn(fixture.db, CONNECTION, 'ann')).toBe(ANN_SSN)

    staging.swap(null, '2026-12-03T11:00:00.000Z')

    expect(readIndividualSsn(fixture.db, CONNECTION, 'ann')).toBe('987-65-4321')
  })
})
