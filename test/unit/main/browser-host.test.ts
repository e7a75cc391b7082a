import { mkdirSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserHost } from '../../../src/main/browser-host/browser-host'
import { startBrowserHost } from '../../../src/main/browser-host/browser-host'
import { makeTempDir } from '../../support/temp-dir'
import { clearKeychainService, keytar, testKeychainService } from '../../support/test-keychain'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        )
      },
    )
    call.on('error', reject)
    call.end(options.body)
  })
}

describe('the browser host', () => {
  const service = testKeychainService()
  const dir = makeTempDir()
  let host: BrowserHost
  let sessionCookie = ''

  beforeAll(async () => {
    const rendererDir = join(dir.path, 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><head></head><body></body>')
    host = await startBrowserHost({
      dataDir: join(dir.path, 'data'),
      rendererDir,
      keytar,
      keychainService: service,
      version: 'test',
      policyFile: join(dir.path, 'no-policy.json'),
    })
  })

  afterAll(async () => {
    await host.close()
    await clearKeychainService(service)
    dir.remove()
  })

  it('opens one session from its launch link, once, and never puts the link’s token in the cookie', async () => {
    const token = new URL(host.launchUrl).searchParams.get('launch')!

    const first = await send(host.launchUrl)
    const second = await send(host.launchUrl)

    expect(first.status).toBe(303)
    const cookie = String(first.headers['set-cookie'])
    sessionCookie = cookie.split(';')[0]!
    expect(cookie).toContain('HttpOnly')
    expect(cookie).not.toContain(token)
    expect(second.status).toBe(403)
    expect(second.headers['set-cookie']).toBeUndefined()
  })

  it('answers a malformed address with 400, not a server error', async () => {
    const answer = await send(`${host.origin}/%E0%A4%A`)

    expect(answer.status).toBe(400)
  })

  it('refuses IPC without the session cookie', async () => {
    const answer = await send(`${host.origin}/__ipc`, {
      method: 'POST',
      headers: { origin: host.origin, 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify({ channel: 'connections.list' })),
    })

    expect(answer.status).toBe(403)
    expect(JSON.parse(answer.body)).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    })
  })

  it('answers an oversized IPC body with a typed error', async () => {
    const answer = await send(`${host.origin}/__ipc`, {
      method: 'POST',
      headers: { origin: host.origin, cookie: sessionCookie },
      body: Buffer.alloc(3 * 1024 * 1024, 0x20),
    })

    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    })
  })

  it('takes a closed Connect pop-up report only from the session, on its own origin', async () => {
    const report = Buffer.from(JSON.stringify({ attempt: 'no-such-attempt' }))

    const anonymous = await send(`${host.origin}/__connect-closed`, {
      method: 'POST',
      headers: { origin: host.origin },
      body: report,
    })
    const foreign = await send(`${host.origin}/__connect-closed`, {
      method: 'POST',
      headers: { origin: 'http://127.0.0.1:1', cookie: sessionCookie },
      body: report,
    })
    const own = await send(`${host.origin}/__connect-closed`, {
      method: 'POST',
      headers: { origin: host.origin, cookie: sessionCookie },
      body: report,
    })

    expect([anonymous.status, foreign.status, own.status]).toEqual([403, 403, 204])
  })

  it('runs a call from the session that launched it', async () => {
    const answer = await send(`${host.origin}/__ipc`, {
      method: 'POST',
      headers: { origin: host.origin, cookie: sessionCookie, 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify({ channel: 'connections.list' })),
    })

    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: [] })
  })
})
