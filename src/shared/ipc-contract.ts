/**
 * The IPC contract: every channel's argument schema (checked at run time in main) and result
 * type, and every event's payload. Main, the preload and the renderer all read this one file.
 */
import { z } from 'zod'
import type { AppErrorShape } from './app-error'
import type {
  AppSettings,
  AppStatus,
  ClientSummary,
  CompanyProfile,
  ConnectOpenIn,
  ConnectionOverview,
  ConnectionSummary,
  DirectoryPage,
  DisconnectOutcome,
  PolicyStatus,
  SyncProgress,
  SyncSummary,
} from './domain'
import { CONNECT_OPEN_IN, CONNECT_SANDBOX_MODES, FINCH_ID_PATTERN, FINCH_PRODUCTS } from './domain'
import type { IpcChannel, IpcEvent } from './ipc-channels'
import type { ConnectionFreshness, DirectoryFacets, ExportOutcome, OrgReportsPage } from './review'
import { DIRECTORY_STATUSES, EXPORT_FORMATS } from './review'
import type {
  PayGroupChoice,
  PayRunPage,
  PayStatementDetail,
  RegisterPage,
  RegisterSummary,
} from './payroll-review'
import type { YtdPeoplePage, YtdSummary } from './ytd-review'
import type { PayHistoryPage, PersonProfile, RevealedSsn } from './person-review'
import type { AttentionItem, ClientDashboard } from './dashboard'
import type {
  AuditPage,
  MatchedPeoplePage,
  ReconciliationReport,
  VarianceReport,
  YearEndPage,
} from './checks'
import { YEAR_END_FORMATS } from './checks'
import { DASHBOARD_PERIODS, MAX_IMAGE_BYTES, hasPngSignature } from './dashboard'

/** Finch identifiers are UUIDs or similar opaque ids; nothing else may reach a query. */
export const finchIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(FINCH_ID_PATTERN, 'must be an identifier')

const noArguments = z.undefined()

/** A calendar date as Finch writes pay dates; nothing looser may reach a date comparison. */
const isoDateSchema = z.iso.date()

const connectionArgument = z.strictObject({ connectionId: finchIdSchema })

/** The people table's search and filters, shared by its windowed reads and its export. */
const directoryFilterFields = {
  search: z.string().max(200).optional(),
  department: z.string().max(500).optional(),
  status: z.enum(DIRECTORY_STATUSES).optional(),
  managerId: finchIdSchema.optional(),
  location: z.string().max(500).optional(),
  employmentType: z.string().max(200).optional(),
}

const exportChoiceFields = {
  connectionId: finchIdSchema,
  format: z.enum(EXPORT_FORMATS),
  /** Masked identifiers stay masked unless the accountant confirmed otherwise in the UI. */
  unmasked: z.boolean(),
}

export const ipcArgumentSchemas = {
  'app.status': noArguments,
  'settings.get': noArguments,
  'settings.update': z.strictObject({
    // Optional so the UI can leave out what the machine policy manages.
    mode: z.enum(['demo', 'finch']).optional(),
    clientId: z.string().trim().min(1).max(200).optional(),
    clientSecret: z
      .string()
      .min(1)
      .max(500)
      .regex(/^[\x21-\x7e]+$/, 'must be printable characters without spaces')
      .optional(),
    redirectUri: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    finchBaseUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    browserCallbackPort: z.int().min(1024).max(65535).nullable().optional(),
  }),
  'connections.list': noArguments,
  'connect.start': z
    .strictObject({
      /** A new client company's name; an existing client is named by `customerId` instead. */
      customerName: z.string().trim().min(1).max(200).optional(),
      customerId: finchIdSchema.optional(),
      products: z
        .array(z.enum(FINCH_PRODUCTS))
        .min(1)
        .max(FINCH_PRODUCTS.length)
        .refine((list) => new Set(list).size === list.length, 'must not repeat a product'),
      sandbox: z.enum(CONNECT_SANDBOX_MODES).optional(),
      openIn: z.enum(CONNECT_OPEN_IN).optional(),
    })
    .refine(
      (request) => (request.customerName === undefined) !== (request.customerId === undefined),
      { message: 'give customerName for a new client or customerId for an existing one' },
    ),
  'connect.cancel': noArguments,
  'connect.reauthenticate': z.strictObject({
    connectionId: finchIdSchema,
    openIn: z.enum(CONNECT_OPEN_IN).optional(),
  }),
  'clients.list': noArguments,
  'connections.get': connectionArgument,
  'connections.disconnect': z.strictObject({ connectionId: finchIdSchema, purge: z.boolean() }),
  'settings.removeClientSecret': noArguments,
  'settings.policy': noArguments,
  'sync.run': connectionArgument,
  'sync.cancel': connectionArgument,
  'company.get': connectionArgument,
  'directory.page': z.strictObject({
    connectionId: finchIdSchema,
    offset: z.int().min(0).max(10_000_000),
    limit: z.int().min(1).max(500),
    search: z.string().max(200).optional(),
  }),
  'directory.query': z.strictObject({
    connectionId: finchIdSchema,
    offset: z.int().min(0).max(10_000_000),
    limit: z.int().min(1).max(500),
    ...directoryFilterFields,
  }),
  'directory.facets': connectionArgument,
  'org.reports': z.strictObject({
    connectionId: finchIdSchema,
    managerId: finchIdSchema.nullable(),
    offset: z.int().min(0).max(10_000_000),
    limit: z.int().min(1).max(200),
  }),
  'review.freshness': connectionArgument,
  'export.table': z.discriminatedUnion('table', [
    z.strictObject({
      table: z.literal('directory'),
      ...exportChoiceFields,
      ...directoryFilterFields,
    }),
    z.strictObject({ table: z.literal('company'), ...exportChoiceFields }),
    z.strictObject({ table: z.literal('checks'), ...exportChoiceFields }),
    z.strictObject({ table: z.literal('cash_requirement'), ...exportChoiceFields }),
    z.strictObject({ table: z.literal('audit_trail'), ...exportChoiceFields }),
    z.strictObject({
      table: z.literal('pay_runs'),
      ...exportChoiceFields,
      from: isoDateSchema.optional(),
      to: isoDateSchema.optional(),
      payGroupId: finchIdSchema.optional(),
    }),
    z.strictObject({
      table: z.literal('register'),
      ...exportChoiceFields,
      paymentId: finchIdSchema,
    }),
    z.strictObject({
      table: z.literal('ytd'),
      ...exportChoiceFields,
      year: z.int().min(1900).max(2200),
      individualId: finchIdSchema.optional(),
    }),
    z.strictObject({
      table: z.literal('ytd_people'),
      ...exportChoiceFields,
      year: z.int().min(1900).max(2200),
    }),
    z.strictObject({
      table: z.literal('pay_history'),
      ...exportChoiceFields,
      individualId: finchIdSchema,
    }),
    z.strictObject({
      table: z.literal('pay_statement'),
      ...exportChoiceFields,
      statementRow: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
    }),
    z.strictObject({
      table: z.literal('income_history'),
      ...exportChoiceFields,
      individualId: finchIdSchema,
    }),
    z.strictObject({
      table: z.literal('custom_fields'),
      ...exportChoiceFields,
      individualId: finchIdSchema,
    }),
    z.strictObject({
      table: z.literal('matched_people'),
      ...exportChoiceFields,
      /** The year the people view shows; every matched person is exported, not one page. */
      year: z.int().min(1900).max(2200),
    }),
  ]),
  'dashboard.get': z.strictObject({
    connectionId: finchIdSchema,
    period: z.enum(DASHBOARD_PERIODS),
  }),
  'dashboard.attention': connectionArgument,
  'export.image': z.strictObject({
    /** What the picture shows, such as `Large Co gross pay`; main makes it a safe file name. */
    name: z.string().trim().min(1).max(120),
    pngBase64: z
      .string()
      .max(Math.ceil(MAX_IMAGE_BYTES / 3) * 4)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64')
      .refine(hasPngSignature, 'must be a PNG image'),
  }),
  'payroll.payGroups': connectionArgument,
  'payroll.runs': z.strictObject({
    connectionId: finchIdSchema,
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    payGroupId: finchIdSchema.optional(),
    offset: z.int().min(0).max(10_000_000),
    limit: z.int().min(1).max(500),
  }),
  'payroll.registerSummary': z.strictObject({
    connectionId: finchIdSchema,
    paymentId: finchIdSchema,
  }),
  'payroll.register': z.strictObject({
    connectionId: finchIdSchema,
    paymentId: finchIdSchema,
    offset: z.int().min(0).max(10_000_000),
    limit: z.int().min(1).max(500),
  }),
  'payroll.statement': z.strictObject({
    connectionId: finchIdSchema,
    statementRow: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  }),
  'ytd.summary': z.strictObject({
    connectionId: finchIdSchema,
    year: z.int().min(1900).max(2200),
    individualId: finchIdSchema.optional(),
  }),
  'ytd.people': z.strictObject({
    connectionId: finchIdSchema,
    year: z.int().min(1900).max(2200),
    offset: z.int().min(0).max(10_000_000),
    limit: z.int().min(1).max(500),
  }),
  'checks.reconciliation': z.strictObject({
    connectionId: finchIdSchema,
    /** One pay run's checks; every run's when absent. */
    paymentId: finchIdSchema.optional(),
    /** The next page of failing statements starts after this many. */
    imbalanceOffset: z.int().min(0).max(10_000_000).optional(),
  }),
  'checks.variance': z.strictObject({
    connectionId: finchIdSchema,
    currentPaymentId: finchIdSchema.optional(),
    previousPaymentId: finchIdSchema.optional(),
    changePercent: z.number().min(0).max(10_000).optional(),
    overtimeFactor: z.number().min(1).max(100).optional(),
  }),
  'checks.pdf': connectionArgument,
  'checks.yearEnd': z.strictObject({
    connectionId: finchIdSchema,
    /** Left out, the newest year with payments. */
    year: z.int().min(1900).max(2200).optional(),
    offset: z.int().min(0).max(10_000_000),
    limit: z.int().min(1).max(500),
  }),
  'checks.yearEndExport': z.strictObject({
    connectionId: finchIdSchema,
    year: z.int().min(1900).max(2200),
    format: z.enum(YEAR_END_FORMATS),
  }),
  'checks.people': z.strictObject({
    connectionId: finchIdSchema,
    /** Left out, the newest year with payments. */
    year: z.int().min(1900).max(2200).optional(),
    offset: z.int().min(0).max(10_000_000),
    limit: z.int().min(1).max(200),
  }),
  'audit.page': z.strictObject({
    connectionId: finchIdSchema,
    offset: z.int().min(0).max(10_000_000),
    limit: z.int().min(1).max(500),
  }),
  'person.profile': z.strictObject({ connectionId: finchIdSchema, individualId: finchIdSchema }),
  'person.payHistory': z.strictObject({
    connectionId: finchIdSchema,
    individualId: finchIdSchema,
    offset: z.int().min(0).max(10_000_000),
    limit: z.int().min(1).max(500),
  }),
  /** `confirmed` must be true: the accountant confirmed the reveal in the UI first. */
  'person.revealSsn': z.strictObject({
    connectionId: finchIdSchema,
    individualId: finchIdSchema,
    confirmed: z.literal(true),
  }),
} satisfies Record<IpcChannel, z.ZodType>

export interface IpcResults {
  'app.status': AppStatus
  'settings.get': AppSettings
  'settings.update': AppSettings
  'connections.list': ConnectionSummary[]
  'connect.start': ConnectionSummary
  'connect.cancel': { cancelled: boolean }
  'connect.reauthenticate': ConnectionSummary
  'clients.list': ClientSummary[]
  'connections.get': ConnectionOverview
  'connections.disconnect': DisconnectOutcome
  'settings.removeClientSecret': AppSettings
  'settings.policy': PolicyStatus
  'sync.run': SyncSummary
  /** False when the connection had no sync running. */
  'sync.cancel': { cancelled: boolean }
  'company.get': CompanyProfile | null
  'directory.page': DirectoryPage
  'directory.query': DirectoryPage
  'directory.facets': DirectoryFacets
  'org.reports': OrgReportsPage
  'review.freshness': ConnectionFreshness
  'export.table': ExportOutcome
  'payroll.payGroups': PayGroupChoice[]
  'payroll.runs': PayRunPage
  /** Null when the payment is not in the connection's cache. */
  'payroll.registerSummary': RegisterSummary | null
  'payroll.register': RegisterPage
  'payroll.statement': PayStatementDetail | null
  'ytd.summary': YtdSummary
  'ytd.people': YtdPeoplePage
  'checks.reconciliation': ReconciliationReport
  'checks.variance': VarianceReport
  'audit.page': AuditPage
  'checks.pdf': ExportOutcome
  'checks.yearEnd': YearEndPage
  'checks.yearEndExport': ExportOutcome
  'checks.people': MatchedPeoplePage
  'dashboard.get': ClientDashboard
  'dashboard.attention': AttentionItem[]
  'export.image': ExportOutcome
  /** Null when the person is not in the connection's cache. */
  'person.profile': PersonProfile | null
  'person.payHistory': PayHistoryPage
  /** The full SSN, audited; `not_found` when the cache holds none for the person. */
  'person.revealSsn': RevealedSsn
}

export interface IpcEventPayloads {
  'connections.changed': { reason: string }
  'sync.progress': SyncProgress
  /** The Connect view is open (or closed) in front of the app; the UI dims itself meanwhile. */
  'connect.presenting': { open: boolean; where?: ConnectOpenIn }
}

export type IpcArguments<C extends IpcChannel> = z.input<(typeof ipcArgumentSchemas)[C]>
export type IpcParsedArguments<C extends IpcChannel> = z.output<(typeof ipcArgumentSchemas)[C]>
export type IpcResult<C extends IpcChannel> = IpcResults[C]

export type IpcResponse<T = unknown> = { ok: true; value: T } | { ok: false; error: AppErrorShape }

/**
 * What the preload (or the browser host's bridge) puts on `window.payrollDesk`: one call and
 * one subscription, both limited to the contract's names.
 */
export interface PayrollDeskBridge {
  invoke(channel: IpcChannel, args?: unknown): Promise<IpcResponse>
  on(event: IpcEvent, listener: (payload: unknown) => void): () => void
}

export type { IpcChannel, IpcEvent }
