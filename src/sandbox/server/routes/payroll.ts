/**
 * Finch's payroll reads: `GET /employer/payment` between two pay dates, and the batch
 * `POST /employer/pay-statement`, where each payment pages its statements on its own and a
 * payment whose statements are still being fetched answers per item with 202.
 */
import type {
  PayStatementDataSyncInProgress,
  PayStatementResponse,
} from '@tryfinch/finch-api/resources/hris/pay-statements'

import { objectBody } from '../body-fields'
import { batchItems, itemId } from '../batch-requests'
import { invalidRequest, itemNotFound } from '../finch-error'
import { dataEndpoint } from '../finch-rules'
import { pageOf, pageWindow } from '../paging'
import { jsonBody } from '../request-body'
import { jsonReply } from '../reply'
import type { Route } from '../router'

/** The SDK's documented limits: 10 payments per batch; 100 statements a page, at most 5,000. */
export const MAX_PAYMENTS_PER_BATCH = 10
export const DEFAULT_STATEMENTS_PER_PAGE = 100
export const MAX_STATEMENTS_PER_PAGE = 5_000

function calendarDate(name: string, value: string | null): string {
  if (value === null) throw invalidRequest(`${name} is required (YYYY-MM-DD).`)
  const date = new Date(`${value}T00:00:00Z`)
  // Round-tripping catches impossible dates such as 2024-02-30, which Date would roll over.
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  ) {
    throw invalidRequest(`${name} must be a calendar date written YYYY-MM-DD.`)
  }
  return value
}

/** Finch's own words for a payment whose statements are not fetched yet, as the SDK types them. */
const SYNC_IN_PROGRESS: PayStatementDataSyncInProgress = {
  code: 202,
  name: 'accepted',
  finch_code: 'data_sync_in_progress',
  message: 'The pay statements for this payment are being fetched. Please check back later.',
}

export const payrollRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/employer/payment',
    handle: dataEndpoint('payment', (request, _context, { dataset }) => {
      const query = request.url.searchParams
      const start = calendarDate('start_date', query.get('start_date'))
      const end = calendarDate('end_date', query.get('end_date'))
      if (start > end) throw invalidRequest('start_date must not be after end_date.')

      const payments = dataset.payments.filter(
        (payment) =>
          payment.pay_date !== null && payment.pay_date >= start && payment.pay_date <= end,
      )
      return jsonReply(200, payments)
    }),
  },
  {
    method: 'POST',
    pattern: '/employer/pay-statement',
    handle: dataEndpoint('pay_statement', (request, _context, { dataset }) => {
      const items = batchItems(objectBody(jsonBody(request)), MAX_PAYMENTS_PER_BATCH).map(
        (item) => {
          const window = pageWindow(item.limit, item.offset, MAX_STATEMENTS_PER_PAGE)
          return {
            paymentId: itemId(item, 'payment_id'),
            window: { ...window, limit: window.limit ?? DEFAULT_STATEMENTS_PER_PAGE },
          }
        },
      )
      const pending = dataset.behaviour.pendingPayStatementIds

      const responses: PayStatementResponse[] = items.map(({ paymentId, window }) => {
        if (pending?.has(paymentId)) {
          return { payment_id: paymentId, code: 202, body: SYNC_IN_PROGRESS }
        }
        const statements = dataset.payStatements(paymentId)
        if (!statements) {
          const error = itemNotFound('payment_not_found', 'No payment with this id.')
          return { payment_id: paymentId, code: 404, body: error }
        }
        return {
          payment_id: paymentId,
          code: 200,
          body: {
            paging: { count: statements.length, offset: window.offset },
            pay_statements: pageOf(statements, window),
          },
        }
      })
      return jsonReply(200, { responses })
    }),
  },
]
