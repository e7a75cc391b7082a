/**
 * The IPC contract: every channel's argument schema (checked at run time in main) and result
 * type, and every event's payload. Main, the preload and the renderer all read this one file.
 */
import { z } from 'zod'
import type { AppErrorShape } from './app-error'
import type {
  AppSettings,
  AppStatus,
  CompanyProfile,
  ConnectionSummary,
  DirectoryPage,
  SyncProgress,
  SyncSummary,
} from './domain'
import { FINCH_PRODUCTS } from './domain'
import type { IpcChannel, IpcEvent } from './ipc-channels'

/** Finch identifiers are UUIDs or similar opaque ids; nothing else may reach a query. */
export const finchIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an identifier')

const noArguments = z.undefined()

const connectionArgument = z.strictObject({ connectionId: finchIdSchema })

export const ipcArgumentSchemas = {
  'app.status': noArguments,
  'settings.get': noArguments,
  'settings.update': z.strictObject({
    mode: z.enum(['demo', 'finch']),
    clientId: z.string().trim().min(1).max(200).optional(),
    clientSecret: z.string().min(1).max(500).optional(),
    redirectUri: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    finchBaseUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
  }),
  'connections.list': noArguments,
  'connect.start': z.strictObject({
    customerName: z.string().trim().min(1).max(200),
    products: z
      .array(z.enum(FINCH_PRODUCTS))
      .min(1)
      .max(FINCH_PRODUCTS.length)
      .refine((list) => new Set(list).size === list.length, 'must not repeat a product'),
  }),
  'connect.cancel': noArguments,
  'sync.run': connectionArgument,
  'company.get': connectionArgument,
  'directory.page': z.strictObject({
    connectionId: finchIdSchema,
    offset: z.int().min(0).max(10_000_000),
    limit: z.int().min(1).max(500),
    search: z.string().max(200).optional(),
  }),
} satisfies Record<IpcChannel, z.ZodType>

export interface IpcResults {
  'app.status': AppStatus
  'settings.get': AppSettings
  'settings.update': AppSettings
  'connections.list': ConnectionSummary[]
  'connect.start': ConnectionSummary
  'connect.cancel': { cancelled: boolean }
  'sync.run': SyncSummary
  'company.get': CompanyProfile | null
  'directory.page': DirectoryPage
}

export interface IpcEventPayloads {
  'connections.changed': { reason: string }
  'sync.progress': SyncProgress
  /** The Connect view is open (or closed) in front of the app; the UI dims itself meanwhile. */
  'connect.presenting': { open: boolean }
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
