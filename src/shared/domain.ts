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

/**
 * What a Finch identifier (connection, individual, payment, pay group...) may look like: UUIDs
 * and similar opaque ids. The sync refuses any other as malformed, and IPC accepts no other, so
 * every stored id can be asked about.
 */
export const FINCH_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/

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
  /** The person's work email, or another when Finch has no work email for them. */
  email: string | null
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
  /** `cancelled`: stopped through `sync.cancel`; the previous data is unchanged. */
  status: 'succeeded' | 'failed' | 'cancelled'
  startedAt: string
  finishedAt: string
  counts: Record<string, number>
  /** `incremental` re-read only recent payments and new or changed people. */
  mode?: 'full' | 'incremental'
  /** Requests sent to Finch, retries included. */
  requests?: number
  retries?: number
}

export interface SyncProgress {
  connectionId: string
  product: string
  done: number
  total: number | null
  /** Requests sent for this product so far, retries included. */
  requests?: number
  /** Requests sent again after a failure or a 429. */
  retries?: number
  /** `pending`: Finch is still collecting it; `skipped`: the previous data was kept. */
  state?: 'running' | 'done' | 'pending' | 'unavailable' | 'skipped'
  /**
   * Set while the product's next request waits for Finch's rate limit: how long the wait was
   * when it began, in ms. The next event without it means requests go out again.
   */
  waitingMs?: number
}

export interface AppStatus {
  mode: 'demo' | 'finch'
  version: string
  /** What the app had to do at start that the accountant should know about. */
  notices: StartupNotice[]
}

/** A damaged cache was moved aside and a new one started; its connections need a sync. */
export interface StartupNotice {
  kind: 'cache_moved_aside'
  message: string
  /** The damaged file's new name, kept for support; it is never deleted by the app. */
  movedTo: string
  /** How many connections were carried over to the new cache, each ready to sync again. */
  connectionsKept: number
}

export interface AppSettings {
  mode: 'demo' | 'finch'
  clientId: string | null
  /** Whether a client secret is stored; the secret itself is never sent to the UI. */
  hasClientSecret: boolean
  redirectUri: string
  finchBaseUrl: string
  /** The fixed loopback port for "Connect in my browser"; null picks a free port per attempt. */
  browserCallbackPort: number | null
  /** Settings the machine policy sets; the UI shows them read-only. */
  managed: ManagedSetting[]
}

export const MANAGED_SETTINGS = [
  'mode',
  'clientId',
  'redirectUri',
  'finchBaseUrl',
  'browserCallbackPort',
] as const

export type ManagedSetting = (typeof MANAGED_SETTINGS)[number]

/** What the machine policy file said, as the UI may show it (the policy never holds a secret). */
export interface PolicyStatus {
  /** Where this machine looks for the policy file. */
  path: string
  status: 'absent' | 'applied' | 'invalid'
  /** Why an invalid policy was refused, for the administrator; null otherwise. */
  problem: string | null
  managed: ManagedSetting[]
  autoUpdate: { enabled: boolean; feedUrl: string | null } | null
}

/** Where Finch Connect opens: embedded in the app window, or in the system browser. */
export const CONNECT_OPEN_IN = ['app', 'browser'] as const

export type ConnectOpenIn = (typeof CONNECT_OPEN_IN)[number]

/** How long a connect attempt waits for Finch Connect before it stops by itself. */
export const CONNECT_TIMEOUT_MINUTES = 15

/** Finch's own test modes for a Connect session; absent means a live connection. */
export const CONNECT_SANDBOX_MODES = ['finch', 'provider'] as const

export type ConnectSandboxMode = (typeof CONNECT_SANDBOX_MODES)[number]

/** What Finch's introspection said about a connection when it was last asked. Never a token. */
export interface ConnectionAccount {
  /** Finch's connection status: `connected`, `pending`, `processing`, `reauth`, `error_*`, ... */
  status: string
  message: string | null
  /** When Finch last read the employer's system successfully. */
  lastSuccessfulSync: string | null
  /** Assisted connections refresh weekly, automated ones daily. */
  manual: boolean | null
  authenticationMethods: { type: string; status: string | null; products: string[] }[]
  entities: { id: string; name: string | null; status: string }[]
  checkedAt: string
}

/** A connection as the home view lists it. */
export interface ConnectionOverview extends ConnectionSummary {
  account: ConnectionAccount | null
  /** How the newest sync attempt ended, when it failed; null when it succeeded or none ran. */
  lastSyncError: string | null
  /** `stale` when the cache or Finch's own copy is older than its refresh cycle allows. */
  freshness: 'fresh' | 'stale' | 'never_synced'
}

/** A client company of the firm, with every connection made for it. */
export interface ClientSummary {
  customerId: string
  name: string
  createdAt: string
  connections: ConnectionOverview[]
}

export interface DisconnectOutcome {
  connectionId: string
  /** Whether Finch confirmed the connection's token was revoked. */
  revoked: boolean
  /** Whether the cached data was deleted; otherwise it stays readable as a disconnected connection. */
  purged: boolean
}
