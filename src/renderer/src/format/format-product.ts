/** Names Finch products (permissions) in the accountant's words. */
import { formatFinchTerm } from './format-finch-term'

const PRODUCT_LABELS: Record<string, string> = {
  company: 'Company',
  directory: 'Directory',
  individual: 'Individuals',
  ssn: 'SSNs',
  employment: 'Employment',
  payment: 'Payments',
  pay_statement: 'Pay statements',
  benefits: 'Benefits',
  // Not a product Connect asks for: pay groups come with Payments, and a sync reads them apart.
  pay_group: 'Pay groups',
}

/** A known product's label; a product Finch added later shows its own name, made readable. */
export function formatProduct(product: string): string {
  return PRODUCT_LABELS[product] ?? formatFinchTerm(product)
}

export function formatProductList(products: readonly string[]): string {
  return products.length === 0 ? 'None' : products.map(formatProduct).join(', ')
}
