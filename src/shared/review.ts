/**
 * The shapes of the review workspace's reads and exports as they cross IPC: the filtered
 * directory, its facets, the org chart one manager at a time, how fresh a connection's cache
 * is, and what an export did. Types only, plus the few constants both sides must agree on.
 */
import type { DirectoryRow } from './domain'

/** A cache older than this is called stale on the company page. */
export const STALE_AFTER_DAYS = 7

export const DIRECTORY_STATUSES = ['active', 'terminated', 'unknown'] as const

/** Finch's `is_active` as a filter: `unknown` is a provider that does not say. */
export type DirectoryStatus = (typeof DIRECTORY_STATUSES)[number]

/** The narrowing the accountant chose above the people table. Absent fields do not filter. */
export interface DirectoryFilters {
  search?: string
  department?: string
  status?: DirectoryStatus
  managerId?: string
  /** Where the person works, as a `locations` facet value ("City, ST"). */
  location?: string
  /** Finch's employment type and subtype, as an `employmentTypes` facet value. */
  employmentType?: string
}

export interface FacetValue {
  /** What the filter sends back: a department name, a status, a manager's individual id. */
  value: string
  label: string
  count: number
}

export interface DirectoryFacets {
  total: number
  departments: FacetValue[]
  statuses: FacetValue[]
  managers: FacetValue[]
  /** True when there were more managers than the facet returns; the rest are still reachable by search. */
  managersTruncated: boolean
  /** From each person's employment record; empty when employment data was not synced. */
  locations: FacetValue[]
  employmentTypes: FacetValue[]
  /** False when no one in the directory has an employment record (the product was not granted). */
  hasEmployment: boolean
}

export interface OrgNode extends DirectoryRow {
  /** How many people name this person as their manager. */
  reportCount: number
}

export interface OrgReportsPage {
  /** The manager whose reports these are; null for the top of the chart. */
  managerId: string | null
  total: number
  offset: number
  nodes: OrgNode[]
}

export interface SyncAttempt {
  status: 'succeeded' | 'failed'
  finishedAt: string | null
  errorCode: string | null
}

export interface ConnectionFreshness {
  connectionId: string
  lastSyncedAt: string | null
  lastAttempt: SyncAttempt | null
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const EXPORT_TABLES = [
  'directory',
  'company',
  'checks',
  'cash_requirement',
  'audit_trail',
  'pay_runs',
  'register',
  'ytd',
  'ytd_people',
  'pay_history',
  'pay_statement',
  'income_history',
  'custom_fields',
  'matched_people',
] as const
export type ExportTable = (typeof EXPORT_TABLES)[number]

/**
 * What an export did. `saved` went to a file the accountant chose; `download` is waiting at a
 * one-time address on the browser host; `cancelled` means the save dialog was dismissed.
 */
export type ExportOutcome =
  | { outcome: 'saved'; fileName: string; rowCount: number }
  | { outcome: 'download'; fileName: string; downloadPath: string }
  | { outcome: 'cancelled' }
