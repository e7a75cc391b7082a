/**
 * Year-to-date figures as they cross IPC, computed the way Finch advises: from the year's
 * payments (by pay date) and their pay statements. Money is integer cents. Types only.
 */

export interface YtdLineTotal {
  /**
   * `tax` is withheld from the employee; `employer_tax` is paid on top by the employer. A
   * deduction Finch does not mark as pre-tax counts as post-tax.
   */
  kind: 'tax' | 'employer_tax' | 'pre_tax_deduction' | 'post_tax_deduction'
  label: string
  totalCents: number
}

export interface YtdSummary {
  year: number
  /** Set when the figures are one person's; absent for the whole company. */
  individualId?: string
  paymentCount: number
  statementCount: number
  grossPayCents: number
  employeeTaxesCents: number
  employerTaxesCents: number
  preTaxDeductionsCents: number
  postTaxDeductionsCents: number
  netPayCents: number
  /**
   * Gross − employee taxes − pre-tax − post-tax deductions − net: zero when the statements add
   * up, otherwise what they leave unexplained.
   */
  unexplainedCents: number
  /** Each tax type and deduction, by kind then label. */
  lines: YtdLineTotal[]
}

export interface YtdPersonRow {
  individualId: string
  /** As the directory names the person (`Rivera, Ana Luisa`); null when it has no name. */
  personName: string | null
  statementCount: number
  grossPayCents: number
  employeeTaxesCents: number
  preTaxDeductionsCents: number
  postTaxDeductionsCents: number
  netPayCents: number
}

export interface YtdPeoplePage {
  total: number
  offset: number
  rows: YtdPersonRow[]
}
