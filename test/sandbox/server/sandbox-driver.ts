/**
 * Drives the sandbox over real HTTP the way the app and a browser would: a back end creating
 * Connect sessions and exchanging codes, a browser submitting the Connect forms, an API client
 * sending Finch's headers. Shared by the server's tests so each reads as its rule alone.
 */
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../../../src/sandbox'
import { tinyDataset } from './tiny-dataset'

export const TEST_CLIENT = { clientId: 'test-app', clientSecret: 'sandbox-secret-test-app' }
/** Never contacted: the tests read the redirect's Location instead of following it. */
export const REDIRECT_URI = 'http://127.0.0.1:9/finch/callback'
export const API_VERSION = { 'Finch-API-Version': '2020-09-17' }

export function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({
    clients: [TEST_CLIENT],
    datasetFor: tinyDataset,
    rateLimits: false,
    ...options,
  })
}

export function basicAuth(clientId = TEST_CLIENT.clientId, secret = TEST_CLIENT.clientSecret) {
  return { Authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` }
}

export interface SessionRequest {
  customer_id?: string
  customer_name?: string
  products?: string[]
  redirect_uri?: string | null
  [field: string]: unknown
}

export async function createSession(
  sandbox: RunningSandbox,
  body: SessionRequest = {},
): Promise<{ session_id: string; connect_url: string }> {
  const response = await fetch(`${sandbox.url}/connect/sessions`, {
    method: 'POST',
    headers: { ...basicAuth(), ...API_VERSION, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      customer_id: 'customer-1',
      customer_name: 'Harbor Bakery',
      products: ['company', 'directory', 'individual', 'employment', 'payment', 'pay_statement'],
      redirect_uri: REDIRECT_URI,
      ...body,
    }),
  })
  if (response.status !== 200)
    throw new Error(`session: ${response.status} ${await response.text()}`)
  return (await response.json()) as { session_id: string; connect_url: string }
}

/** Posts a Connect form as a browser would, without following the redirect. */
export function postForm(
  sandbox: RunningSandbox,
  path: string,
  fields: Record<string, string>,
): Promise<Response> {
  return fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  })
}

export async function signIn(
  sandbox: RunningSandbox,
  sessionId: string,
  options: { username?: string; password?: string; provider?: string; state?: string } = {},
): Promise<Response> {
  return postForm(sandbox, '/authorize/login', {
    session: sessionId,
    provider: options.provider ?? 'gusto',
    username: options.username ?? 'smallco',
    password: options.password ?? 'letmein',
    ...(options.state === undefined ? {} : { state: options.state }),
  })
}

export function codeFrom(response: Response): string {
  const location = response.headers.get('location')
  if (response.status !== 302 || !location) throw new Error(`no redirect: ${response.status}`)
  const code = new URL(location).searchParams.get('code')
  if (!code) throw new Error(`no code in ${location}`)
  return code
}

export function exchange(
  sandbox: RunningSandbox,
  fields: Record<string, string | undefined>,
): Promise<Response> {
  return fetch(`${sandbox.url}/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      client_id: TEST_CLIENT.clientId,
      client_secret: TEST_CLIENT.clientSecret,
      redirect_uri: REDIRECT_URI,
      ...fields,
    }),
  })
}

export interface Connection {
  accessToken: string
  connectionId: string
  body: Record<string, unknown>
}

/** A whole Connect flow: session, sign-in, code exchange. */
export async function connect(
  sandbox: RunningSandbox,
  options: { username?: string; products?: string[]; provider?: string } = {},
): Promise<Connection> {
  const session = await createSession(
    sandbox,
    options.products ? { products: options.products } : {},
  )
  const code = codeFrom(
    await signIn(sandbox, session.session_id, {
      username: options.username,
      provider: options.provider,
    }),
  )
  const response = await exchange(sandbox, { code })
  if (response.status !== 200) throw new Error(`token: ${response.status} ${await response.text()}`)

  const body = (await response.json()) as Record<string, unknown>
  return {
    accessToken: body.access_token as string,
    connectionId: body.connection_id as string,
    body,
  }
}

/** A Finch API call with the version header and the bearer token. */
export function callApi(
  sandbox: RunningSandbox,
  token: string | null,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(`${sandbox.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...API_VERSION,
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
}

/** A response's JSON, typed as the shape the test expects (the assertions check it). */
export async function bodyOf<T>(response: Response): Promise<T> {
  return (await response.json()) as T
}
