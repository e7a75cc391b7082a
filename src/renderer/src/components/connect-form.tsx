/**
 * The short form that starts Finch Connect: for a new client company (its name) or another
 * connection of an existing one, the products (permissions) to ask the employer for, where
 * Connect opens (this window by default, or the accountant's web browser) and, with real Finch,
 * whether to use one of Finch's test modes. SSNs are left out unless the accountant asks.
 */
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { FINCH_PRODUCTS } from '../../../shared/domain'
import type {
  AppStatus,
  ConnectOpenIn,
  ConnectSandboxMode,
  FinchProduct,
} from '../../../shared/domain'
import type { IpcArguments } from '../../../shared/ipc-contract'
import { formatProduct } from '../format/format-product'

const DEFAULT_PRODUCTS: readonly FinchProduct[] = FINCH_PRODUCTS.filter(
  (product) => product !== 'ssn',
)

const TEST_MODES: { value: ConnectSandboxMode | 'live'; label: string }[] = [
  { value: 'live', label: 'No: a live connection' },
  { value: 'finch', label: 'Finch sandbox (test logins, made-up data)' },
  { value: 'provider', label: 'Provider sandbox (the provider’s own test account)' },
]

export function ConnectForm({
  id,
  busy,
  client,
  mode,
  onStart,
  onClose,
}: {
  id: string
  busy: boolean
  /** The existing client this connection is added to; absent for a new client. */
  client?: { customerId: string; name: string }
  mode: AppStatus['mode'] | undefined
  onStart: (request: IpcArguments<'connect.start'>) => void
  onClose: () => void
}) {
  const fieldId = useId()
  const [customerName, setCustomerName] = useState('')
  const [products, setProducts] = useState<ReadonlySet<FinchProduct>>(new Set(DEFAULT_PRODUCTS))
  const [openIn, setOpenIn] = useState<ConnectOpenIn>('app')
  const [testMode, setTestMode] = useState<ConnectSandboxMode | 'live'>('live')
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
    if (!client && !name) {
      setProblem({ field: 'name', message: "Enter the client company's name." })
      return
    }
    if (products.size === 0) {
      setProblem({ field: 'products', message: 'Choose at least one product.' })
      return
    }

    setProblem(null)
    onStart({
      ...(client ? { customerId: client.customerId } : { customerName: name }),
      products: FINCH_PRODUCTS.filter((p) => products.has(p)),
      openIn,
      ...(mode === 'finch' && testMode !== 'live' ? { sandbox: testMode } : {}),
    })
  }

  const nameProblem = problem?.field === 'name' ? problem.message : null
  const productsProblem = problem?.field === 'products' ? problem.message : null
  const title = client ? `Add a connection for ${client.name}` : 'Connect a company'

  return (
    <form id={id} className="panel connect-form" aria-label={title} onSubmit={submit} noValidate>
      <h2 className="panel-title">{title}</h2>

      {client ? (
        <p className="field-hint">
          Another payroll or HR system of {client.name}: a second legal entity, a pay group kept
          elsewhere, or a move to a new provider.
        </p>
      ) : (
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
      )}

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

      <fieldset className="field">
        <legend>Open Finch Connect</legend>
        <label className="radio">
          <input
            type="radio"
            name="openIn"
            value="app"
            checked={openIn === 'app'}
            onChange={() => setOpenIn('app')}
          />
          In this window
        </label>
        <label className="radio">
          <input
            type="radio"
            name="openIn"
            value="browser"
            checked={openIn === 'browser'}
            onChange={() => setOpenIn('browser')}
          />
          In my web browser
        </label>
        {openIn === 'browser' && (
          <p className="field-hint">
            Use this when the provider’s sign-in needs your browser (a password manager, single
            sign-on). When Connect is done, the browser sends the connection back to Payroll Desk on
            this computer.
          </p>
        )}
      </fieldset>

      {mode === 'finch' && (
        <fieldset className="field">
          <legend>Test connection</legend>
          {TEST_MODES.map((option) => (
            <label key={option.value} className="radio">
              <input
                type="radio"
                name="testMode"
                value={option.value}
                checked={testMode === option.value}
                onChange={() => setTestMode(option.value)}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
      )}

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
