/**
 * The short form that starts Finch Connect for a client company: its name and the products
 * (permissions) to ask the employer for. SSNs are left out unless the accountant asks.
 */
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { FINCH_PRODUCTS } from '../../../shared/domain'
import type { FinchProduct } from '../../../shared/domain'
import type { IpcArguments } from '../../../shared/ipc-contract'
import { formatProduct } from '../format/format-product'

const DEFAULT_PRODUCTS: readonly FinchProduct[] = FINCH_PRODUCTS.filter(
  (product) => product !== 'ssn',
)

export function ConnectForm({
  id,
  busy,
  onStart,
  onClose,
}: {
  id: string
  busy: boolean
  onStart: (request: IpcArguments<'connect.start'>) => void
  onClose: () => void
}) {
  const fieldId = useId()
  const [customerName, setCustomerName] = useState('')
  const [products, setProducts] = useState<ReadonlySet<FinchProduct>>(new Set(DEFAULT_PRODUCTS))
  const [problem, setProblem] = useState<{ field: 'name' | 'products'; message: string } | null>(
    null,
  )

  function toggle(product: FinchProduct, checked: boolean) {
    const next = new Set(products)
    if (checked) next.add(product)
    else next.delete(product)
    setProducts(next)
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return

    const name = customerName.trim()
    if (!name) {
      setProblem({ field: 'name', message: "Enter the client company's name." })
      return
    }
    if (products.size === 0) {
      setProblem({ field: 'products', message: 'Choose at least one product.' })
      return
    }

    setProblem(null)
    onStart({ customerName: name, products: FINCH_PRODUCTS.filter((p) => products.has(p)) })
  }

  const nameProblem = problem?.field === 'name' ? problem.message : null
  const productsProblem = problem?.field === 'products' ? problem.message : null

  return (
    <form
      id={id}
      className="panel connect-form"
      aria-label="Connect a company"
      onSubmit={submit}
      noValidate
    >
      <h2 className="panel-title">Connect a company</h2>

      <div className="field">
        <label htmlFor={`${fieldId}-name`}>Client company name</label>
        <input
          id={`${fieldId}-name`}
          name="customerName"
          type="text"
          maxLength={200}
          autoComplete="organization"
          value={customerName}
          aria-invalid={nameProblem ? true : undefined}
          aria-describedby={nameProblem ? `${fieldId}-name-problem` : undefined}
          onChange={(event) => setCustomerName(event.target.value)}
        />
        {nameProblem && (
          <p id={`${fieldId}-name-problem`} className="field-problem">
            {nameProblem}
          </p>
        )}
      </div>

      <fieldset
        className="field product-choices"
        aria-describedby={productsProblem ? `${fieldId}-products-problem` : undefined}
      >
        <legend>Products to request</legend>
        {FINCH_PRODUCTS.map((product) => (
          <label key={product} className="checkbox">
            <input
              type="checkbox"
              name="products"
              value={product}
              checked={products.has(product)}
              onChange={(event) => toggle(product, event.target.checked)}
            />
            {formatProduct(product)}
          </label>
        ))}
        {productsProblem && (
          <p id={`${fieldId}-products-problem`} className="field-problem">
            {productsProblem}
          </p>
        )}
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-disabled={busy}>
          Open Finch Connect
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  )
}
