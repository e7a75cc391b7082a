import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { LoopbackCallback } from '../../../../src/main/connect/loopback-callback'
import { judgeCallback, listenForCallback } from '../../../../src/main/connect/loopback-callback'
import { Redactor, createLogger } from '../../../../src/main/log/logger'
import { AppError } from '../../../../src/shared/app-error'
import { canBind } from './connections-fixture'

const state = 'the-state-of-this-attempt-0123456789'
const logger = createLogger({ sinks: [], redactor: new Redactor() })

describe('judging a request to the browser callback', () => {
  const expected = { host: '127.0.0.1:53682', state }
  const good = {
    method: 'GET',
    target: `/callback?code=abc_123-XYZ&state=${state}`,
    host: '127.0.0.1:53682',
    remoteAddress: '127.0.0.1',
  }

  it('accepts Connect’s redirect with this attempt’s state and a code', () => {
    expect(judgeCallback(good, expected)).toEqual({ accept: true })
  })

  it('accepts an error redirect with this attempt’s state, so a cancel in Connect ends it', () => {
    const cancelled = { ...good, target: `/callback?error=access_denied&state=${state}` }

    expect(judgeCallback(cancelled, expected)).toEqual({ accept: true })
  })

  it.each([
    ['a peer that is not this computer', { remoteAddress: '192.0.2.7' }, 'peer_not_loopback'],
    ['an IPv6 peer from elsewhere', { remoteAddress: '::ffff:192.0.2.7' }, 'peer_not_loopback'],
    ['another Host (DNS rebinding)', { host: 'attacker.example:53682' }, 'wrong_host'],
    ['another path', { target: `/favicon.ico?state=${state}` }, 'wrong_path'],
    ['a POST', { method: 'POST' }, 'wrong_method'],
    ['a missing state', { target: '/callback?code=abc' }, 'wrong_state'],
    ['another state', { target: '/callback?code=abc&state=guess' }, 'wrong_state'],
    ['two states', { target: `/callback?code=abc&state=${state}&state=${state}` }, 'wrong_state'],
    ['no code and no error', { target: `/callback?state=${state}` }, 'malformed'],
    ['two codes', { target: `/callback?code=a&code=b&state=${state}` }, 'malformed'],
    ['a code and an error', { target: `/callback?code=a&error=x&state=${state}` }, 'malformed'],
    ['a code with markup', { target: `/callback?code=%3Cscript%3E&state=${state}` }, 'malformed'],
    ['an absolute-form target', { target: `http://127.0.0.1:53682/callback` }, 'malformed'],
  ])('refuses %s', (_label, change, reason) => {
    const verdict = judgeCallback({ ...good, ...change }, expected)

    expect(verdict).toMatchObject({ accept: false, reason })
  })
})

describe('the loopback listener', () => {
  let listener: LoopbackCallback | null = null
  const controller = () => new AbortController()

  afterEach(async () => {
    await listener?.close()
    listener = null
  })

  it('listens on 127.0.0.1 only, at /callback', async () => {
    listener = await listenForCallback({
      port: 0,
      expectedState: state,
      signal: controller().signal,
      logger,
    })

    expect(listener.redirectUri).toBe(`http://127.0.0.1:${listener.port}/callback`)
    expect(await canBind(listener.port)).toBe(false)
  })

  it('refuses stray requests without ending the attempt, then takes the real callback once and closes', async () => {
    listener = await listenForCallback({
      port: 0,
      expectedState: state,
      signal: controller().signal,
      logger,
    })
    const base = `http://127.0.0.1:${listener.port}`

    const wrongPath = await fetch(`${base}/favicon.ico`)
    const wrongState = await fetch(`${base}/callback?code=stolen&state=guess`)
    const noState = await fetch(`${base}/callback?code=stolen`)
    const real = await fetch(`${base}/callback?code=the-real-code&state=${state}`)
    const page = await real.text()
    const received = await listener.received
    await listener.close()

    expect([wrongPath.status, wrongState.status, noState.status]).toEqual([404, 400, 400])
    expect(real.status).toBe(200)
    expect(page).toContain('Return to Payroll Desk')
    expect(page).not.toContain('the-real-code')
    expect(real.headers.get('cache-control')).toBe('no-store')
    expect(real.headers.get('referrer-policy')).toBe('no-referrer')
    expect(new URL(received).searchParams.get('code')).toBe('the-real-code')
    expect(await canBind(listener.port)).toBe(true)
  })

  it('refuses a second callback, even one with the right state', async () => {
    listener = await listenForCallback({
      port: 0,
      expectedState: state,
      signal: controller().signal,
      logger,
    })
    const callback = `http://127.0.0.1:${listener.port}/callback?code=first&state=${state}`

    const first = await fetch(callback)
    const second = await fetch(callback).then(
      (response) => response.status,
      () => 'refused' as const,
    )

    expect(first.status).toBe(200)
    expect(second).toBe('refused')
    expect(new URL(await listener.received).searchParams.get('code')).toBe('first')
  })

  it('ends with the attempt’s reason when cancelled, refuses later callbacks and frees the port', async () => {
    const attempt = controller()
    listener = await listenForCallback({
      port: 0,
      expectedState: state,
      signal: attempt.signal,
      logger,
    })
    const { port } = listener

    attempt.abort(new AppError('connect_cancelled', 'Connecting was cancelled.'))
    const outcome = await listener.received.catch((error: unknown) => error)
    await listener.close()
    const late = await fetch(`http://127.0.0.1:${port}/callback?code=late&state=${state}`).then(
      (response) => response.status,
      () => 'refused' as const,
    )

    expect((outcome as AppError).code).toBe('connect_cancelled')
    expect(late).toBe('refused')
    expect(await canBind(port)).toBe(true)
  })

  it('says the port is busy when another program holds it, and holds nothing itself', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port

    const failure = await listenForCallback({
      port,
      expectedState: state,
      signal: controller().signal,
      logger,
    }).catch((error: unknown) => error)
    await new Promise<void>((resolve) => blocker.close(() => resolve()))

    expect((failure as AppError).code).toBe('connect_port_busy')
    expect((failure as AppError).message).toContain(String(port))
    expect(await canBind(port)).toBe(true)
  })
})
