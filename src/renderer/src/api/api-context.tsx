/**
 * Hands the one API client to every view, so a test or a story can render a view with a fake.
 */
import { createContext, useContext } from 'react'
import type { ReactNode } from 'react'
import type { PayrollDeskApi } from './payroll-desk-api'

const ApiContext = createContext<PayrollDeskApi | null>(null)

export function ApiProvider({ api, children }: { api: PayrollDeskApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>
}

export function useApi(): PayrollDeskApi {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi needs an ApiProvider above it.')
  return api
}
