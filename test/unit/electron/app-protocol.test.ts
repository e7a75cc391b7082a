import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/content-security-policy'
import { makeTempDir } from '../../support/temp-dir'
import { electronFake, protocolHandlers } from './electron-fake'

vi.mock('electron', () => electronFake)

const { handleAppProtocol, registerAppScheme } =
  await import('../../../src/main/electron/app-protocol')

/** Directive name → its sources, from a policy string. */
function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...sources] = part.split(/\s+/)
        return [name, sources.join(' ')] as const
      }),
  )
}

function metaPolicy(html: string): string {
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
  if (!match?.[1]) throw new Error('no Content-Security-Policy meta tag')
  return match[1]
}

describe('the app:// protocol', () => {
  const root = makeTempDir('payroll-desk-protocol-')
  const renderer = join(root.path, 'renderer')
  let fetchApp: (url: string, init?: RequestInit) => Promise<Response>

  beforeAll(() => {
    mkdirSync(join(renderer, 'assets'), { recursive: true })
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>app</title>')
    writeFileSync(join(renderer, 'assets', 'index.js'), 'console.log(1)')
    writeFileSync(join(root.path, 'outside-renderer.txt'), 'secret')
    handleAppProtocol(renderer)
    const handler = protocolHandlers.get('app')!
    fetchApp = (url, init) => handler(new Request(url, init))
  })

  afterAll(() => root.remove())

  it('is registered as a secure standard scheme that does not bypass the CSP', () => {
    registerAppScheme()

    const [[schemes]] = electronFake.protocol.registerSchemesAsPrivileged.mock.calls as unknown as [
      [{ scheme: string; privileges: Record<string, boolean> }[]],
    ]
    expect(schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
  })

  it('serves the renderer with the strict CSP header and nosniff', async () => {
    const response = await fetchApp('app://payroll-desk/index.html')

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('<title>app</title>')
  })

  it('serves the renderer’s assets with the same header', async () => {
    const response = await fetchApp('app://payroll-desk/assets/index.js')

    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it.each([
    ['a path climbing out of the renderer', 'app://payroll-desk/..%2Foutside-renderer.txt'],
    ['another host under the scheme', 'app://elsewhere/index.html'],
    ['a file that does not exist', 'app://payroll-desk/missing.js'],
    ['an unknown shell page', 'app://payroll-desk/__shell/nothing.html'],
  ])('answers 404 for %s', async (_label, url) => {
    const response = await fetchApp(url)

    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('secret')
  })

  it('answers only GET', async () => {
    const response = await fetchApp('app://payroll-desk/index.html', { method: 'POST', body: 'x' })

    expect(response.status).toBe(405)
  })

  it('serves the error page under the CSP, with its policy also in a meta tag and no inline script', async () => {
    const response = await fetchApp('app://payroll-desk/__shell/error.html?reason=renderer-gone')
    const html = await response.text()

    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    const header = directives(CONTENT_SECURITY_POLICY)
    header.delete('frame-ancestors')
    expect(directives(metaPolicy(html))).toEqual(header)
    expect(html).toContain('This window stopped unexpectedly')
    expect(html).toMatch(/<button id="reload" type="button"/)
    for (const script of html.match(/<script[^>]*>/g) ?? []) expect(script).toContain('src="/')
  })

  it('writes nothing from the URL into the error page', async () => {
    const response = await fetchApp(
      'app://payroll-desk/__shell/error.html?reason=%3Cimg%20src%3Dx%3E',
    )
    const html = await response.text()

    expect(html).toContain('Payroll Desk could not load this window')
    expect(html).not.toContain('<img')
  })

  it('serves the error page’s script and styles as files of their own', async () => {
    const script = await fetchApp('app://payroll-desk/__shell/error-page.js')
    const styles = await fetchApp('app://payroll-desk/__shell/error-page.css')

    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toContain("location.replace('/index.html')")
    expect(styles.headers.get('content-type')).toBe('text/css; charset=utf-8')
  })
})

describe('the Content-Security-Policy of the app’s pages', () => {
  const header = directives(CONTENT_SECURITY_POLICY)

  it('runs only the app’s own scripts: no inline code, no eval, no plugins, no framing', () => {
    expect(header.get('default-src')).toBe("'self'")
    expect(header.get('script-src')).toBe("'self'")
    expect(header.get('object-src')).toBe("'none'")
    expect(header.get('base-uri')).toBe("'none'")
    expect(header.get('frame-ancestors')).toBe("'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
  })

  it('is repeated in the renderer’s meta tag, which may only leave out frame-ancestors', () => {
    const html = readFileSync('src/renderer/index.html', 'utf8')
    const meta = directives(metaPolicy(html))

    for (const [name, sources] of header) {
      if (name === 'frame-ancestors') continue
      // A fetch directive left out of the meta tag falls back to its default-src.
      const effective = meta.get(name) ?? (name.endsWith('-src') ? meta.get('default-src') : null)
      expect(effective, name).toBe(sources)
    }
  })
})
