/**
 * The fake payroll providers the sandbox's Connect page offers and `GET /providers` lists. One
 * of them logs in through an OAuth pop-up, because real ones do and the app must allow it.
 */
import type { ProviderListResponse } from '@tryfinch/finch-api/resources/providers'

export interface SandboxProvider {
  id: string
  displayName: string
  /** `oauth` providers log in through a pop-up window instead of a form on the Connect page. */
  login: 'credential' | 'oauth'
  primaryColor: string
}

export const SANDBOX_PROVIDERS: readonly SandboxProvider[] = [
  { id: 'gusto', displayName: 'Gusto (sandbox)', login: 'credential', primaryColor: '#f45d48' },
  {
    id: 'adp_workforce_now',
    displayName: 'ADP Workforce Now (sandbox)',
    login: 'credential',
    primaryColor: '#d0271d',
  },
  {
    id: 'paychex_flex',
    displayName: 'Paychex Flex (sandbox)',
    login: 'credential',
    primaryColor: '#004b8d',
  },
  {
    id: 'bamboo_hr',
    displayName: 'Bamboo OAuth (sandbox)',
    login: 'oauth',
    primaryColor: '#73c41d',
  },
]

const PROVIDER_PRODUCTS = [
  'company',
  'directory',
  'individual',
  'ssn',
  'employment',
  'payment',
  'pay_statement',
  'benefits',
]

export function sandboxProvider(id: string): SandboxProvider | undefined {
  return SANDBOX_PROVIDERS.find((provider) => provider.id === id)
}

export function providerCatalogue(): ProviderListResponse[] {
  return SANDBOX_PROVIDERS.map((provider) => ({
    id: provider.id,
    display_name: provider.displayName,
    products: [...PROVIDER_PRODUCTS],
    authentication_methods: [
      { type: provider.login === 'oauth' ? 'oauth' : 'credential' },
      { type: 'assisted' },
    ],
    beta: false,
    manual: false,
    mfa_required: false,
    primary_color: provider.primaryColor,
  }))
}
