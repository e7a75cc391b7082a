/**
 * Packs pay-statement pages into as few `POST /employer/pay-statement` requests as Finch's
 * limits allow: up to 10 payments per request, each paged up to 5,000 statements, and a budget
 * of statements per request that bounds a body's size (and so the memory a sync needs). The
 * first page of a payment asks for as many statements as the payment lists people, so a payment
 * usually takes one page; a payment with more gets follow-up pages, queued first so it finishes
 * soon. One request never holds two pages of the same payment.
 */

export interface StatementPageRequest {
  paymentId: string
  offset: number
  limit: number
}

export interface StatementBatchLimits {
  paymentsPerRequest: number
  statementsPerPage: number
  statementsPerRequest: number
}

/** Finch's default page size, used when a payment does not say how many people it paid. */
const UNKNOWN_PAYMENT_PAGE = 100

export class StatementPlanner {
  private queue: StatementPageRequest[] = []

  constructor(private readonly limits: StatementBatchLimits) {}

  /** The first page of a payment that lists `expected` people (null when it does not say). */
  add(paymentId: string, expected: number | null): void {
    this.queue.push({
      paymentId,
      offset: 0,
      limit: this.pageSize(expected ?? UNKNOWN_PAYMENT_PAGE),
    })
  }

  /** A page to ask for before any new payment: the rest of a payment, or a page to retry. */
  askNext(paymentId: string, offset: number, remaining: number | null, limit?: number): void {
    this.queue.unshift({
      paymentId,
      offset,
      limit: limit ?? this.pageSize(remaining ?? this.limits.statementsPerPage),
    })
  }

  /** The next request's pages, or null when nothing is left to ask. */
  next(): StatementPageRequest[] | null {
    if (this.queue.length === 0) return null
    const batch: StatementPageRequest[] = []
    const payments = new Set<string>()
    let statements = 0
    const rest: StatementPageRequest[] = []
    for (const page of this.queue) {
      const fits =
        batch.length < this.limits.paymentsPerRequest &&
        !payments.has(page.paymentId) &&
        (batch.length === 0 || statements + page.limit <= this.limits.statementsPerRequest)
      if (fits) {
        batch.push(page)
        payments.add(page.paymentId)
        statements += page.limit
      } else {
        rest.push(page)
      }
    }
    this.queue = rest
    return batch
  }

  get waiting(): number {
    return this.queue.length
  }

  private pageSize(wanted: number): number {
    return Math.max(1, Math.min(this.limits.statementsPerPage, wanted))
  }
}

/** The fewest requests Finch's limits allow for payments with these statement counts. */
export function fewestStatementRequests(
  statementCounts: readonly number[],
  limits: Pick<StatementBatchLimits, 'paymentsPerRequest' | 'statementsPerPage'>,
): number {
  const pages = statementCounts.reduce(
    (sum, count) => sum + Math.max(1, Math.ceil(count / limits.statementsPerPage)),
    0,
  )
  return Math.ceil(pages / limits.paymentsPerRequest)
}
