import type { PayStatement } from '@tryfinch/finch-api/resources/hris'
import type { BenefitType } from '@tryfinch/finch-api/resources/hris/benefits'
import { describe, expect, it } from 'vitest'

import type { CompanyDataset, ScenarioName } from '../../../src/sandbox/data'
import { createScenario, DEFAULT_TODAY, SCENARIO_NAMES } from '../../../src/sandbox/data'
import { datasetSnapshot } from './dataset-snapshot'

const EARNING_TYPES = [
  'salary',
  'wage',
  'reimbursement',
  'overtime',
  'severance',
  'double_overtime',
  'pto',
  'sick',
  'bonus',
  'commission',
  'tips',
  '1099',
  'other',
] as const satisfies readonly NonNullable<PayStatement.Earning['type']>[]

const TAX_TYPES = ['state', 'federal', 'local', 'fica'] as const satisfies readonly NonNullable<
  PayStatement.Tax['type']
>[]

const BENEFIT_TYPES = [
  '457',
  '401k',
  '401k_roth',
  '401k_loan',
  '403b',
  '403b_roth',
  '457_roth',
  'commuter',
  'custom_post_tax',
  'custom_pre_tax',
  'fsa_dependent_care',
  'fsa_medical',
  'hsa_post',
  'hsa_pre',
  's125_dental',
  's125_medical',
  's125_vision',
  'simple',
  'simple_ira',
] as const satisfies readonly NonNullable<BenefitType>[]

function allStatements(dataset: CompanyDataset): { paymentId: string; statement: PayStatement }[] {
  return dataset.payments.flatMap((payment) =>
    (dataset.payStatements(payment.id) ?? []).map((statement) => ({
      paymentId: payment.id,
      statement,
    })),
  )
}

function employeeTax(statement: PayStatement, name: string, employer: boolean): number | undefined {
  return (
    statement.taxes?.find((tax) => tax.name === name && tax.employer === employer)?.amount ??
    undefined
  )
}

const largeco = createScenario('largeco')
const largecoStatements = allStatements(largeco)

describe('createScenario', () => {
  it('builds byte-identical datasets from the same seed', () => {
    const first = datasetSnapshot(createScenario('largeco', { seed: 99 }))

    const second = datasetSnapshot(createScenario('largeco', { seed: 99 }))

    expect(second).toBe(first)
  })

  it('builds different datasets from different seeds', () => {
    const first = datasetSnapshot(createScenario('assisted', { seed: 1 }))

    const second = datasetSnapshot(createScenario('assisted', { seed: 2 }))

    expect(second).not.toBe(first)
  })

  it('knows every scenario the Connect page offers', () => {
    const datasets = SCENARIO_NAMES.map((name) => createScenario(name, { people: 30, payRuns: 6 }))

    expect(SCENARIO_NAMES).toEqual([
      'smallco',
      'largeco',
      'assisted',
      'reauth',
      'empty',
      'hostile',
      'scale',
      'discrepancies',
      'moveco-old',
      'moveco-new',
    ])
    expect(datasets.map((dataset) => dataset.scenario)).toEqual([...SCENARIO_NAMES])
  })

  it('refuses unknown names and sizes outside the supported range', () => {
    const unknown = () => createScenario('megaco' as ScenarioName)
    const tooMany = () => createScenario('scale', { people: 10_001 })
    const noRuns = () => createScenario('scale', { payRuns: 0 })
    const tooManyRuns = () => createScenario('largeco', { payRuns: 53 })

    expect(unknown).toThrow(RangeError)
    expect(tooMany).toThrow(RangeError)
    expect(noRuns).toThrow(RangeError)
    expect(tooManyRuns).toThrow(RangeError)
  })

  it('pays nothing after the given today', () => {
    const today = new Date('2025-06-30T18:00:00Z')

    const dataset = createScenario('largeco', { today, people: 40 })

    const payDates = dataset.payments.map((payment) => payment.pay_date ?? '')
    expect(payDates.every((date) => date <= '2025-06-30')).toBe(true)
    expect(payDates.at(-1)! >= '2025-06-15').toBe(true)
  })
})

describe('the smallco scenario', () => {
  it('has one employee paid in a few regular runs', () => {
    const dataset = createScenario('smallco')

    const statements = allStatements(dataset)

    expect(dataset.directory).toHaveLength(1)
    expect(dataset.payments).toHaveLength(6)
    expect(statements).toHaveLength(6)
    expect(statements.every(({ statement }) => statement.type === 'regular_payroll')).toBe(true)
  })
})

describe('the largeco scenario', () => {
  it('has about 120 people with the same ids in directory, individual and employment', () => {
    const ids = largeco.directory.map((entry) => entry.id)

    const individualIds = ids.map((id) => largeco.individual(id)?.id)
    const employmentIds = ids.map((id) => largeco.employment(id)?.id)

    expect(ids).toHaveLength(120)
    expect(new Set(ids).size).toBe(120)
    expect(individualIds).toEqual(ids)
    expect(employmentIds).toEqual(ids)
  })

  it('has one top executive and managers who exist, with no cycles', () => {
    const managerOf = new Map(
      largeco.directory.map((entry) => [entry.id, entry.manager?.id ?? null]),
    )

    const depths = [...managerOf.keys()].map((id) => {
      const seen = new Set<string>()
      let current: string | null = id
      while (current !== null) {
        if (seen.has(current)) return Number.POSITIVE_INFINITY
        seen.add(current)
        expect(managerOf.has(current)).toBe(true)
        current = managerOf.get(current) ?? null
      }
      return seen.size
    })

    expect(largeco.directory.filter((entry) => entry.manager === null)).toHaveLength(1)
    expect(depths.every(Number.isFinite)).toBe(true)
    expect(Math.max(...depths)).toBeGreaterThanOrEqual(4)
    for (const entry of largeco.directory) {
      expect(largeco.employment(entry.id)?.manager?.id ?? null).toBe(entry.manager?.id ?? null)
    }
  })

  it('places people in the company’s departments and locations', () => {
    const departments = new Set(largeco.company.departments?.map((department) => department?.name))
    const locations = new Set(largeco.company.locations?.map((location) => location?.name))

    const employments = largeco.directory.map((entry) => largeco.employment(entry.id)!)

    const usedDepartments = new Set(employments.flatMap((record) => record.department?.name ?? []))
    const usedLocations = new Set(employments.flatMap((record) => record.location?.name ?? []))
    expect(usedDepartments.size).toBeGreaterThanOrEqual(8)
    expect([...usedDepartments].every((name) => departments.has(name))).toBe(true)
    expect(usedLocations.size).toBeGreaterThanOrEqual(4)
    expect([...usedLocations].every((name) => locations.has(name))).toBe(true)
  })

  it('has hires and terminations within its two years of history', () => {
    const employments = largeco.directory.map((entry) => largeco.employment(entry.id)!)

    const hires = employments.filter((record) => (record.start_date ?? '') >= '2024-11-30')
    const leavers = employments.filter((record) => record.end_date !== null)

    expect(hires.length).toBeGreaterThanOrEqual(10)
    expect(leavers.length).toBeGreaterThanOrEqual(5)
    for (const leaver of leavers) {
      expect(leaver.is_active).toBe(false)
      expect(['terminated', 'retired']).toContain(leaver.employment_status)
    }
  })

  it('pays hourly staff by the hour with overtime and salaried staff a salary without hours', () => {
    const earnings = largecoStatements.flatMap(({ statement }) => statement.earnings ?? [])

    const wages = earnings.filter((line) => line?.type === 'wage')
    const overtime = earnings.filter((line) => line?.type === 'overtime')
    const salaried = largecoStatements.filter(({ statement }) =>
      statement.earnings?.some((line) => line?.type === 'salary'),
    )

    expect(wages.length).toBeGreaterThan(100)
    expect(wages.every((line) => (line?.hours ?? 0) > 0)).toBe(true)
    expect(overtime.length).toBeGreaterThan(20)
    expect(overtime.every((line) => (line?.hours ?? 0) > 0)).toBe(true)
    expect(salaried.length).toBeGreaterThan(100)
    expect(salaried.every(({ statement }) => statement.total_hours === null)).toBe(true)
  })

  it('runs a biweekly and a semimonthly pay group for two years up to today', () => {
    const groupIds = new Set(largeco.payGroups.map((group) => group.id))

    const frequencies = largeco.payGroups.flatMap((group) => group.pay_frequencies)
    const payDates = largeco.payments.map((payment) => payment.pay_date ?? '')

    expect(frequencies.sort()).toEqual(['bi_weekly', 'semi_monthly'])
    expect(
      largeco.payments.every((payment) => payment.pay_group_ids?.every((id) => groupIds.has(id))),
    ).toBe(true)
    expect(payDates[0]! >= '2024-11-30').toBe(true)
    expect(payDates[0]! <= '2024-12-20').toBe(true)
    expect(payDates.at(-1)).toBe(DEFAULT_TODAY)
    expect([...payDates].sort()).toEqual(payDates)
  })

  it('has off-cycle bonus runs, severance and varied earnings', () => {
    const types = new Set(
      largecoStatements.flatMap(({ statement }) => statement.earnings?.map((line) => line?.type)),
    )

    const bonusRuns = largecoStatements.filter(
      ({ statement }) =>
        statement.type === 'off_cycle_payroll' &&
        statement.earnings?.every((line) => line?.type === 'bonus'),
    )
    const severance = largecoStatements.filter(
      ({ statement }) => statement.type === 'one_time_payment',
    )

    expect(bonusRuns.length).toBeGreaterThan(50)
    expect(severance.length).toBeGreaterThan(0)
    for (const type of [
      'salary',
      'wage',
      'overtime',
      'bonus',
      'commission',
      'reimbursement',
      'pto',
    ]) {
      expect(types).toContain(type)
    }
  })

  it('reverses one earlier statement with every amount negated', () => {
    const reversals = largeco.payments.filter((payment) => (payment.gross_pay?.amount ?? 0) < 0)

    const [reversal] = reversals
    const [reversed] = largeco.payStatements(reversal!.id)!
    const original = largecoStatements.find(
      ({ paymentId, statement }) =>
        paymentId !== reversal!.id &&
        statement.individual_id === reversed!.individual_id &&
        statement.gross_pay?.amount === -(reversed!.gross_pay?.amount ?? 0),
    )

    expect(reversals).toHaveLength(1)
    expect(reversal!.net_pay!.amount).toBeLessThan(0)
    expect(reversal!.company_debit!.amount).toBeLessThan(0)
    expect(original).toBeDefined()
    expect(reversed!.net_pay!.amount).toBe(-original!.statement.net_pay!.amount!)
    expect(reversed!.taxes!.map((tax) => tax.amount)).toEqual(
      original!.statement.taxes!.map((tax) => -tax.amount!),
    )
  })

  it('uses only the earning, tax and benefit types the SDK documents', () => {
    const earningTypes = new Set<unknown>(
      largecoStatements.flatMap(({ statement }) => statement.earnings?.map((line) => line?.type)),
    )
    const taxTypes = new Set<unknown>(
      largecoStatements.flatMap(({ statement }) => statement.taxes?.map((tax) => tax.type)),
    )
    const deductionTypes = new Set<unknown>(
      largecoStatements.flatMap(({ statement }) => [
        ...(statement.employee_deductions ?? []).map((line) => line.type),
        ...(statement.employer_contributions ?? []).map((line) => line.type),
      ]),
    )

    expect(
      [...earningTypes].every((type) => (EARNING_TYPES as readonly unknown[]).includes(type)),
    ).toBe(true)
    expect([...taxTypes].sort()).toEqual([...TAX_TYPES].sort())
    expect(
      [...deductionTypes].every(
        (type) => type === null || (BENEFIT_TYPES as readonly unknown[]).includes(type),
      ),
    ).toBe(true)
  })

  it('taxes employees federally, by state, locally and for FICA, and the employer too', () => {
    const taxNames = new Set(
      largecoStatements.flatMap(({ statement }) =>
        (statement.taxes ?? []).map(
          (tax) => `${tax.employer ? 'employer' : 'employee'}:${tax.name}`,
        ),
      ),
    )

    for (const name of [
      'employee:Federal Income Tax',
      'employee:Social Security',
      'employee:Medicare',
      'employee:CA State Income Tax',
      'employee:NY State Income Tax',
      'employee:Philadelphia Wage Tax',
      'employer:Social Security',
      'employer:Medicare',
      'employer:FUTA',
      'employer:CA SUI',
    ]) {
      expect(taxNames).toContain(name)
    }
  })

  it("matches each employee's Social Security and Medicare to the cent as employer", () => {
    const withFica = largecoStatements.filter(
      ({ statement }) => employeeTax(statement, 'Medicare', false) !== undefined,
    )

    const unmatched = withFica.filter(
      ({ statement }) =>
        employeeTax(statement, 'Social Security', false) !==
          employeeTax(statement, 'Social Security', true) ||
        employeeTax(statement, 'Medicare', false) !== employeeTax(statement, 'Medicare', true),
    )

    expect(withFica.length).toBeGreaterThan(4_000)
    expect(unmatched).toEqual([])
  })

  it('deducts only benefits the individual is enrolled in, pre-tax and post-tax', () => {
    const enrolled = new Set(
      largeco.benefits.flatMap((benefit) =>
        largeco
          .enrollments(benefit.benefit_id)
          .map((record) => `${record.individual_id}:${benefit.type}`),
      ),
    )

    const deductions = largecoStatements.flatMap(({ statement }) =>
      (statement.employee_deductions ?? []).map((line) => ({
        line,
        individual: statement.individual_id,
      })),
    )
    const unenrolled = deductions.filter(
      ({ line, individual }) => line.type !== null && !enrolled.has(`${individual}:${line.type}`),
    )

    expect(unenrolled).toEqual([])
    expect(deductions.some(({ line }) => line.pre_tax === true && line.type === '401k')).toBe(true)
    expect(
      deductions.some(({ line }) => line.pre_tax === true && line.type === 's125_medical'),
    ).toBe(true)
    expect(deductions.some(({ line }) => line.pre_tax === false)).toBe(true)
    expect(
      largecoStatements.some(({ statement }) =>
        statement.employer_contributions?.some((line) => line.name === '401(k) Match'),
      ),
    ).toBe(true)
  })

  it('has benefits whose enrollments belong to people in the directory', () => {
    const ids = new Set(largeco.directory.map((entry) => entry.id))

    const owners = largeco.benefits.flatMap((benefit) =>
      largeco.enrollments(benefit.benefit_id).map((record) => record.individual_id),
    )

    expect(largeco.benefits.length).toBeGreaterThanOrEqual(8)
    expect(owners.length).toBeGreaterThan(150)
    expect(owners.every((owner) => owner !== undefined && ids.has(owner))).toBe(true)
  })

  it('holds personal data: SSNs, birth dates, emails, phone numbers and residences', () => {
    const individuals = largeco.directory.map((entry) => largeco.individual(entry.id)!)

    expect(individuals.every((person) => /^9\d\d-[1-4]\d-\d{4}$/.test(person.ssn ?? ''))).toBe(true)
    expect(individuals.filter((person) => person.dob !== null).length).toBeGreaterThan(100)
    expect(individuals.filter((person) => person.emails?.length).length).toBeGreaterThan(100)
    expect(
      individuals.filter((person) => person.phone_numbers?.[0]?.data?.startsWith('+1')).length,
    ).toBeGreaterThan(100)
    expect(individuals.every((person) => person.residence?.state?.length === 2)).toBe(true)
  })

  it('records incomes with a history that ends at the current income', () => {
    const employments = largeco.directory.map((entry) => largeco.employment(entry.id)!)

    const withHistory = employments.filter((record) => (record.income_history?.length ?? 0) > 1)

    expect(withHistory.length).toBeGreaterThan(60)
    for (const record of withHistory) {
      expect(record.income_history?.at(-1)).toEqual(record.income)
    }
  })

  it('leaves some nullable fields null, as real providers do', () => {
    const entries = largeco.directory
    const employments = entries.map((entry) => largeco.employment(entry.id)!)

    expect(entries.some((entry) => entry.middle_name === null)).toBe(true)
    expect(entries.some((entry) => entry.department === null)).toBe(true)
    expect(employments.some((record) => record.class_code === null)).toBe(true)
    expect(employments.some((record) => record.location === null)).toBe(true)
    expect(largecoStatements.some(({ statement }) => statement.total_hours === null)).toBe(true)
    expect(
      largecoStatements.some(({ statement }) =>
        statement.employee_deductions?.some((line) => line.type === null),
      ),
    ).toBe(true)
  })
})

describe('the assisted scenario', () => {
  it('is an assisted connection whose data and newest statements are still pending', () => {
    const dataset = createScenario('assisted')

    const paymentIds = new Set(dataset.payments.map((payment) => payment.id))
    const pending = [...(dataset.behaviour.pendingPayStatementIds ?? [])]

    expect(dataset.connectionType).toBe('finch')
    expect(dataset.behaviour.assistedPendingRequests).toBeGreaterThan(0)
    expect(pending.length).toBeGreaterThan(0)
    expect(pending.every((id) => paymentIds.has(id))).toBe(true)
    expect(dataset.directory.length).toBe(25)
  })
})

describe('the reauth scenario', () => {
  it('asks the employer to log in again after a few data requests', () => {
    const dataset = createScenario('reauth')

    const cutOff = dataset.behaviour.reauthenticateAfterRequests

    expect(cutOff).toBeGreaterThan(0)
    expect(dataset.payments.length).toBeGreaterThan(0)
  })
})

describe('the empty scenario', () => {
  it('has a company but no people, payments, benefits or pay groups', () => {
    const dataset = createScenario('empty')

    const statements = dataset.payStatements('00000000-0000-4000-8000-000000000000')

    expect(dataset.company.legal_name).toBeTruthy()
    expect(dataset.directory).toEqual([])
    expect(dataset.payments).toEqual([])
    expect(dataset.benefits).toEqual([])
    expect(dataset.payGroups).toEqual([])
    expect(statements).toBeUndefined()
  })
})

describe('the hostile scenario', () => {
  const hostile = createScenario('hostile')
  const statements = allStatements(hostile)
  const employments = hostile.directory.map((entry) => hostile.employment(entry.id)!)

  it('puts markup, formulas, long and non-Latin text in names', () => {
    const names = hostile.directory.flatMap((entry) => [
      entry.first_name,
      entry.middle_name,
      entry.last_name,
    ])

    expect(names.some((name) => name?.includes('<script>'))).toBe(true)
    expect(names.some((name) => name?.includes('onerror='))).toBe(true)
    expect(names.some((name) => name?.startsWith('=HYPERLINK('))).toBe(true)
    expect(names.some((name) => name?.startsWith('+'))).toBe(true)
    expect(names.some((name) => name?.startsWith('-2+3'))).toBe(true)
    expect(names.some((name) => name?.startsWith('@'))).toBe(true)
    expect(names.some((name) => name?.startsWith('\t'))).toBe(true)
    expect(names.some((name) => name?.startsWith('\r'))).toBe(true)
    expect(names.some((name) => name?.length === 5_000)).toBe(true)
    expect(names.some((name) => name?.includes('\u202E'))).toBe(true)
    expect(names.some((name) => /[\u0600-\u06FF]/.test(name ?? ''))).toBe(true)
    expect(names.some((name) => /[\u4E00-\u9FFF]/.test(name ?? ''))).toBe(true)
    expect(names.some((name) => /\p{Extended_Pictographic}/u.test(name ?? ''))).toBe(true)
    expect(names.some((name) => name?.includes('"') && name.includes("'"))).toBe(true)
    expect(names.some((name) => name?.includes('\\'))).toBe(true)
  })

  it('puts hostile text in titles, departments, locations and earnings names', () => {
    const titles = employments.map((record) => record.title ?? '')
    const departments = hostile.company.departments ?? []
    const locations = hostile.company.locations ?? []
    const earningNames = statements.flatMap(({ statement }) =>
      (statement.earnings ?? []).map((line) => line?.name ?? ''),
    )

    expect(titles.some((title) => title.includes('<script>'))).toBe(true)
    expect(titles.some((title) => title.length > 4_000)).toBe(true)
    expect(departments.some((department) => department?.name?.startsWith('=HYPERLINK('))).toBe(true)
    expect(locations.some((location) => location?.name?.includes('<script>'))).toBe(true)
    expect(locations.some((location) => location?.name?.length === 5_000)).toBe(true)
    expect(earningNames).toContain('<b>Salary</b>')
    expect(earningNames.some((name) => name.startsWith('=HYPERLINK('))).toBe(true)
  })

  it('leaves null entries where Finch allows them inside arrays', () => {
    const earnings = statements.flatMap(({ statement }) => statement.earnings ?? [])

    const nullEarnings = earnings.filter((line) => line === null)

    expect(nullEarnings.length).toBeGreaterThan(0)
    expect(hostile.company.departments).toContain(null)
    expect(hostile.company.locations).toContain(null)
  })

  it('adds one earning type Finch does not document', () => {
    const types = new Set(
      statements.flatMap(({ statement }) => (statement.earnings ?? []).map((line) => line?.type)),
    )

    const undocumented = [...types].filter(
      (type) =>
        type !== null && type !== undefined && !(EARNING_TYPES as readonly string[]).includes(type),
    )

    expect(undocumented).toEqual(['retro_pay'])
  })
})

describe('the scale scenario', () => {
  it('has the requested headcount and number of pay runs', () => {
    const dataset = createScenario('scale', { people: 40, payRuns: 3 })

    const regular = dataset.payments.filter((payment) =>
      dataset.payStatements(payment.id)?.every((statement) => statement.type === 'regular_payroll'),
    )

    expect(dataset.directory).toHaveLength(40)
    expect(regular).toHaveLength(3)
    expect(dataset.payGroups).toHaveLength(1)
  })
})

describe('salaries at any size', () => {
  it('pays every salaried person of a large company a plausible yearly salary', () => {
    const dataset = createScenario('scale', { people: 3_000, payRuns: 1 })

    const salariesCents = dataset.directory.flatMap((entry) => {
      const income = dataset.employment(entry.id)?.income
      return income?.unit === 'yearly' ? [income.amount ?? 0] : []
    })

    expect(salariesCents.length).toBeGreaterThan(1_500)
    expect(Math.min(...salariesCents)).toBeGreaterThanOrEqual(3_000_000)
    expect(Math.max(...salariesCents)).toBeLessThanOrEqual(40_000_000)
  })
})
