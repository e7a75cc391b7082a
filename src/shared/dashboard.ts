/**
 * The shapes of a client company's dashboard as they cross IPC: totals per pay run, headcount
 * at each pay date, cost by department, the latest run's split of gross pay, and what needs the
 * accountant's attention. Every number is aggregated in main; money is integer cents.
 */

export const DASHBOARD_PERIODS = ['3m', '12m', 'all'] as const

/** How far back from the latest pay date the dashboard reads. */
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number]

/** PNG exports of a chart are refused above this size. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024

export interface PayRunTotals {
  paymentId: string
  payDate: string
  grossPayCents: number
  netPayCents: number
  /** Employer taxes plus employer contributions, from the run's pay statements. */
  employerCostCents: number
  employerTaxesCents: number
  employerContributionsCents: number
  statementCount: number
}

export interface HeadcountPoint {
  payDate: string
  /** People employed on the pay date (started on or before it, not yet ended). */
  active: number
  /** Starts since the previous pay date. */
  hires: number
  /** Ends since the previous pay date. */
  terminations: number
}

export interface DepartmentCost {
  department: string
  grossPayCents: number
  employerCostCents: number
}

export interface GrossSplit {
  paymentId: string
  payDate: string
  grossPayCents: number
  employeeTaxesCents: number
  employeeDeductionsCents: number
  netPayCents: number
}

export type AttentionKind = 'reauthenticate' | 'pending' | 'stale' | 'tie_out' | 'variance'

export interface AttentionItem {
  kind: AttentionKind
  connectionId: string
  /**
   * One sentence an accountant can act on. Where the item is about a pay run, the sentence
   * follows the run's name, which the UI writes from `payDate` in the user's locale.
   */
  message: string
  /** The pay run the item is about, when it is about one. */
  paymentId?: string
  /** That pay run's date (`YYYY-MM-DD`), null when Finch gave none. */
  payDate?: string | null
}

export interface ClientDashboard {
  connectionId: string
  period: DashboardPeriod
  /** The first and last pay date read; null when the cache holds no payments. */
  from: string | null
  to: string | null
  runs: PayRunTotals[]
  headcount: HeadcountPoint[]
  departments: DepartmentCost[]
  latestSplit: GrossSplit | null
}

/** The eight bytes every PNG file starts with (RFC 2083, section 12.12). */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** True when base64 text decodes to bytes that open with the PNG signature. */
export function hasPngSignature(base64: string): boolean {
  let head: string
  try {
    head = atob(base64.slice(0, 12))
  } catch {
    return false
  }
  return PNG_SIGNATURE.every((byte, index) => head.charCodeAt(index) === byte)
}
