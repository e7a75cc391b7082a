/** The Connect pages as a browser meets them: steps, labels, CSP, errors, redirects, pop-up. */
import { Script } from 'node:vm'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { CreateAccessTokenResponse } from '@tryfinch/finch-api/resources/access-tokens'

import type { RunningSandbox } from '../../../src/sandbox'
import {
  API_VERSION,
  basicAuth,
  bodyOf,
  codeFrom,
  connect,
  createSession,
  exchange,
  postForm,
  REDIRECT_URI,
  signIn,
  startTestSandbox,
} from './sandbox-driver'

async function page(
  sandbox: RunningSandbox,
  path: string,
): Promise<{ status: number; html: string; csp: string }> {
  const response = await fetch(`${sandbox.url}${path}`, { redirect: 'manual' })
  return {
    status: response.status,
    html: await response.text(),
    csp: response.headers.get('content-security-policy') ?? '',
  }
}

function attribute(html: string, id: string, name: string): string {
  const element = new RegExp(`<[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? ''
  const value = new RegExp(`${name}="([^"]*)"`).exec(element)?.[1]
  if (value === undefined) throw new Error(`no ${name} on #${id}`)
  return value.replaceAll('&amp;', '&')
}

describe('the Connect pages', () => {
  let sandbox: RunningSandbox
  let now: number

  beforeEach(async () => {
    now = Date.UTC(2024, 5, 1)
    sandbox = await startTestSandbox({ now: () => now })
  })
  afterEach(() => sandbox.close())

  it('show consent for the requested products with Continue and Cancel', async () => {
    const session = await createSession(sandbox, { products: ['company', 'pay_statement'] })

    const consent = await page(
      sandbox,
      new URL(session.connect_url).pathname + new URL(session.connect_url).search,
    )

    expect(consent.status).toBe(200)
    expect(consent.html).toContain('Company details')
    expect(consent.html).toContain('Pay statements')
    expect(consent.html).not.toContain('Social Security')
    expect(consent.html).toMatch(/<button[^>]*id="continue"[^>]*>Continue<\/button>/)
    expect(consent.html).toMatch(/<button[^>]*id="cancel"[^>]*>Cancel<\/button>/)
  })

  it('load nothing from elsewhere and carry a strict, nonce-based CSP', async () => {
    const session = await createSession(sandbox)

    const consent = await page(sandbox, `/authorize?session=${session.session_id}`)

    expect(consent.csp).toContain("default-src 'none'")
    expect(consent.csp).toMatch(/script-src 'nonce-[^']+'/)
    expect(consent.csp).toContain("frame-ancestors 'none'")
    expect(consent.html).not.toMatch(/(src|href)="(https?:)?\/\//)
  })

  it('escape the customer name the app sent', async () => {
    const session = await createSession(sandbox, { customer_name: '<img src=x onerror=alert(1)>' })

    const consent = await page(sandbox, `/authorize?session=${session.session_id}`)

    expect(consent.html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(consent.html).not.toContain('<img')
  })

  it('carry the state through each step', async () => {
    const session = await createSession(sandbox)

    const consent = await page(sandbox, `/authorize?session=${session.session_id}&state=abc%26def`)
    const providers = await page(
      sandbox,
      `/authorize/providers?session=${session.session_id}&state=abc%26def`,
    )

    expect(consent.html).toContain('name="state" value="abc&amp;def"')
    expect(providers.html).toContain('name="state" value="abc&amp;def"')
  })

  it('list the sandbox providers as buttons', async () => {
    const session = await createSession(sandbox)

    const providers = await page(sandbox, `/authorize/providers?session=${session.session_id}`)

    for (const name of [
      'Gusto (sandbox)',
      'ADP Workforce Now (sandbox)',
      'Paychex Flex (sandbox)',
      'Bamboo OAuth (sandbox)',
    ]) {
      expect(providers.html).toMatch(
        new RegExp(
          `<button[^>]*name="provider"[^>]*>\\s*${name.replace(/[()]/g, '\\$&')}\\s*</button>`,
        ),
      )
    }
  })

  it('skip the provider list when the app named the provider', async () => {
    const session = await createSession(sandbox, { integration: { provider: 'paychex_flex' } })

    const consent = await page(sandbox, `/authorize?session=${session.session_id}`)

    expect(consent.html).toContain('action="/authorize/login"')
    expect(consent.html).toContain('name="provider" value="paychex_flex"')
  })

  it('offer a labelled username and password form', async () => {
    const session = await createSession(sandbox)

    const login = await page(
      sandbox,
      `/authorize/login?session=${session.session_id}&provider=gusto`,
    )

    expect(login.html).toContain('<label for="username">Username</label>')
    expect(login.html).toMatch(/<input[^>]*id="username"[^>]*name="username"/)
    expect(login.html).toContain('<label for="password">Password</label>')
    expect(login.html).toMatch(/<input[^>]*type="password"[^>]*id="password"/)
    expect(login.html).toMatch(/<button[^>]*type="submit"[^>]*>Connect<\/button>/)
  })

  it('let the login form reach the redirect URI under the CSP', async () => {
    const session = await createSession(sandbox)

    const login = await page(
      sandbox,
      `/authorize/login?session=${session.session_id}&provider=gusto`,
    )

    expect(login.csp).toContain(`form-action 'self' ${new URL(REDIRECT_URI).origin}`)
  })

  it('let Cancel reach the redirect URI under the CSP from every step that offers it', async () => {
    const session = await createSession(sandbox)
    const origin = new URL(REDIRECT_URI).origin

    const steps = await Promise.all([
      page(sandbox, `/authorize?session=${session.session_id}`),
      page(sandbox, `/authorize/providers?session=${session.session_id}`),
      page(sandbox, `/authorize/login?session=${session.session_id}&provider=gusto`),
    ])

    for (const step of steps) {
      expect(step.html).toContain('id="cancel"')
      expect(step.csp).toContain(`form-action 'self' ${origin}`)
    }
  })

  it('show an error on the page for a wrong password', async () => {
    const session = await createSession(sandbox)

    const response = await signIn(sandbox, session.session_id, { password: 'guess' })
    const html = await response.text()

    expect(response.status).toBe(401)
    expect(html).toMatch(/role="alert"[^>]*>The username or password is incorrect\./)
    expect(html).toContain('value="smallco"')
  })

  it('refuse a username that is no sandbox account', async () => {
    const session = await createSession(sandbox)

    const response = await signIn(sandbox, session.session_id, { username: 'megacorp' })

    expect(response.status).toBe(401)
  })

  it('redirect a good sign-in to the redirect URI with a code and the state', async () => {
    const session = await createSession(sandbox)

    const response = await signIn(sandbox, session.session_id, { state: 'xyz 1' })
    const location = new URL(response.headers.get('location')!)

    expect(response.status).toBe(302)
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI)
    expect(location.searchParams.get('code')).toMatch(/^[\w-]{20,}$/)
    expect(location.searchParams.get('state')).toBe('xyz 1')
  })

  it.each(['largeco', 'assisted', 'reauth', 'empty', 'hostile', 'scale-500-26'])(
    'accept the %s account',
    async (username) => {
      const session = await createSession(sandbox)

      const response = await signIn(sandbox, session.session_id, { username })

      expect(response.status).toBe(302)
    },
  )

  it('redirect Cancel with access_denied and the state', async () => {
    const session = await createSession(sandbox)

    const response = await postForm(sandbox, '/authorize/cancel', {
      session: session.session_id,
      state: 's-1',
    })
    const location = new URL(response.headers.get('location')!)

    expect(response.status).toBe(302)
    expect(location.searchParams.get('error')).toBe('access_denied')
    expect(location.searchParams.get('error_description')).toBeTruthy()
    expect(location.searchParams.get('state')).toBe('s-1')
    expect(location.searchParams.has('code')).toBe(false)
  })

  it('show the code on the page when the session has no redirect URI', async () => {
    const session = await createSession(sandbox, { redirect_uri: null })

    const response = await signIn(sandbox, session.session_id)
    const html = await response.text()

    expect(response.status).toBe(200)
    expect(html).toMatch(/<output id="authorization-code">[\w-]{20,}<\/output>/)
  })

  it('answer an unknown session with an error page', async () => {
    const result = await page(sandbox, '/authorize?session=sess_nope')

    expect(result.status).toBe(404)
    expect(result.html).toContain('id="connect-error"')
  })

  it('answer an expired session with an error page', async () => {
    const session = await createSession(sandbox, { minutes_to_expire: 5 })
    now += 5 * 60_000

    const result = await page(sandbox, `/authorize?session=${session.session_id}`)

    expect(result.status).toBe(410)
  })

  it('ask a re-authentication to sign in with the account of the connection', async () => {
    const { connectionId } = await connect(sandbox, { username: 'largeco' })
    const reauth = await fetch(`${sandbox.url}/connect/sessions/reauthenticate`, {
      method: 'POST',
      headers: { ...basicAuth(), ...API_VERSION, 'Content-Type': 'application/json' },
      body: JSON.stringify({ connection_id: connectionId, redirect_uri: REDIRECT_URI }),
    })
    const { session_id } = (await reauth.json()) as { session_id: string }

    const wrong = await signIn(sandbox, session_id, { username: 'smallco' })
    const right = await signIn(sandbox, session_id, { username: 'largeco' })

    expect(wrong.status).toBe(401)
    expect(await wrong.text()).toContain('the account this connection was made with')
    expect(right.status).toBe(302)
  })
})

describe('the OAuth pop-up provider', () => {
  let sandbox: RunningSandbox

  beforeEach(async () => {
    sandbox = await startTestSandbox()
  })
  afterEach(() => sandbox.close())

  it('is opened from a button that names the pop-up URL', async () => {
    const session = await createSession(sandbox)

    const login = await page(
      sandbox,
      `/authorize/login?session=${session.session_id}&provider=bamboo_hr&state=s`,
    )
    const popUpUrl = attribute(login.html, 'oauth-sign-in', 'data-pop-up-url')

    expect(login.html).toMatch(/id="oauth-sign-in"[^>]*>\s*Sign in with Bamboo OAuth \(sandbox\)/)
    expect(popUpUrl).toMatch(/^\/oauth\/provider-login\?/)
    expect(new URLSearchParams(popUpUrl.split('?')[1]).get('state')).toBe('s')
  })

  it('signs in in the pop-up and lets the opener finish with a code and the state', async () => {
    const session = await createSession(sandbox)
    const popUp = await page(
      sandbox,
      `/oauth/provider-login?session=${session.session_id}&provider=bamboo_hr&state=s-2`,
    )

    const done = await postForm(sandbox, '/oauth/provider-login', {
      session: session.session_id,
      provider: 'bamboo_hr',
      state: 's-2',
      username: 'smallco',
      password: 'letmein',
    })
    const ticket = attribute(await done.text(), 'oauth-result', 'data-ticket')
    const finish = await fetch(
      `${sandbox.url}/authorize/oauth-complete?ticket=${encodeURIComponent(ticket)}`,
      { redirect: 'manual' },
    )
    const location = new URL(finish.headers.get('location')!)

    expect(popUp.html).toMatch(/<input[^>]*id="username"/)
    expect(finish.status).toBe(302)
    expect(location.searchParams.get('code')).toBeTruthy()
    expect(location.searchParams.get('state')).toBe('s-2')
  })

  it('shows an error in the pop-up for a wrong password', async () => {
    const session = await createSession(sandbox)

    const response = await postForm(sandbox, '/oauth/provider-login', {
      session: session.session_id,
      provider: 'bamboo_hr',
      username: 'smallco',
      password: 'nope',
    })

    expect(response.status).toBe(401)
    expect(await response.text()).toContain('role="alert"')
  })

  it('accepts each pop-up ticket once', async () => {
    const session = await createSession(sandbox)
    const done = await postForm(sandbox, '/oauth/provider-login', {
      session: session.session_id,
      provider: 'bamboo_hr',
      username: 'smallco',
      password: 'letmein',
    })
    const ticket = attribute(await done.text(), 'oauth-result', 'data-ticket')
    const finish = () =>
      fetch(`${sandbox.url}/authorize/oauth-complete?ticket=${encodeURIComponent(ticket)}`, {
        redirect: 'manual',
      })

    expect((await finish()).status).toBe(302)
    expect((await finish()).status).toBe(400)
  })

  it('serves scripts that parse and carry the page nonce', async () => {
    const session = await createSession(sandbox)
    const login = await page(
      sandbox,
      `/authorize/login?session=${session.session_id}&provider=bamboo_hr`,
    )
    const done = await postForm(sandbox, '/oauth/provider-login', {
      session: session.session_id,
      provider: 'bamboo_hr',
      username: 'smallco',
      password: 'letmein',
    })
    const doneHtml = await done.text()
    const doneCsp = done.headers.get('content-security-policy') ?? ''

    for (const [html, csp] of [
      [login.html, login.csp],
      [doneHtml, doneCsp],
    ] as const) {
      const nonce = /'nonce-([^']+)'/.exec(csp)![1]!
      const script = new RegExp(
        `<script nonce="${nonce.replace(/[+/=]/g, '\\$&')}">([\\s\\S]*?)</script>`,
      ).exec(html)
      expect(script).not.toBeNull()
      expect(() => new Script(script![1]!)).not.toThrow()
    }
  })

  it('makes a connection to the OAuth provider once the code is exchanged', async () => {
    const session = await createSession(sandbox)
    const done = await postForm(sandbox, '/oauth/provider-login', {
      session: session.session_id,
      provider: 'bamboo_hr',
      username: 'smallco',
      password: 'letmein',
    })
    const ticket = attribute(await done.text(), 'oauth-result', 'data-ticket')
    const finish = await fetch(
      `${sandbox.url}/authorize/oauth-complete?ticket=${encodeURIComponent(ticket)}`,
      { redirect: 'manual' },
    )

    const token = await exchange(sandbox, { code: codeFrom(finish) })

    expect(token.status).toBe(200)
    expect((await bodyOf<CreateAccessTokenResponse>(token)).provider_id).toBe('bamboo_hr')
  })
})
