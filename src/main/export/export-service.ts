/**
 * Runs an export the accountant asked for: reads the table from the cache, writes it as CSV or
 * XLSX, and puts it where the accountant chose. In Electron that is a path from the save dialog;
 * in the browser host it is a one-time download address the page's session can fetch once.
 */
import { randomBytes } from 'node:crypto'
import { createWriteStream, rmSync } from 'node:fs'
import { basename } from 'node:path'
import type { Writable } from 'node:stream'
import { AppError } from '../../shared/app-error'
import type {
  DirectoryFilters,
  ExportFormat,
  ExportOutcome,
  ExportTable,
} from '../../shared/review'
import type { PayRunFilters } from '../../shared/payroll-review'
import type { CacheDatabase } from '../cache/open-database'
import type { PayrollCache } from '../cache/payroll-cache'
import type { Logger } from '../log/logger'
import type { DirectoryQueries } from '../review/directory-queries'
import { recordAuditEvent } from '../review/audit-trail'
import { writeCsv } from './csv-writer'
import { exportFileTitle, suggestedFileName } from './export-file-name'
import type { ExportSheet } from './export-columns'
import {
  auditTrailSheet,
  cashRequirementSheet,
  checksSheet,
  companySheet,
  customFieldsSheet,
  directorySheet,
  incomeHistorySheet,
  matchedPeopleSheet,
  payHistorySheet,
  payRunsSheet,
  payStatementSheet,
  registerSheet,
  unchangedWhileRead,
  ytdPeopleSheet,
  ytdSheet,
} from './export-tables'
import { writeXlsx } from './xlsx-writer'

export interface SaveFileFilter {
  name: string
  extensions: string[]
}

/**
 * Asks the accountant where to save a file (Electron's save dialog); null when they cancel.
 * Absent where there is no native dialog, as in the browser host, which offers a download.
 */
export type ChooseSavePath = (
  suggestedName: string,
  filters: SaveFileFilter[],
) => Promise<string | null>

export interface ExportRequest extends DirectoryFilters, PayRunFilters {
  connectionId: string
  table: ExportTable
  format: ExportFormat
  unmasked: boolean
  /** The pay run of a `register` export. */
  paymentId?: string
  /** The year of a `ytd`, `ytd_people` or `matched_people` export. */
  year?: number
  /**
   * The person of a `pay_history`, `income_history` or `custom_fields` export, or of a
   * one-person `ytd` export.
   */
  individualId?: string
  /** The statement of a `pay_statement` export, as `payroll.statement` names it. */
  statementRow?: number
}

export interface PendingDownload {
  fileName: string
  contentType: string
  /** Writes the file into `target` and ends it; returns the number of rows. */
  write(target: Writable): Promise<number>
}

/** A download address is good for one fetch, within this long. */
const DOWNLOAD_LIFETIME_MS = 2 * 60_000

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

const FILE_FILTERS: Record<ExportFormat, SaveFileFilter> = {
  csv: { name: 'CSV (comma-separated values)', extensions: ['csv'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
}

export interface ExportServiceDeps {
  db: CacheDatabase
  cache: PayrollCache
  directory: DirectoryQueries
  logger: Logger
  chooseSavePath?: ChooseSavePath
  now?: () => number
}

export class ExportService {
  private readonly downloads = new Map<string, PendingDownload & { expiresAt: number }>()
  private readonly now: () => number

  constructor(private readonly deps: ExportServiceDeps) {
    this.now = deps.now ?? Date.now
  }

  async export(request: ExportRequest): Promise<ExportOutcome> {
    const connection = this.deps.cache.getConnection(request.connectionId)
    if (!connection) throw new AppError('not_found', 'That connection is not in the cache.')
    // Built now, so a missing table fails before a dialog opens or a download is offered.
    this.sheetFor(request)

    const fileName = suggestedFileName(
      connection.companyName ?? connection.customerName,
      exportFileTitle(this.deps.db, request, new Date(this.now())),
      request.format,
    )
    const pending: PendingDownload = {
      fileName,
      contentType: CONTENT_TYPES[request.format],
      write: (target) => this.write(request, target),
    }

    if (!this.deps.chooseSavePath) return this.offerDownload(pending)

    const path = await this.deps.chooseSavePath(fileName, [FILE_FILTERS[request.format]])
    if (path === null) return { outcome: 'cancelled' }
    const rowCount = await this.saveTo(path, pending)
    return { outcome: 'saved', fileName: basename(path), rowCount }
  }

  /**
   * Puts bytes made elsewhere, such as a chart's PNG, where the accountant chooses: a path from
   * the save dialog, or a one-time download address in the browser host. A saved file has no rows.
   */
  async exportFile(file: {
    fileName: string
    contentType: string
    filter: SaveFileFilter
    bytes: Uint8Array
  }): Promise<ExportOutcome> {
    const pending: PendingDownload = {
      fileName: file.fileName,
      contentType: file.contentType,
      write: (target) =>
        new Promise<number>((resolve, reject) => {
          target.on('error', reject)
          target.end(file.bytes, () => resolve(0))
        }),
    }
    if (!this.deps.chooseSavePath) return this.offerDownload(pending)

    const path = await this.deps.chooseSavePath(file.fileName, [file.filter])
    if (path === null) return { outcome: 'cancelled' }
    await this.saveTo(path, pending)
    return { outcome: 'saved', fileName: basename(path), rowCount: 0 }
  }

  /** The download behind a one-time address, removed as it is taken; null if unknown or expired. */
  takeDownload(id: string): PendingDownload | null {
    this.forgetExpired()
    const pending = this.downloads.get(id)
    this.downloads.delete(id)
    return pending ?? null
  }

  private offerDownload(pending: PendingDownload): ExportOutcome {
    this.forgetExpired()
    const id = randomBytes(18).toString('base64url')
    this.downloads.set(id, { ...pending, expiresAt: this.now() + DOWNLOAD_LIFETIME_MS })
    return { outcome: 'download', fileName: pending.fileName, downloadPath: `/__export/${id}` }
  }

  private async saveTo(path: string, pending: PendingDownload): Promise<number> {
    try {
      return await pending.write(createWriteStream(path, { mode: 0o600 }))
    } catch (error) {
      rmSync(path, { force: true })
      if (error instanceof AppError) throw error
      throw new AppError('storage_failed', 'The export could not be written to that file.', {
        cause: error,
      })
    }
  }

  private async write(request: ExportRequest, target: Writable): Promise<number> {
    const sheet = this.sheetFor(request)
    const rowCount =
      request.format === 'csv' ? await writeCsv(sheet, target) : await writeXlsx(sheet, target)

    recordAuditEvent(this.deps.db, {
      action: 'export',
      connectionId: request.connectionId,
      subject: request.table,
      detail: { format: request.format, rowCount, unmasked: request.unmasked },
    })
    this.deps.logger.info(
      `${request.table} ${request.format} export of ${request.connectionId}: ${rowCount} rows${
        request.unmasked ? ', unmasked at the accountant’s request' : ''
      }`,
    )
    return rowCount
  }

  private sheetFor(request: ExportRequest): ExportSheet<never> {
    const { db, cache, directory } = this.deps
    if (request.table === 'company') {
      return companySheet(db, cache, request.connectionId, request.unmasked) as ExportSheet<never>
    }
    if (request.table === 'checks') {
      return checksSheet(db, request.connectionId) as ExportSheet<never>
    }
    if (request.table === 'cash_requirement') {
      return cashRequirementSheet(db, request.connectionId) as ExportSheet<never>
    }
    if (request.table === 'audit_trail') {
      return auditTrailSheet(db, request.connectionId) as ExportSheet<never>
    }
    const payrollSheet = this.payrollSheetFor(request)
    if (payrollSheet) {
      return {
        ...payrollSheet,
        batches: unchangedWhileRead(db, request.connectionId, payrollSheet.batches),
      } as ExportSheet<never>
    }
    const filters: DirectoryFilters = {
      ...(request.search !== undefined ? { search: request.search } : {}),
      ...(request.department !== undefined ? { department: request.department } : {}),
      ...(request.status !== undefined ? { status: request.status } : {}),
      ...(request.managerId !== undefined ? { managerId: request.managerId } : {}),
      ...(request.location !== undefined ? { location: request.location } : {}),
      ...(request.employmentType !== undefined ? { employmentType: request.employmentType } : {}),
    }
    return directorySheet(db, directory, request.connectionId, filters) as ExportSheet<never>
  }

  /**
   * The payroll review's tables, the person page's and the people matched across connections,
   * or null for another table.
   */
  private payrollSheetFor(request: ExportRequest): ExportSheet<unknown> | null {
    const { db } = this.deps
    const { connectionId } = request
    switch (request.table) {
      case 'pay_runs':
        return payRunsSheet(db, connectionId, {
          ...(request.from !== undefined ? { from: request.from } : {}),
          ...(request.to !== undefined ? { to: request.to } : {}),
          ...(request.payGroupId !== undefined ? { payGroupId: request.payGroupId } : {}),
        }) as ExportSheet<unknown>
      case 'register':
        return registerSheet(db, connectionId, required(request.paymentId)) as ExportSheet<unknown>
      case 'ytd':
        return ytdSheet(db, connectionId, required(request.year), request.individualId)
      case 'ytd_people':
        return ytdPeopleSheet(db, connectionId, required(request.year)) as ExportSheet<unknown>
      case 'pay_history':
        return payHistorySheet(
          db,
          connectionId,
          required(request.individualId),
        ) as ExportSheet<unknown>
      case 'pay_statement':
        return payStatementSheet(
          db,
          connectionId,
          required(request.statementRow),
        ) as ExportSheet<unknown>
      case 'income_history':
        return incomeHistorySheet(
          db,
          connectionId,
          required(request.individualId),
        ) as ExportSheet<unknown>
      case 'custom_fields':
        return customFieldsSheet(
          db,
          connectionId,
          required(request.individualId),
        ) as ExportSheet<unknown>
      case 'matched_people':
        return matchedPeopleSheet(db, connectionId, required(request.year)) as ExportSheet<unknown>
      default:
        return null
    }
  }

  private forgetExpired(): void {
    const now = this.now()
    for (const [id, pending] of this.downloads) {
      if (pending.expiresAt <= now) this.downloads.delete(id)
    }
  }
}

/** The contract requires the field for the table; a request without it is refused, not guessed. */
function required<T>(value: T | undefined): T {
  if (value === undefined) throw new AppError('invalid_argument', 'The export is missing a field.')
  return value
}
