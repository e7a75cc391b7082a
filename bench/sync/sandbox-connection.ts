/**
 * Connects to the sandbox the way an employer does in Finch Connect (a session, the sign-in
 * form, the code exchange) and hands back the token, for benchmarks and tests that drive a sync
 * directly rather than through the app's own connect flow.
 */
import { FINCH_PRODUCTS } from '../../src/shared/domain'

const REDIRECT_URI = 'http://127.0.0.1:9/payroll-desk/connect-callback'

export const ALL_PRODUCTS: string[] = [...FINCH_PRODUCTS]

export interface SandboxConnection {
  token: string
  connectionId: string
  companyId: string
  providerId: string
  products: string[]
}

export interface ConnectOptions {
  products?: string[]
  customerId?: string
  customerName?: string
}

export async function connect(
  baseURL: string,
  client: { clientId: string; clientSecret: string },
  username: string,
  options: ConnectOptions = {},
): Promise<SandboxConnection> {
  const products = options.products ?? ALL_PRODUCTS
  const basic = Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')
  const session = await json(
    await fetch(`${baseURL}/connect/sessions`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${basic}`,
        'Finch-API-Version': '2020-09-17',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        customer_id: options.customerId ?? 'bench',
        customer_name: options.customerName ?? 'Benchmark',
        products,
        redirect_uri: REDIRECT_URI,
      }),
    }),
  )
  const connectUrl = new URL(session.connect_url as string)
  const login = await fetch(`${baseURL}/authorize/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      session: connectUrl.searchParams.get('session') ?? '',
      state: 'sandbox-employer',
      provider: 'gusto',
      username,
      password: 'letmein',
    }).toString(),
    redirect: 'manual',
  })
  const code = new URL(login.headers.get('location') ?? 'http://x/').searchParams.get('code')
  if (!code) throw new Error(`the sandbox did not sign ${username} in (${login.status})`)
  const token = await json(
    await fetch(`${baseURL}/auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        client_id: client.clientId,
        client_secret: client.clientSecret,
        code,
        redirect_uri: REDIRECT_URI,
      }),
    }),
  )
  return {
    token: token.access_token as string,
    connectionId: token.connection_id as string,
    companyId: (token.company_id as string | undefined) ?? 'company',
    providerId: (token.provider_id as string | undefined) ?? 'gusto',
    products: (token.products as string[] | undefined) ?? products,
  }
}

async function json(response: Response): Promise<Record<string, unknown>> {
  if (!response.ok) throw new Error(`sandbox answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as Record<string, unknown>
}
