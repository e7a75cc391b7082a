/**
 * The typed columns of the review tables. A column says how wide it is, how its cells read and
 * whether it holds money, which is always right-aligned in dollars and cents.
 */
import type { ReactNode } from 'react'
import { formatCents } from '../format/format-money'
import { formatDate } from '../format/format-date'

export type ColumnAlign = 'start' | 'end'

export interface TableColumn<Row> {
  /** Stable and unique within a table; used in element ids. */
  key: string
  header: string
  /** A CSS width for the fixed table layout, such as `30%` or `120px`. */
  width: string
  align?: ColumnAlign
  /** The first column names the row for assistive technology (`<th scope="row">`). */
  isRowHeader?: boolean
  render(row: Row): ReactNode
}

const MISSING = '—'

/** A column of integer cents shown as `$1,234.56`, right-aligned. */
export function moneyColumn<Row>(
  key: string,
  header: string,
  cents: (row: Row) => number | null,
  width = '140px',
): TableColumn<Row> {
  return {
    key,
    header,
    width,
    align: 'end',
    render: (row) => {
      const amount = cents(row)
      return amount === null ? MISSING : formatCents(amount)
    },
  }
}

/** A column of calendar dates or timestamps in the user's locale. */
export function dateColumn<Row>(
  key: string,
  header: string,
  value: (row: Row) => string | null,
  width = '130px',
): TableColumn<Row> {
  return { key, header, width, render: (row) => formatDate(value(row)) ?? MISSING }
}

/** A column of text, with a dash where the provider gave nothing. */
export function textColumn<Row>(
  key: string,
  header: string,
  value: (row: Row) => string | null,
  width: string,
  options: { isRowHeader?: boolean } = {},
): TableColumn<Row> {
  return {
    key,
    header,
    width,
    ...(options.isRowHeader ? { isRowHeader: true } : {}),
    render: (row) => value(row) || MISSING,
  }
}
