/**
 * The accountant checks as export sheets: every finding of the reconciliation and of the
 * default run variance in one table, and the cash requirement per pay run. Amounts go out as
 * cents columns, so the writers turn them into exact decimals.
 */
import type { VarianceKind } from '../../shared/checks'
import { COMPANY_DEBIT_RULE, GROSS_TO_NET_RULE } from '../../shared/checks'
import type { CacheDatabase } from '../cache/open-database'
import type { ExportColumn, ExportSheet } from '../export/export-columns'
import { UNNAMED_PAY_GROUP } from '../review/pay-group-names'
import { readReconciliation } from './reconciliation-checks'
import { readRunVariance } from './run-variance'

export interface CheckFinding {
  check: string
  payDate: string | null
  paymentId: string | null
  person: string | null
  figure: string | null
  expectedCents: number | null
  actualCents: number | null
  differenceCents: number | null
  detail: string
}

const FINDING_COLUMNS: ExportColumn<CheckFinding>[] = [
  { header: 'Check', kind: 'text', value: (row) => row.check, width: 22 },
  { header: 'Pay date', kind: 'date', value: (row) => row.payDate, width: 12 },
  { header: 'Payment ID', kind: 'text', value: (row) => row.paymentId, width: 38 },
  { header: 'Person', kind: 'text', value: (row) => row.person, width: 26 },
  { header: 'Figure', kind: 'text', value: (row) => row.figure, width: 18 },
  { header: 'Expected', kind: 'cents', value: (row) => row.expectedCents, width: 14 },
  { header: 'Actual', kind: 'cents', value: (row) => row.actualCents, width: 14 },
  { header: 'Difference', kind: 'cents', value: (row) => row.differenceCents, width: 14 },
  { header: 'Detail', kind: 'text', value: (row) => row.detail, width: 60 },
]

const VARIANCE_LABELS: Record<VarianceKind, string> = {
  new_hire: 'New hire',
  termination: 'Termination',
  missing_from_run: 'Missing from run',
  gross_change: 'Gross pay change',
  net_change: 'Net pay change',
  new_earning_type: 'New earning type',
  new_deduction_type: 'New deduction type',
  overtime_spike: 'Overtime spike',
}

/** Every finding, in the order the checks page shows them. */
export function checkFindings(db: CacheDatabase, connectionId: string): CheckFinding[] {
  const report = readReconciliation(db, connectionId)
  const variance = readRunVariance(db, { connectionId })

  const imbalances = report.imbalances.map<CheckFinding>((row) => ({
    check: 'Gross to net',
    payDate: row.payDate,
    paymentId: row.paymentId,
    person: row.personName ?? row.individualId,
    figure: 'Net pay',
    expectedCents: row.expectedNetCents,
    actualCents: row.netPayCents,
    differenceCents: row.differenceCents,
    detail: GROSS_TO_NET_RULE,
  }))
  const mismatches = report.paymentMismatches.map<CheckFinding>((row) => ({
    check: 'Payment totals',
    payDate: row.payDate,
    paymentId: row.paymentId,
    person: null,
    figure: row.field,
    expectedCents: row.expectedCents,
    actualCents: row.paymentCents,
    differenceCents: row.differenceCents,
    detail: row.field === 'company_debit' ? COMPANY_DEBIT_RULE : 'Sum of the payment’s statements',
  }))
  // Overtime is counted in hours, not money, so its figures stay in the detail.
  const changes = variance.findings.map<CheckFinding>((row) => {
    const money = row.kind !== 'overtime_spike'
    return {
      check: `Variance: ${VARIANCE_LABELS[row.kind]}`,
      payDate: variance.current?.payDate ?? null,
      paymentId: variance.current?.paymentId ?? null,
      person: row.personName ?? row.individualId,
      figure: row.lineType,
      expectedCents: money ? row.previousValue : null,
      actualCents: money ? row.currentValue : null,
      differenceCents:
        money && row.previousValue !== null && row.currentValue !== null
          ? row.currentValue - row.previousValue
          : null,
      detail: row.description,
    }
  })
  return [...imbalances, ...mismatches, ...changes]
}

export function checksSheet(db: CacheDatabase, connectionId: string): ExportSheet<CheckFinding> {
  return { name: 'Checks', columns: FINDING_COLUMNS, batches: [checkFindings(db, connectionId)] }
}

type CashRow = ReturnType<typeof readReconciliation>['cashRequirements'][number]

const CASH_COLUMNS: ExportColumn<CashRow>[] = [
  { header: 'Pay date', kind: 'date', value: (row) => row.payDate, width: 12 },
  {
    header: 'Pay groups',
    kind: 'text',
    value: (row) => row.payGroupNames.map((name) => name ?? UNNAMED_PAY_GROUP).join(', '),
    width: 24,
  },
  { header: 'Payment ID', kind: 'text', value: (row) => row.paymentId, width: 38 },
  { header: 'Statements', kind: 'integer', value: (row) => row.statementCount, width: 10 },
  { header: 'Net pay', kind: 'cents', value: (row) => row.netPayCents, width: 14 },
  { header: 'Employee taxes', kind: 'cents', value: (row) => row.employeeTaxesCents, width: 14 },
  { header: 'Employer taxes', kind: 'cents', value: (row) => row.employerTaxesCents, width: 14 },
  {
    header: 'Employer contributions',
    kind: 'cents',
    value: (row) => row.employerContributionsCents,
    width: 14,
  },
  { header: 'Cash required', kind: 'cents', value: (row) => row.cashRequiredCents, width: 14 },
  { header: 'Company debit', kind: 'cents', value: (row) => row.companyDebitCents, width: 14 },
  { header: 'Outside the debit', kind: 'cents', value: (row) => row.outsideDebitCents, width: 14 },
]

export function cashRequirementSheet(
  db: CacheDatabase,
  connectionId: string,
): ExportSheet<CashRow> {
  return {
    name: 'Cash requirement',
    columns: CASH_COLUMNS,
    batches: [readReconciliation(db, connectionId).cashRequirements],
  }
}
