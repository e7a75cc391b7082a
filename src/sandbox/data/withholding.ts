/**
 * Payroll tax lines for sandbox pay statements: federal and state income tax, FICA, local taxes
 * and the employer's FICA match and unemployment taxes. The rates are representative of
 * 2025–2026 US payroll so a demo reads plausibly; they are not a tax engine and are not exact.
 */
import type { PayStatement } from '@tryfinch/finch-api/resources/hris'

export type FilingStatus = 'single' | 'married'
export type LocalTaxCode = 'nyc' | 'philadelphia' | 'denver'

/** [annual threshold in cents, rate in basis points], ascending. */
type Brackets = readonly (readonly [number, number])[]

interface StateTaxRule {
  readonly incomeTax: { readonly brackets: Brackets; readonly allowanceCents: number } | null
  /** Flat rate providers apply to bonuses and severance; null where the state has no income tax. */
  readonly supplementalBasisPoints: number | null
  readonly employeeLevies: readonly { readonly name: string; readonly basisPoints: number }[]
  readonly unemployment: {
    readonly name: string
    readonly basisPoints: number
    readonly wageBaseCents: number
  }
}

const dollars = (amount: number): number => amount * 100

const flat = (basisPoints: number): Brackets => [[0, basisPoints]]

export const STATE_TAX_RULES: Readonly<Record<string, StateTaxRule>> = {
  CA: {
    incomeTax: {
      brackets: [
        [0, 100],
        [dollars(11_079), 200],
        [dollars(26_264), 400],
        [dollars(41_452), 600],
        [dollars(57_542), 800],
        [dollars(72_724), 930],
        [dollars(371_479), 1030],
      ],
      allowanceCents: dollars(5_540),
    },
    supplementalBasisPoints: 1023,
    employeeLevies: [{ name: 'CA SDI', basisPoints: 120 }],
    unemployment: { name: 'CA SUI', basisPoints: 340, wageBaseCents: dollars(7_000) },
  },
  NY: {
    incomeTax: {
      brackets: [
        [0, 400],
        [dollars(8_500), 450],
        [dollars(11_700), 525],
        [dollars(13_900), 550],
        [dollars(80_650), 600],
        [dollars(215_400), 685],
      ],
      allowanceCents: dollars(8_000),
    },
    supplementalBasisPoints: 1170,
    employeeLevies: [
      { name: 'NY SDI', basisPoints: 5 },
      { name: 'NY Paid Family Leave', basisPoints: 39 },
    ],
    unemployment: { name: 'NY SUI', basisPoints: 410, wageBaseCents: dollars(12_800) },
  },
  PA: {
    incomeTax: { brackets: flat(307), allowanceCents: 0 },
    supplementalBasisPoints: 307,
    employeeLevies: [{ name: 'PA Unemployment (Employee)', basisPoints: 7 }],
    unemployment: { name: 'PA SUI', basisPoints: 382, wageBaseCents: dollars(10_000) },
  },
  CO: {
    incomeTax: { brackets: flat(440), allowanceCents: dollars(15_000) },
    supplementalBasisPoints: 440,
    employeeLevies: [{ name: 'CO FAMLI', basisPoints: 45 }],
    unemployment: { name: 'CO SUI', basisPoints: 170, wageBaseCents: dollars(23_800) },
  },
  IL: {
    incomeTax: { brackets: flat(495), allowanceCents: dollars(2_775) },
    supplementalBasisPoints: 495,
    employeeLevies: [],
    unemployment: { name: 'IL SUI', basisPoints: 395, wageBaseCents: dollars(13_916) },
  },
  GA: {
    incomeTax: { brackets: flat(539), allowanceCents: dollars(12_000) },
    supplementalBasisPoints: 539,
    employeeLevies: [],
    unemployment: { name: 'GA SUI', basisPoints: 264, wageBaseCents: dollars(9_500) },
  },
  MA: {
    incomeTax: { brackets: flat(500), allowanceCents: dollars(4_400) },
    supplementalBasisPoints: 500,
    employeeLevies: [{ name: 'MA PFML', basisPoints: 46 }],
    unemployment: { name: 'MA SUI', basisPoints: 242, wageBaseCents: dollars(15_000) },
  },
  NC: {
    incomeTax: { brackets: flat(425), allowanceCents: dollars(12_750) },
    supplementalBasisPoints: 425,
    employeeLevies: [],
    unemployment: { name: 'NC SUI', basisPoints: 100, wageBaseCents: dollars(31_400) },
  },
  TX: {
    incomeTax: null,
    supplementalBasisPoints: null,
    employeeLevies: [],
    unemployment: { name: 'TX SUI', basisPoints: 270, wageBaseCents: dollars(9_000) },
  },
  WA: {
    incomeTax: null,
    supplementalBasisPoints: null,
    employeeLevies: [{ name: 'WA Paid Family Leave', basisPoints: 66 }],
    unemployment: { name: 'WA SUI', basisPoints: 120, wageBaseCents: dollars(72_800) },
  },
  FL: {
    incomeTax: null,
    supplementalBasisPoints: null,
    employeeLevies: [],
    unemployment: { name: 'FL Reemployment Tax', basisPoints: 270, wageBaseCents: dollars(7_000) },
  },
}

const FEDERAL_BRACKETS: Readonly<Record<FilingStatus, Brackets>> = {
  single: [
    [0, 1000],
    [dollars(11_925), 1200],
    [dollars(48_475), 2200],
    [dollars(103_350), 2400],
    [dollars(197_300), 3200],
    [dollars(250_525), 3500],
    [dollars(626_350), 3700],
  ],
  married: [
    [0, 1000],
    [dollars(23_850), 1200],
    [dollars(96_950), 2200],
    [dollars(206_700), 2400],
    [dollars(394_600), 3200],
    [dollars(501_050), 3500],
    [dollars(751_600), 3700],
  ],
}

const STANDARD_DEDUCTION_CENTS: Readonly<Record<FilingStatus, number>> = {
  single: dollars(15_000),
  married: dollars(30_000),
}

/** The IRS flat rate for supplemental wages (bonuses, severance) under $1 million. */
const FEDERAL_SUPPLEMENTAL_BASIS_POINTS = 2200
const SOCIAL_SECURITY_BASIS_POINTS = 620
const MEDICARE_BASIS_POINTS = 145
const FUTA_BASIS_POINTS = 60
const FUTA_WAGE_BASE_CENTS = dollars(7_000)

const SOCIAL_SECURITY_WAGE_BASE_CENTS: Readonly<Record<number, number>> = {
  2024: dollars(168_600),
  2025: dollars(176_100),
  2026: dollars(184_500),
}

export function socialSecurityWageBaseCents(year: number): number {
  return SOCIAL_SECURITY_WAGE_BASE_CENTS[year] ?? dollars(184_500)
}

export function percentOfCents(amountCents: number, basisPoints: number): number {
  return Math.round((amountCents * basisPoints) / 10_000)
}

function progressiveTaxCents(annualCents: number, brackets: Brackets): number {
  let taxCents = 0
  for (let index = 0; index < brackets.length; index++) {
    const [floorCents, basisPoints] = brackets[index] as readonly [number, number]
    const ceilingCents = brackets[index + 1]?.[0] ?? Number.POSITIVE_INFINITY
    if (annualCents <= floorCents) break
    taxCents += ((Math.min(annualCents, ceilingCents) - floorCents) * basisPoints) / 10_000
  }
  return taxCents
}

/** Annualise, apply the brackets, and bring the year's tax back to one period. */
function periodIncomeTaxCents(
  periodWagesCents: number,
  periodsPerYear: number,
  brackets: Brackets,
  allowanceCents: number,
): number {
  const annualCents = Math.max(0, periodWagesCents * periodsPerYear - allowanceCents)
  return Math.round(progressiveTaxCents(annualCents, brackets) / periodsPerYear)
}

/** The part of this period's wages that still falls under an annual wage base. */
function wagesUnderBaseCents(wagesCents: number, ytdCents: number, wageBaseCents: number): number {
  return Math.max(0, Math.min(wagesCents, wageBaseCents - ytdCents))
}

export interface WithholdingInput {
  /** Wages after pre-tax deductions (401k, section 125): what income tax is levied on. */
  readonly incomeTaxableCents: number
  /** Wages after section 125 deductions only: 401k deferrals still owe FICA. */
  readonly ficaTaxableCents: number
  /**
   * FICA wages already paid this calendar year. Callers estimate it from the worker's nominal
   * pay so a single statement can be generated without replaying the year.
   */
  readonly ytdFicaWagesCents: number
  readonly periodsPerYear: number
  readonly filingStatus: FilingStatus
  readonly taxState: string
  readonly localTax: LocalTaxCode | null
  /** Bonuses and severance are withheld at flat supplemental rates. */
  readonly supplemental: boolean
  /** Denver's occupational privilege tax is levied once a month, on its first payroll. */
  readonly firstPayrollOfMonth: boolean
  readonly payYear: number
}

type TaxLine = PayStatement.Tax

function taxLine(
  type: NonNullable<TaxLine['type']>,
  name: string,
  employer: boolean,
  amountCents: number,
): TaxLine {
  return { type, name, employer, amount: amountCents, currency: 'usd' }
}

/** Every tax line of one statement, employee lines first; lines that round to zero are left out. */
export function withholdTaxes(input: WithholdingInput): TaxLine[] {
  const state = STATE_TAX_RULES[input.taxState]
  const lines: TaxLine[] = []

  const federalCents = input.supplemental
    ? percentOfCents(input.incomeTaxableCents, FEDERAL_SUPPLEMENTAL_BASIS_POINTS)
    : periodIncomeTaxCents(
        input.incomeTaxableCents,
        input.periodsPerYear,
        FEDERAL_BRACKETS[input.filingStatus],
        STANDARD_DEDUCTION_CENTS[input.filingStatus],
      )
  lines.push(taxLine('federal', 'Federal Income Tax', false, federalCents))

  const socialSecurityWagesCents = wagesUnderBaseCents(
    input.ficaTaxableCents,
    input.ytdFicaWagesCents,
    socialSecurityWageBaseCents(input.payYear),
  )
  const socialSecurityCents = percentOfCents(socialSecurityWagesCents, SOCIAL_SECURITY_BASIS_POINTS)
  const medicareCents = percentOfCents(input.ficaTaxableCents, MEDICARE_BASIS_POINTS)
  lines.push(taxLine('fica', 'Social Security', false, socialSecurityCents))
  lines.push(taxLine('fica', 'Medicare', false, medicareCents))

  if (state?.incomeTax) {
    const stateCents =
      input.supplemental && state.supplementalBasisPoints !== null
        ? percentOfCents(input.incomeTaxableCents, state.supplementalBasisPoints)
        : periodIncomeTaxCents(
            input.incomeTaxableCents,
            input.periodsPerYear,
            state.incomeTax.brackets,
            state.incomeTax.allowanceCents,
          )
    lines.push(taxLine('state', `${input.taxState} State Income Tax`, false, stateCents))
  }
  for (const levy of state?.employeeLevies ?? []) {
    lines.push(
      taxLine('state', levy.name, false, percentOfCents(input.ficaTaxableCents, levy.basisPoints)),
    )
  }

  lines.push(...localTaxLines(input))

  // The employer matches the employee's Social Security and Medicare to the cent; the 0.9%
  // Additional Medicare Tax, which has no employer match, is not modelled.
  lines.push(taxLine('fica', 'Social Security', true, socialSecurityCents))
  lines.push(taxLine('fica', 'Medicare', true, medicareCents))
  const futaWagesCents = wagesUnderBaseCents(
    input.ficaTaxableCents,
    input.ytdFicaWagesCents,
    FUTA_WAGE_BASE_CENTS,
  )
  lines.push(taxLine('federal', 'FUTA', true, percentOfCents(futaWagesCents, FUTA_BASIS_POINTS)))
  if (state) {
    const { name, basisPoints, wageBaseCents } = state.unemployment
    const suiWagesCents = wagesUnderBaseCents(
      input.ficaTaxableCents,
      input.ytdFicaWagesCents,
      wageBaseCents,
    )
    lines.push(taxLine('state', name, true, percentOfCents(suiWagesCents, basisPoints)))
  }

  return lines.filter((line) => line.amount !== 0)
}

function localTaxLines(input: WithholdingInput): TaxLine[] {
  switch (input.localTax) {
    case 'nyc': {
      const nycCents = input.supplemental
        ? percentOfCents(input.incomeTaxableCents, 425)
        : periodIncomeTaxCents(
            input.incomeTaxableCents,
            input.periodsPerYear,
            [
              [0, 308],
              [dollars(12_000), 376],
              [dollars(25_000), 382],
              [dollars(50_000), 388],
            ],
            dollars(8_000),
          )
      return [taxLine('local', 'NYC Income Tax', false, nycCents)]
    }
    case 'philadelphia':
      return [
        taxLine(
          'local',
          'Philadelphia Wage Tax',
          false,
          percentOfCents(input.ficaTaxableCents, 375),
        ),
      ]
    case 'denver':
      // Denver charges a flat monthly head tax on both sides once wages pass $500 a month.
      if (!input.firstPayrollOfMonth || input.supplemental || input.ficaTaxableCents < dollars(250))
        return []
      return [
        taxLine('local', 'Denver Occupational Privilege Tax', false, 575),
        taxLine('local', 'Denver Occupational Privilege Tax', true, 400),
      ]
    case null:
      return []
  }
}
