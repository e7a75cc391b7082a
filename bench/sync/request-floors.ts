/**
 * How many requests a full sync of a sandbox company needs at the least, given Finch's paging and
 * batch limits, and how many a one-person-one-payment-per-request client would make. Both are
 * counted from the company's own data, per product.
 */
import { fewestStatementRequests } from '../../src/main/sync/statement-batches'
import type { CompanyDataset } from '../../src/sandbox/data'

export type RequestCounts = Record<string, number>

/** The SDK's documented limits, which the sandbox enforces. */
export const FINCH_BATCH_LIMITS = {
  peoplePerRequest: 10_000,
  paymentsPerRequest: 10,
  statementsPerPage: 5_000,
  /** Finch's page when a pay-statement request gives no limit. */
  defaultStatementPage: 100,
}

export function statementCounts(dataset: CompanyDataset): number[] {
  return dataset.payments.map((payment) => dataset.payStatements(payment.id)?.length ?? 0)
}

/**
 * The floor: one company read; the whole directory in one page (its `limit` has no ceiling);
 * people in batches of 10,000; one payment list; statement pages of up to 5,000 packed ten to a
 * request; the benefit list and one enrollment list per benefit; the pay-group list and one read
 * per group (only the single read names its members).
 */
export function fewestRequests(dataset: CompanyDataset, counts: number[]): RequestCounts {
  const people = Math.max(
    1,
    Math.ceil(dataset.directory.length / FINCH_BATCH_LIMITS.peoplePerRequest),
  )
  return {
    company: 1,
    directory: 1,
    individual: people,
    employment: people,
    payment: 1,
    pay_statement: fewestStatementRequests(counts, {
      paymentsPerRequest: FINCH_BATCH_LIMITS.paymentsPerRequest,
      statementsPerPage: FINCH_BATCH_LIMITS.statementsPerPage,
    }),
    benefits: 1 + dataset.benefits.length,
    pay_group: 1 + dataset.payGroups.length,
  }
}

/**
 * One person and one payment per request: a directory page per person, an individual and an
 * employment read per person, each payment's statements on its own in Finch's default pages of
 * 100, one enrollment read per enrolled person and benefit.
 */
export function oneByOneRequests(dataset: CompanyDataset, counts: number[]): RequestCounts {
  const people = dataset.directory.length
  const enrolled = dataset.benefits.reduce(
    (sum, benefit) => sum + dataset.enrollments(benefit.benefit_id).length,
    0,
  )
  return {
    company: 1,
    directory: people,
    individual: people,
    employment: people,
    payment: 1,
    pay_statement: counts.reduce(
      (sum, count) => sum + Math.max(1, Math.ceil(count / FINCH_BATCH_LIMITS.defaultStatementPage)),
      0,
    ),
    benefits: 1 + enrolled,
    pay_group: 1 + dataset.payGroups.length,
  }
}

export function total(counts: RequestCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0)
}

/** The product an `/employer/...` path belongs to, in the names above. */
export function productOfPath(path: string): string {
  const [, , resource] = path.split('/')
  switch (resource) {
    case 'pay-statement':
      return 'pay_statement'
    case 'pay-groups':
      return 'pay_group'
    default:
      return resource ?? path
  }
}
