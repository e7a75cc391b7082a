/**
 * The payroll cache's reads and writes. Every read goes through the live views (`company`,
 * `directory_entry`, …), which show only each connection's live snapshot, so a reader sees the
 * previous sync or the new one, never half of each (see `snapshot-store.ts`). What leaves here
 * for the UI is already masked (EIN, bank accounts).
 */
import type { Company, IndividualInDirectory } from '@tryfinch/finch-api/resources/hris'
import type {
  CompanyLocation,
  CompanyProfile,
  ConnectionStatus,
  ConnectionSummary,
  DirectoryPage,
  DirectoryRow,
} from '../../shared/domain'
import type { CacheDatabase } from './open-database'
import { closeDatabase } from './open-database'
import { SnapshotStore } from './snapshot-store'
import type { SyncRunRecord } from './staging-snapshot'
import { insertSyncRun } from './staging-snapshot'

export interface NewConnection {
  connectionId: string
  /** Which Finch issued the token: the local demo sandbox or real Finch. */
  environment: 'demo' | 'finch'
  companyId: string
  customerId: string
  customerName: string
  providerId: string
  connectionType: 'provider' | 'finch'
  products: string[]
  connectedAt: string
}

export interface CompanySnapshot {
  connectionId: string
  company: Company | null
  directory: IndividualInDirectory[] | null
  retrievedAt: string
}

interface ConnectionRow {
  connection_id: string
  company_id: string
  customer_id: string
  customer_name: string
  provider_id: string
  connection_type: string
  products_json: string
  status: string
  connected_at: string
  last_synced_at: string | null
  legal_name: string | null
  people_count: number
}

export class PayrollCache {
  /** Staging, swapping and purging snapshots; the sync writes through it. */
  readonly snapshots: SnapshotStore

  constructor(private readonly db: CacheDatabase) {
    this.snapshots = new SnapshotStore(db)
  }

  /** The open database, for the read queries that live beside this class. */
  get database(): CacheDatabase {
    return this.db
  }

  close(): void {
    closeDatabase(this.db)
  }

  saveConnection(connection: NewConnection): void {
    this.db
      .prepare(
        `INSERT INTO connection (connection_id, environment, company_id, customer_id, customer_name, provider_id,
           connection_type, products_json, status, connected_at)
         VALUES (@connectionId, @environment, @companyId, @customerId, @customerName, @providerId,
           @connectionType, @productsJson, 'connected', @connectedAt)
         ON CONFLICT (connection_id) DO UPDATE SET
           customer_name = excluded.customer_name, provider_id = excluded.provider_id,
           connection_type = excluded.connection_type, products_json = excluded.products_json,
           status = 'connected'`,
      )
      .run({ ...connection, productsJson: JSON.stringify(connection.products) })
  }

  setConnectionStatus(connectionId: string, status: ConnectionStatus): void {
    this.db
      .prepare('UPDATE connection SET status = ? WHERE connection_id = ?')
      .run(status, connectionId)
  }

  listConnections(): ConnectionSummary[] {
    const rows = this.db
      .prepare(
        `SELECT c.*, co.legal_name,
           (SELECT count(*) FROM directory_entry d WHERE d.connection_id = c.connection_id) AS people_count
         FROM connection c LEFT JOIN company co ON co.connection_id = c.connection_id
         ORDER BY c.customer_name COLLATE NOCASE, c.connected_at`,
      )
      .all() as ConnectionRow[]
    return rows.map(toConnectionSummary)
  }

  connectionEnvironment(connectionId: string): 'demo' | 'finch' | null {
    const row = this.db
      .prepare('SELECT environment FROM connection WHERE connection_id = ?')
      .get(connectionId) as { environment: 'demo' | 'finch' } | undefined
    return row?.environment ?? null
  }

  getConnection(connectionId: string): ConnectionSummary | null {
    return this.listConnections().find((c) => c.connectionId === connectionId) ?? null
  }

  /**
   * Replaces the connection's company and directory (whichever is given) through a staging
   * snapshot swapped in at once; everything else the live snapshot holds is carried forward.
   */
  replaceCompanySnapshot(snapshot: CompanySnapshot): void {
    const base = this.snapshots.live(snapshot.connectionId)
    const staging = this.snapshots.begin(snapshot.connectionId, {
      mode: 'company',
      paymentsFrom: base?.paymentsFrom ?? null,
      paymentsTo: base?.paymentsTo ?? null,
      fullSyncAt: base?.fullSyncAt ?? null,
      now: snapshot.retrievedAt,
    })
    try {
      if (snapshot.company) {
        staging.replaceAll('company')
        staging.writeCompany(snapshot.company, snapshot.retrievedAt)
      }
      if (snapshot.directory) {
        staging.replaceAll('directory')
        staging.writeDirectory(snapshot.directory.map((person, position) => ({ person, position })))
      }
      staging.finalize()
      staging.swap(null, snapshot.retrievedAt)
    } catch (error) {
      staging.abandon()
      throw error
    }
    this.snapshots.purgeRemoved(snapshot.connectionId)
  }

  recordSyncRun(run: {
    connectionId: string
    startedAt: string
    finishedAt: string
    status: 'succeeded' | 'failed'
    errorCode?: string
    errorMessage?: string
    counts: Record<string, number>
  }): void {
    const record: SyncRunRecord = {
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      status: run.status,
      errorCode: run.errorCode ?? null,
      errorMessage: run.errorMessage ?? null,
      failureKind: null,
      mode: 'company',
      counts: run.counts,
      requests: 0,
      retries: 0,
      rateLimited: 0,
    }
    insertSyncRun(this.db, run.connectionId, null, record)
  }

  companyProfile(connectionId: string): CompanyProfile | null {
    const row = this.db
      .prepare('SELECT * FROM company WHERE connection_id = ?')
      .get(connectionId) as Record<string, string | null> | undefined
    if (!row) return null
    return {
      connectionId,
      legalName: row.legal_name ?? null,
      einMasked: maskEin(row.ein ?? null),
      entityType: row.entity_type ?? null,
      entitySubtype: row.entity_subtype ?? null,
      primaryEmail: row.primary_email ?? null,
      primaryPhone: row.primary_phone ?? null,
      departments: JSON.parse(row.departments_json ?? '[]') as string[],
      locations: JSON.parse(row.locations_json ?? '[]') as CompanyLocation[],
      accounts: JSON.parse(row.accounts_json ?? '[]') as CompanyProfile['accounts'],
      retrievedAt: row.retrieved_at ?? '',
    }
  }

  directoryPage(query: {
    connectionId: string
    offset: number
    limit: number
    search?: string
  }): DirectoryPage {
    // Every word of the search must match the start of some part of the name.
    const words = (query.search ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8)
    const params: Record<string, string | number> = { connectionId: query.connectionId }
    const conditions = ['d.connection_id = @connectionId']
    words.forEach((word, index) => {
      params[`word${index}`] = `${escapeLike(word)}%`
      conditions.push(
        `(coalesce(d.first_name, '') LIKE @word${index} ESCAPE '\\' OR coalesce(d.middle_name, '') LIKE @word${index} ESCAPE '\\' OR coalesce(d.last_name, '') LIKE @word${index} ESCAPE '\\')`,
      )
    })
    const where = conditions.join(' AND ')
    const total = (
      this.db.prepare(`SELECT count(*) AS n FROM directory_entry d WHERE ${where}`).get(params) as {
        n: number
      }
    ).n
    const rows = this.db
      .prepare(
        `SELECT d.*, m.first_name AS manager_first, m.last_name AS manager_last,
           (SELECT json_extract(x.value, '$.data') FROM individual i, json_each(i.emails_json) x
            WHERE i.connection_id = d.connection_id AND i.individual_id = d.individual_id
              AND json_type(x.value, '$.data') = 'text'
            ORDER BY json_extract(x.value, '$.type') IS 'work' DESC, x.key LIMIT 1) AS email
         FROM directory_entry d
         LEFT JOIN directory_entry m ON m.connection_id = d.connection_id AND m.individual_id = d.manager_id
         WHERE ${where}
         ORDER BY d.last_name COLLATE NOCASE, d.first_name COLLATE NOCASE, d.individual_id
         LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: query.limit, offset: query.offset }) as Record<
      string,
      string | number | null
    >[]
    return { total, offset: query.offset, rows: rows.map(toDirectoryRow) }
  }
}

function toConnectionSummary(row: ConnectionRow): ConnectionSummary {
  return {
    connectionId: row.connection_id,
    companyId: row.company_id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    providerId: row.provider_id,
    connectionType: row.connection_type === 'finch' ? 'finch' : 'provider',
    products: JSON.parse(row.products_json) as string[],
    status: row.status as ConnectionStatus,
    connectedAt: row.connected_at,
    lastSyncedAt: row.last_synced_at,
    companyName: row.legal_name,
    peopleCount: row.people_count,
  }
}

function toDirectoryRow(row: Record<string, string | number | null>): DirectoryRow {
  const managerName = [row.manager_first, row.manager_last].filter(Boolean).join(' ')
  return {
    individualId: String(row.individual_id),
    firstName: (row.first_name as string | null) ?? null,
    middleName: (row.middle_name as string | null) ?? null,
    lastName: (row.last_name as string | null) ?? null,
    email: (row.email as string | null) ?? null,
    department: (row.department as string | null) ?? null,
    managerId: (row.manager_id as string | null) ?? null,
    managerName: managerName || null,
    isActive: row.is_active === null ? null : row.is_active === 1,
  }
}

/** An EIN is shown only by its last four digits. */
export function maskEin(ein: string | null): string | null {
  if (!ein) return null
  const digits = ein.replace(/\D/g, '')
  return digits.length >= 4 ? `••-•••${digits.slice(-4)}` : '••-•••••••'
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}
