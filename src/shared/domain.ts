/**
 * The payroll objects the UI reads, as main sends them over IPC: already cleaned (no tokens,
 * SSNs masked), with money in integer cents.
 */
export const FINCH_PRODUCTS = [
  'company',
  'directory',
  'individual',
  'ssn',
  'employment',
  'payment',
  'pay_statement',
  'benefits',
] as const

export type FinchProduct = (typeof FINCH_PRODUCTS)[number]

export type ConnectionStatus = 'connected' | 'needs_reauthentication' | 'disconnected'

export interface ConnectionSummary {
  connectionId: string
  companyId: string
  customerId: string
  customerName: string
  providerId: string
  connectionType: 'provider' | 'finch'
  products: string[]
  status: ConnectionStatus
  connectedAt: string
  lastSyncedAt: string | null
  companyName: string | null
  peopleCount: number
}

export interface CompanyLocation {
  line1: string | null
  line2: string | null
  city: string | null
  state: string | null
  postalCode: string | null
  country: string | null
}

export interface CompanyProfile {
  connectionId: string
  legalName: string | null
  /** Masked to the last four digits: `••-•••1234`. */
  einMasked: string | null
  entityType: string | null
  entitySubtype: string | null
  primaryEmail: string | null
  primaryPhone: string | null
  departments: string[]
  locations: CompanyLocation[]
  /** Bank accounts, masked to their last four digits. */
  accounts: {
    accountName: string | null
    institutionName: string | null
    accountType: string | null
    last4: string | null
  }[]
  retrievedAt: string
}

export interface DirectoryRow {
  individualId: string
  firstName: string | null
  middleName: string | null
  lastName: string | null
  department: string | null
  managerId: string | null
  managerName: string | null
  isActive: boolean | null
}

export interface DirectoryPage {
  total: number
  offset: number
  rows: DirectoryRow[]
}

export interface SyncSummary {
  connectionId: string
  status: 'succeeded' | 'failed'
  startedAt: string
  finishedAt: string
  counts: Record<string, number>
}

export interface SyncProgress {
  connectionId: string
  product: string
  done: number
  total: number | null
}

export interface AppStatus {
  mode: 'demo' | 'finch'
  version: string
}

export interface AppSettings {
  mode: 'demo' | 'finch'
  clientId: string | null
  /** Whether a client secret is stored; the secret itself is never sent to the UI. */
  hasClientSecret: boolean
  redirectUri: string
  finchBaseUrl: string
}
