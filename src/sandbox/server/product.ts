/**
 * Finch products (the permissions an employer grants in Connect), as the official SDK lists them
 * for a Connect session, so the sandbox accepts exactly what the app may ask for.
 */
import type { SessionNewParams } from '@tryfinch/finch-api/resources/connect/sessions'

export type Product = SessionNewParams['products'][number]

export const PRODUCTS: readonly Product[] = [
  'benefits',
  'company',
  'deduction',
  'directory',
  'documents',
  'employment',
  'individual',
  'payment',
  'pay_statement',
  'plans',
  'plans_dependents',
  'plans_enrollments',
  'recordkeeping',
  'ssn',
]

export function isProduct(value: unknown): value is Product {
  return typeof value === 'string' && (PRODUCTS as readonly string[]).includes(value)
}

/** Finch still accepts `deduction` as the old name of `benefits`; either one grants the other. */
export function grantsProduct(granted: readonly string[], product: Product): boolean {
  if (granted.includes(product)) return true
  if (product === 'benefits') return granted.includes('deduction')
  if (product === 'deduction') return granted.includes('benefits')
  return false
}
