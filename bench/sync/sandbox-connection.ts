/**
 * Connects to the sandbox the way an employer does in Finch Connect (a session, the sign-in
 * form, the code exchange) and hands back the token, for benchmarks that drive a sync directly.
 */
const REDIRECT_URI = 'http://127.0.0.1:9/payroll-desk/connect-callback'

export const ALL_PRODUCTS = [
  'company',
  'directory',
  'individual',
  'ssn',
  'employment',
  'payment',
  'pay_statement',
  'benefits',
]

export interface BenchConnection {
  token: string
  connectionId: string
  products: string[]
}

export async function connect(
  baseURL: string,
  client: { clientId: string; clientSecret: string },
  username: string,
): Promise<BenchConnection> {
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
        customer_id: 'bench',
        customer_name: 'Benchmark',
        products: ALL_PRODUCTS,
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
      state: 'bench',
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
    products: (token.products as string[] | undefined) ?? ALL_PRODUCTS,
  }
}

async function json(response: Response): Promise<Record<string, unknown>> {
  if (!response.ok) throw new Error(`sandbox answered ${response.status}`)
  return (await response.json()) as Record<string, unknown>
}
