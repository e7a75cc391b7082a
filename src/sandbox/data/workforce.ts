/**
 * Turns a company plan into people: the company object, every individual's personal, employment
 * and directory records in Finch's shapes, their benefit elections, and the pay facts the
 * statement generator needs (rates over time, tax jurisdiction, pay group, payment method).
 */
import type {
  Company,
  CompanyBenefit,
  Income,
  IndividualInDirectory,
  Location,
  PayStatement,
} from '@tryfinch/finch-api/resources/hris'
import type { PayGroupRetrieveResponse } from '@tryfinch/finch-api/resources/payroll'
import type { Election, WorkerEnrollment } from './benefit-plans'
import { electBenefits, garnishment, offerBenefits } from './benefit-plans'
import { addDays, isoDate, maxDate, yearOf } from './calendar'
import type { CompanyPlan, PayFrequency, PersonName, WorkSite } from './company-plan'
import { REMOTE_SITE } from './company-plan'
import type { EmploymentRecord, EnrollmentRecord, IndividualRecord } from './dataset'
import type { Role } from './org-chart'
import { layOutOrgChart } from './org-chart'
import { deriveSeed, Random } from './random'
import {
  CITIES_BY_STATE,
  FAMILY_NAMES,
  FEMININE_GIVEN_NAMES,
  MASCULINE_GIVEN_NAMES,
  MIDDLE_NAMES,
  NEUTRAL_GIVEN_NAMES,
  PERSONAL_EMAIL_DOMAINS,
  REMOTE_STATES,
  STREET_NAMES,
  UNIT_PREFIXES,
} from './vocabulary'
import type { FilingStatus, LocalTaxCode } from './withholding'

export const PERIODS_PER_YEAR: Readonly<Record<PayFrequency, number>> = {
  bi_weekly: 26,
  semi_monthly: 24,
}

export interface RateChange {
  readonly effectiveDate: string
  /** A yearly salary for salaried workers, an hourly rate for everyone else. */
  readonly amountCents: number
}

export interface WorkerPay {
  readonly kind: 'salaried' | 'hourly' | 'contractor'
  readonly frequency: PayFrequency
  /** Oldest first; the rate in force on a date is the last one effective on or before it. */
  readonly rates: readonly RateChange[]
  readonly weeklyHours: number
  /** The first day of the current stint (the latest rehire, or the start date). */
  readonly paidFrom: string
  readonly paidUntil: string | null
  readonly taxState: string
  readonly localTax: LocalTaxCode | null
  readonly filingStatus: FilingStatus
  readonly commission: boolean
  readonly phoneStipend: boolean
  readonly paymentMethod: PayStatement['payment_method']
  readonly elections: readonly Election[]
  /** Weeks of salary paid as severance after leaving; 0 when none. */
  readonly severanceWeeks: number
  /** California pays double time past twelve hours a day. */
  readonly doubleOvertime: boolean
}

export interface Worker {
  readonly index: number
  readonly id: string
  readonly directoryEntry: IndividualInDirectory
  readonly individual: IndividualRecord
  readonly employment: EmploymentRecord
  readonly pay: WorkerPay
}

export interface Workforce {
  readonly company: Company
  readonly workers: readonly Worker[]
  readonly benefits: readonly CompanyBenefit[]
  readonly enrollmentsByBenefit: ReadonlyMap<string, readonly EnrollmentRecord[]>
  readonly payGroups: readonly PayGroupRetrieveResponse[]
  readonly payGroupIds: ReadonlyMap<PayFrequency, string>
}

const NICKNAMES: Readonly<Record<string, string>> = {
  Benjamin: 'Ben',
  Samuel: 'Sam',
  Katarzyna: 'Kasia',
  Daniel: 'Dan',
  Nathan: 'Nate',
  Zachary: 'Zach',
  Abigail: 'Abby',
  Isabella: 'Bella',
  Patrick: 'Pat',
  Javier: 'Javi',
  Dmitri: 'Dima',
  Hiroshi: 'Hiro',
  Valentina: 'Vale',
  Alex: 'Lex',
}

/** Builds the company and everyone in it; `windowStart` is when the payroll history begins. */
export function buildWorkforce(plan: CompanyPlan, windowStart: string): Workforce {
  const companyRandom = new Random(deriveSeed(plan.seed, 'company'))
  const company = buildCompany(plan, companyRandom)
  const benefits = offerBenefits(plan.profile.benefits, plan.profile.shortName, companyRandom)
  const payGroupIds = new Map(plan.payGroups.map((frequency) => [frequency, companyRandom.uuid()]))

  const roles = layOutOrgChart(
    plan.profile,
    plan.headcount,
    new Random(deriveSeed(plan.seed, 'org-chart')),
  )
  const ids = roles.map((_, index) => new Random(deriveSeed(plan.seed, 'worker-id', index)).uuid())
  const usedEmails = new Set<string>()
  const sitesByKey = new Map(plan.profile.sites.map((site) => [site.key, site]))
  const enrollmentsByBenefit = new Map<string, EnrollmentRecord[]>(
    benefits.map((benefit) => [benefit.benefit_id, []]),
  )
  const workers = roles.map((role, index) => {
    const { worker, enrollments } = buildWorker({
      plan,
      role,
      index,
      ids,
      usedEmails,
      sitesByKey,
      benefits,
      windowStart,
    })
    for (const { benefitId, record } of enrollments) {
      enrollmentsByBenefit
        .get(benefitId)
        ?.push({ individual_id: worker.id, code: 200, body: record })
    }
    return worker
  })

  const payGroups = plan.payGroups.map((frequency) => ({
    id: payGroupIds.get(frequency) ?? '',
    name: plan.profile.payGroupNames[frequency],
    pay_frequencies: [frequency],
    individual_ids: workers
      .filter((worker) => worker.pay.frequency === frequency)
      .map((worker) => worker.id),
  }))

  return { company, workers, benefits, enrollmentsByBenefit, payGroups, payGroupIds }
}

function buildCompany(plan: CompanyPlan, random: Random): Company {
  const { profile } = plan
  const departments: Company.Department[] = [{ name: profile.executive.department, parent: null }]
  const seen = new Set([profile.executive.department])
  for (const division of profile.divisions) {
    if (!seen.has(division.department)) {
      departments.push({ name: division.department, parent: null })
      seen.add(division.department)
    }
    for (const team of division.teams) {
      if (seen.has(team.department)) continue
      departments.push({ name: team.department, parent: { name: division.department } })
      seen.add(team.department)
    }
  }
  const headquarters = profile.sites.find((site) => site.key === profile.executive.site)
  const areaCode = areaCodeFor(headquarters?.location.state ?? 'CA', headquarters?.location.city)

  return {
    id: random.uuid(),
    legal_name: profile.legalName,
    entity: { ...profile.entity },
    ein: `${random.pick(['27', '46', '81', '83', '84', '88', '94'])}-${random.digits(7)}`,
    primary_email: `payroll@${profile.emailDomain}`,
    primary_phone_number: `+1${areaCode}5550100`,
    departments,
    locations: profile.sites.map((site) => ({ ...site.location })),
    accounts: [
      {
        account_name: 'Payroll Operating',
        account_number: random.digits(random.int(10, 12)),
        account_type: 'checking',
        institution_name: profile.bankName,
        routing_number: routingNumber(random),
      },
    ],
  }
}

/** A nine-digit number that passes the ABA checksum, so validators accept it. */
function routingNumber(random: Random): string {
  const digits = [
    random.pick([0, 1, 2, 3]),
    random.int(1, 9),
    ...random.digits(6).split('').map(Number),
  ]
  const weights = [3, 7, 1, 3, 7, 1, 3, 7]
  const sum = digits.reduce((total, digit, index) => total + digit * (weights[index] ?? 0), 0)
  return [...digits, (10 - (sum % 10)) % 10].join('')
}

function areaCodeFor(state: string, city?: string | null): string {
  const cities = CITIES_BY_STATE[state] ?? []
  return (cities.find((candidate) => candidate.city === city) ?? cities[0])?.areaCode ?? '555'
}

interface WorkerInput {
  readonly plan: CompanyPlan
  readonly role: Role
  readonly index: number
  readonly ids: readonly string[]
  readonly usedEmails: Set<string>
  readonly sitesByKey: ReadonlyMap<string, WorkSite>
  readonly benefits: readonly CompanyBenefit[]
  readonly windowStart: string
}

function buildWorker(input: WorkerInput): {
  worker: Worker
  enrollments: readonly WorkerEnrollment[]
} {
  const { plan, role, index, ids } = input
  const random = new Random(deriveSeed(plan.seed, 'worker', index))
  const id = ids[index] ?? random.uuid()
  const sparse = plan.sparse
  const today = plan.today

  const gender = random.pickWeighted<IndividualRecord['gender']>([
    ['female', 47],
    ['male', 47],
    ['other', 1.5],
    ['decline_to_specify', 2.5],
    [null, sparse ? 2 : 0],
  ])
  const name = plan.nameFor ? plan.nameFor(index, random) : drawName(gender, random)
  const leadership = role.level !== 'member'
  const age = random.int(...ageBand(role))
  const dob = random.date(addDays(today, -(age + 1) * 365 + 1), addDays(today, -age * 365))

  const site = input.sitesByKey.get(role.siteKey)
  const residenceState = site?.location.state ?? random.pick(REMOTE_STATES)
  const residence = drawResidence(residenceState, site, random, sparse)
  const nycResident = residence.city !== null && isNycCity(residence.city)
  const taxState = residence.state ?? residenceState
  const localTax: LocalTaxCode | null = site?.localTax ?? (nycResident ? 'nyc' : null)

  const payKind = leadership || role.team === null ? 'salaried' : role.team.pay.kind
  const contractor = payKind === 'contractor'
  const teamPay = role.team?.pay
  const partTime = teamPay?.kind === 'hourly' && !leadership && random.chance(teamPay.partTimeShare)
  const weeklyHours = contractor
    ? random.int(3, 8) * 4
    : partTime
      ? random.pick([20, 24, 25, 30])
      : 40

  const dates = drawEmploymentDates(plan, role, age, input.windowStart, random)
  const rates = drawRates(role, payKind, dates.paidFrom, today, random)
  const currentRate = rates[rates.length - 1] as RateChange
  const annualPayCents =
    payKind === 'salaried' ? currentRate.amountCents : currentRate.amountCents * weeklyHours * 52
  const frequency: PayFrequency =
    plan.payGroups.length === 1
      ? (plan.payGroups[0] as PayFrequency)
      : payKind === 'salaried'
        ? 'semi_monthly'
        : 'bi_weekly'

  const { elections, enrollments } = contractor
    ? { elections: [], enrollments: [] }
    : electBenefits(
        input.benefits,
        {
          annualPayCents,
          periodsPerYear: PERIODS_PER_YEAR[frequency],
          age,
          partTime,
          transitCity: ['San Francisco', 'New York', 'Brooklyn', 'Astoria', 'Chicago'].includes(
            residence.city ?? '',
          ),
        },
        random,
      )
  const garnished = sparse && !contractor && !leadership && random.chance(0.025)
  const allElections = garnished
    ? [...elections, garnishment(random.int(6, 16) * 2_500)]
    : elections

  const maritalStatus = random.pickWeighted<IndividualRecord['marital_status']>([
    ['single', 40],
    ['married', 44],
    ['divorced', 7],
    ['widowed', 1],
    ['domestic_partner', 4],
    ['unknown', 2],
    [null, sparse ? 4 : 0],
  ])
  const filingStatus: FilingStatus =
    (maritalStatus === 'married' || maritalStatus === 'domestic_partner') && random.chance(0.8)
      ? 'married'
      : 'single'

  const workEmail = uniqueEmail(name, index, input.plan.profile.emailDomain, input.usedEmails)
  const individual: IndividualRecord = {
    id,
    first_name: name.first,
    middle_name: name.middle,
    last_name: name.last,
    preferred_name: name.preferred,
    dob: sparse && random.chance(0.02) ? null : dob,
    gender,
    ethnicity: drawEthnicity(random, sparse),
    marital_status: maritalStatus,
    emails: drawEmails(workEmail, name, contractor, random, sparse),
    phone_numbers: drawPhones(residenceState, residence.city, random, sparse),
    residence,
    ssn: drawSsn(random),
    encrypted_ssn: null,
  }

  const managerId = role.managerIndex === null ? null : (ids[role.managerIndex] ?? null)
  const department = sparse && !leadership && random.chance(0.04) ? null : { name: role.department }
  const employment = buildEmployment({
    plan,
    role,
    id,
    index,
    name,
    department,
    managerId,
    site,
    residence,
    dates,
    rates,
    payKind,
    partTime,
    annualPayCents,
    age,
    random,
  })

  const directoryEntry: IndividualInDirectory = {
    id,
    first_name: name.first,
    middle_name: name.middle,
    last_name: name.last,
    department: department ? { name: department.name } : null,
    manager: managerId === null ? null : { id: managerId },
    is_active: employment.is_active,
  }

  const worker: Worker = {
    index,
    id,
    directoryEntry,
    individual,
    employment,
    pay: {
      kind: payKind,
      frequency,
      rates,
      weeklyHours,
      paidFrom: dates.paidFrom,
      paidUntil: dates.endDate,
      taxState,
      localTax,
      filingStatus,
      commission: Boolean(role.team?.commission) && !leadership,
      phoneStipend:
        Boolean(role.team?.commission) || role.level === 'head' || role.level === 'executive',
      paymentMethod: contractor
        ? 'direct_deposit'
        : random.pickWeighted<PayStatement['payment_method']>([
            ['direct_deposit', 88],
            ['check', 9],
            ['other', 1],
            [null, sparse ? 2 : 0],
          ]),
      elections: allElections,
      severanceWeeks:
        plan.events.severance &&
        dates.endDate !== null &&
        payKind === 'salaried' &&
        random.chance(0.5)
          ? random.int(2, 8)
          : 0,
      doubleOvertime: taxState === 'CA',
    },
  }
  return { worker, enrollments }
}

function ageBand(role: Role): readonly [number, number] {
  switch (role.level) {
    case 'executive':
      return [39, 58]
    case 'head':
      return [35, 59]
    case 'lead':
      return [30, 56]
    case 'manager':
      return [28, 54]
    case 'member':
      return [20, 66]
  }
}

function drawName(gender: IndividualRecord['gender'], random: Random): PersonName {
  const pool =
    gender === 'female'
      ? FEMININE_GIVEN_NAMES
      : gender === 'male'
        ? MASCULINE_GIVEN_NAMES
        : random.pick([NEUTRAL_GIVEN_NAMES, FEMININE_GIVEN_NAMES, MASCULINE_GIVEN_NAMES])
  const first = random.pick(pool)
  const nickname = NICKNAMES[first]
  return {
    first,
    middle: random.chance(0.55) ? random.pick(MIDDLE_NAMES) : null,
    last: random.pick(FAMILY_NAMES),
    preferred: nickname !== undefined && random.chance(0.6) ? nickname : null,
  }
}

function isNycCity(city: string): boolean {
  return (CITIES_BY_STATE.NY ?? []).some(
    (candidate) => candidate.city === city && candidate.nycResident,
  )
}

function drawResidence(
  state: string,
  site: WorkSite | undefined,
  random: Random,
  sparse: boolean,
): Location {
  const cities = CITIES_BY_STATE[state] ?? []
  const city = cities.length > 0 ? random.pick(cities) : null
  const hasUnit = random.chance(0.35)
  return {
    line1: `${random.int(12, 4980)} ${random.pick(STREET_NAMES)}`,
    line2: hasUnit
      ? `${random.pick(UNIT_PREFIXES)} ${random.int(1, 28)}${random.pick(['', 'A', 'B', 'C'])}`
      : null,
    city: city?.city ?? site?.location.city ?? null,
    state,
    postal_code: city ? random.pick(city.postalCodes) : (site?.location.postal_code ?? null),
    country: sparse && random.chance(0.03) ? null : 'US',
  }
}

function drawEthnicity(random: Random, sparse: boolean): IndividualRecord['ethnicity'] {
  return random.pickWeighted<IndividualRecord['ethnicity']>([
    ['white', 38],
    ['hispanic_or_latino', 18],
    ['asian', 16],
    ['black_or_african_american', 13],
    ['two_or_more_races', 4],
    ['native_hawaiian_or_pacific_islander', 1],
    ['american_indian_or_alaska_native', 1],
    ['decline_to_specify', 5],
    [null, sparse ? 8 : 0],
  ])
}

function asciiHandle(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .slice(0, 24)
}

function uniqueEmail(name: PersonName, index: number, domain: string, used: Set<string>): string {
  const first = asciiHandle(name.preferred ?? name.first) || 'employee'
  const last = asciiHandle(name.last) || String(index + 1)
  let candidate = `${first}.${last}@${domain}`
  for (let suffix = 2; used.has(candidate); suffix++)
    candidate = `${first}.${last}${suffix}@${domain}`
  used.add(candidate)
  return candidate
}

function drawEmails(
  workEmail: string,
  name: PersonName,
  contractor: boolean,
  random: Random,
  sparse: boolean,
): IndividualRecord['emails'] {
  if (sparse && random.chance(0.03)) return null
  const handle = `${asciiHandle(name.first) || 'me'}${asciiHandle(name.last).slice(0, 1)}`
  const personal = {
    data: `${handle}${random.int(10, 99)}@${random.pick(PERSONAL_EMAIL_DOMAINS)}`,
    type: 'personal' as const,
  }
  if (contractor) return [personal]
  const work = { data: workEmail, type: 'work' as const }
  return random.chance(0.7) ? [work, personal] : [work]
}

/** US numbers in the 555-0100..0199 block, which is reserved for fiction. */
function drawPhones(
  state: string,
  city: string | null,
  random: Random,
  sparse: boolean,
): IndividualRecord['phone_numbers'] {
  if (sparse && random.chance(0.06)) return null
  const personal = {
    data: `+1${areaCodeFor(state, city)}55501${random.digits(2)}`,
    type: 'personal' as const,
  }
  return random.chance(0.25)
    ? [
        personal,
        { data: `+1${areaCodeFor(state, city)}55501${random.digits(2)}`, type: 'work' as const },
      ]
    : [personal]
}

/**
 * Area numbers 900–999 are never issued as SSNs, and with group numbers 10–49 they are not valid
 * ITINs either, so these can never belong to a real person.
 */
function drawSsn(random: Random): string {
  return `9${random.digits(2)}-${random.int(10, 49)}-${random.digits(4)}`
}

interface EmploymentDates {
  readonly startDate: string
  readonly endDate: string | null
  readonly latestRehireDate: string | null
  readonly paidFrom: string
  readonly status: NonNullable<EmploymentRecord['employment_status']>
}

function drawEmploymentDates(
  plan: CompanyPlan,
  role: Role,
  age: number,
  windowStart: string,
  random: Random,
): EmploymentDates {
  const today = plan.today
  const beforeWindow = (minYears: number, maxYears: number): string =>
    random.date(
      addDays(windowStart, -Math.round(maxYears * 365)),
      addDays(windowStart, -Math.round(minYears * 365)),
    )

  if (role.level === 'executive') {
    const startDate = beforeWindow(4, 9)
    return {
      startDate,
      endDate: null,
      latestRehireDate: null,
      paidFrom: startDate,
      status: 'active',
    }
  }
  if (role.level !== 'member' || !plan.events.turnover) {
    const startDate = beforeWindow(0.3, 6)
    return {
      startDate,
      endDate: null,
      latestRehireDate: null,
      paidFrom: startDate,
      status: 'active',
    }
  }

  const roll = random.next()
  if (plan.sparse && roll < 0.01) {
    const startDate = addDays(today, random.int(6, 24))
    return {
      startDate,
      endDate: null,
      latestRehireDate: null,
      paidFrom: startDate,
      status: 'prehire',
    }
  }
  const hiredInWindow = roll < 0.3
  const startDate = hiredInWindow
    ? random.date(windowStart, addDays(today, -3))
    : beforeWindow(0, 7)
  const leaves = random.chance(0.16)
  const earliestEnd = maxDate(addDays(startDate, 45), addDays(windowStart, 20))
  const latestEnd = addDays(today, -5)
  if (leaves && earliestEnd <= latestEnd) {
    const endDate = random.date(earliestEnd, latestEnd)
    const status = age >= 62 && !hiredInWindow ? 'retired' : 'terminated'
    return { startDate, endDate, latestRehireDate: null, paidFrom: startDate, status }
  }
  if (!hiredInWindow && random.chance(0.04)) {
    const rehireDate = random.date(windowStart, addDays(today, -10))
    const firstStart = addDays(rehireDate, -random.int(2, 6) * 365)
    return {
      startDate: firstStart,
      endDate: null,
      latestRehireDate: rehireDate,
      paidFrom: rehireDate,
      status: 'active',
    }
  }
  const status = random.chance(0.02) ? 'leave' : 'active'
  return { startDate, endDate: null, latestRehireDate: null, paidFrom: startDate, status }
}

/** Rounds salaries to $500 and hourly rates to a quarter, as compensation tables do. */
function roundRate(amountCents: number, payKind: WorkerPay['kind']): number {
  const stepCents = payKind === 'salaried' ? 50_000 : 25
  return Math.max(stepCents, Math.round(amountCents / stepCents) * stepCents)
}

/**
 * Draws today's rate inside the role's band, then walks back through yearly April raises so the
 * history ends where the band says, however long the tenure.
 */
function drawRates(
  role: Role,
  payKind: WorkerPay['kind'],
  paidFrom: string,
  today: string,
  random: Random,
): RateChange[] {
  const teamPay = role.team?.pay
  const [lowCents, highCents] =
    role.level !== 'member' || !teamPay
      ? role.annualCents
      : teamPay.kind === 'salaried'
        ? teamPay.annualCents
        : teamPay.hourlyCents
  let amountCents = roundRate(random.int(lowCents, highCents), payKind)

  const raiseDates: string[] = []
  for (let year = yearOf(paidFrom) + 1; year <= yearOf(today); year++) {
    const raiseDate = isoDate(year, 4, 1)
    if (raiseDate <= today && raiseDate > addDays(paidFrom, 120)) raiseDates.push(raiseDate)
  }
  if (payKind === 'contractor') raiseDates.length = 0

  const changes: RateChange[] = []
  for (const raiseDate of raiseDates.reverse()) {
    changes.push({ effectiveDate: raiseDate, amountCents })
    const raise = 1 + random.int(20, 60) / 1_000
    amountCents = roundRate(amountCents / raise, payKind)
  }
  changes.push({ effectiveDate: paidFrom, amountCents })
  return changes.reverse()
}

interface EmploymentInput {
  readonly plan: CompanyPlan
  readonly role: Role
  readonly id: string
  readonly index: number
  readonly name: PersonName
  readonly department: { readonly name: string } | null
  readonly managerId: string | null
  readonly site: WorkSite | undefined
  readonly residence: Location
  readonly dates: EmploymentDates
  readonly rates: readonly RateChange[]
  readonly payKind: WorkerPay['kind']
  readonly partTime: boolean
  readonly annualPayCents: number
  readonly age: number
  readonly random: Random
}

function buildEmployment(input: EmploymentInput): EmploymentRecord {
  const { plan, role, random, dates, payKind } = input
  const sparse = plan.sparse
  const contractor = payKind === 'contractor'
  const leadership = role.level !== 'member'
  const unit: Income['unit'] = payKind === 'salaried' ? 'yearly' : 'hourly'
  const incomes: Income[] = input.rates.map((rate) => ({
    amount: rate.amountCents,
    currency: 'usd',
    unit,
    effective_date: rate.effectiveDate,
  }))
  const remote = role.siteKey === REMOTE_SITE
  const seasonal = input.partTime && role.team?.union !== undefined && random.chance(0.3)
  const isActive = dates.status === 'active' || dates.status === 'leave'
  const union = payKind === 'hourly' && !leadership ? role.team?.union : undefined

  return {
    id: input.id,
    first_name: input.name.first,
    middle_name: input.name.middle,
    last_name: input.name.last,
    title: contractor && sparse && random.chance(0.3) ? null : role.title,
    department: input.department ? { name: input.department.name } : null,
    manager: input.managerId === null ? null : { id: input.managerId },
    location: input.site
      ? { ...input.site.location }
      : remote && !(sparse && random.chance(0.5))
        ? { ...input.residence }
        : null,
    employment: contractor
      ? { type: 'contractor', subtype: 'individual_contractor' }
      : {
          type: 'employee',
          subtype: seasonal ? 'seasonal' : input.partTime ? 'part_time' : 'full_time',
        },
    employment_status: dates.status,
    is_active: isActive,
    start_date: dates.startDate,
    end_date: dates.endDate,
    latest_rehire_date: dates.latestRehireDate,
    flsa_status: contractor
      ? sparse
        ? null
        : 'unknown'
      : payKind === 'salaried'
        ? 'exempt'
        : 'non_exempt',
    class_code:
      contractor || (sparse && random.chance(0.08)) ? null : (role.team?.classCode ?? '8810'),
    income: incomes[incomes.length - 1] ?? null,
    income_history: contractor && sparse ? null : incomes,
    // The IRS tests use last year's pay: $160,000 for highly compensated employees, and officers
    // above $230,000 for key employees.
    highly_compensated_employee:
      sparse && random.chance(0.1) ? null : !contractor && input.annualPayCents > 16_000_000,
    key_employee:
      sparse && random.chance(0.1)
        ? null
        : (role.level === 'executive' || role.level === 'head') &&
          input.annualPayCents > 23_000_000,
    union_code: union?.code ?? null,
    union_local: union?.local ?? null,
    custom_fields:
      sparse && random.chance(0.3)
        ? null
        : [
            { name: 'Badge Number', value: `B-${10_000 + input.index}` },
            { name: 'Remote Eligible', value: remote },
            { name: 'Shirt Size', value: random.pick(['XS', 'S', 'M', 'L', 'XL']) },
          ],
    source_id: `E${String(input.index + 1).padStart(5, '0')}`,
  }
}

export function rateOn(rates: readonly RateChange[], date: string): number {
  let amountCents = rates[0]?.amountCents ?? 0
  for (const rate of rates) {
    if (rate.effectiveDate > date) break
    amountCents = rate.amountCents
  }
  return amountCents
}
