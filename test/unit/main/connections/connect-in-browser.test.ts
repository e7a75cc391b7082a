import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConnectFlow } from '../../../../src/main/connect/connect-flow'
import type { AppError } from '../../../../src/shared/app-error'
import type { ConnectionsFixture } from './connections-fixture'
import { canBind, startConnectionsFixture } from './connections-fixture'
import { SystemBrowserDouble } from './system-browser-double'

const request = {
  customerName: 'Small Co',
  products: ['company' as const, 'directory' as const],
  openIn: 'browser' as const,
}

describe('connecting in the system browser', () => {
  let fixture: ConnectionsFixture

  afterEach(async () => {
    await fixture.close()
  })

  function portOf(url: string): number {
    return Number(new URL(url).port)
  }

  async function expectNothingStored(): Promise<void> {
    expect(fixture.storedRows()).toBe(0)
    expect(await fixture.tokenAccounts()).toEqual([])
  }

  it('opens Connect in the browser and finishes the connection through the loopback listener', async () => {
    fixture = await startConnectionsFixture()
    const browser = new SystemBrowserDouble({ username: 'smallco' })

    const connection = await fixture
      .flow({ openExternal: browser.openExternal })
      .connect({ ...request })
    await browser.finished()

    expect(browser.opened).toHaveLength(1)
    expect(browser.opened[0]!.startsWith(`${fixture.sandbox.url}/authorize?`)).toBe(true)
    expect(browser.answers).toEqual([
      expect.objectContaining({
        status: 200,
        body: expect.stringContaining('Return to Payroll Desk'),
      }),
    ])
    expect(browser.answers[0]!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/)
    expect(fixture.cache.getConnection(connection.connectionId)?.status).toBe('connected')
    expect(await fixture.tokenAccounts()).toEqual([`connection-token:${connection.connectionId}`])
    expect(fixture.exchanges()).toBe(1)
    expect(await canBind(portOf(browser.answers[0]!.url))).toBe(true)
  })

  it('uses the fixed port from the settings, for a redirect URI registered with Finch', async () => {
    fixture = await startConnectionsFixture()
    const port = await freePort()
    const browser = new SystemBrowserDouble({ username: 'smallco' })

    await fixture
      .flow({ openExternal: browser.openExternal, browserCallbackPort: port })
      .connect({ ...request })

    expect(browser.answers[0]!.url.startsWith(`http://127.0.0.1:${port}/callback?`)).toBe(true)
    expect(await canBind(port)).toBe(true)
  })

  it('keeps waiting through a callback with another state, then stores nothing when time runs out', async () => {
    fixture = await startConnectionsFixture()
    const browser = new SystemBrowserDouble({
      username: 'smallco',
      rewrite: (callback) => {
        callback.searchParams.set('state', 'a-state-from-another-attempt')
        return callback
      },
    })

    const failure = await fixture
      .flow({ openExternal: browser.openExternal, timeoutMs: 1_500 })
      .connect({ ...request })
      .catch((error: unknown) => error)
    await browser.finished()

    expect(browser.answers.map((answer) => answer.status)).toEqual([400])
    expect((failure as AppError).code).toBe('connect_timeout')
    expect(fixture.exchanges()).toBe(0)
    await expectNothingStored()
    expect(await canBind(portOf(browser.answers[0]!.url))).toBe(true)
  })

  it('takes the callback once: a second one is refused and nothing more is stored', async () => {
    fixture = await startConnectionsFixture()
    const browser = new SystemBrowserDouble({ username: 'smallco', repeat: true })

    await fixture.flow({ openExternal: browser.openExternal }).connect({ ...request })
    await browser.finished()

    expect(browser.answers.map((answer) => answer.status)).toEqual([200, 'refused'])
    expect(fixture.exchanges()).toBe(1)
    expect(await fixture.tokenAccounts()).toHaveLength(1)
  })

  it('refuses a callback that arrives after the accountant cancelled, and stores nothing', async () => {
    fixture = await startConnectionsFixture()
    let flow: ConnectFlow | null = null
    const browser = new SystemBrowserDouble({
      username: 'smallco',
      beforeCallback: async () => {
        flow?.cancel()
        await new Promise((resolve) => setTimeout(resolve, 50))
      },
    })
    flow = fixture.flow({ openExternal: browser.openExternal })

    const failure = await flow.connect({ ...request }).catch((error: unknown) => error)
    await browser.finished()

    expect((failure as AppError).code).toBe('connect_cancelled')
    expect(browser.answers.map((answer) => answer.status)).toEqual(['refused'])
    expect(fixture.exchanges()).toBe(0)
    await expectNothingStored()
    expect(await canBind(portOf(browser.answers[0]!.url))).toBe(true)
  })

  it('refuses a callback that arrives after the attempt timed out, and stores nothing', async () => {
    fixture = await startConnectionsFixture()
    let timedOut: Promise<unknown> = Promise.resolve()
    const browser = new SystemBrowserDouble({
      username: 'smallco',
      beforeCallback: () => timedOut.then(() => undefined),
    })

    timedOut = fixture
      .flow({ openExternal: browser.openExternal, timeoutMs: 800 })
      .connect({ ...request })
      .catch((error: unknown) => error)
    const failure = await timedOut
    await browser.finished()

    expect((failure as AppError).code).toBe('connect_timeout')
    expect(browser.answers.map((answer) => answer.status)).toEqual(['refused'])
    expect(fixture.exchanges()).toBe(0)
    await expectNothingStored()
  })

  it('says the fixed port is busy before any Connect session, and holds nothing', async () => {
    fixture = await startConnectionsFixture()
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    const browser = new SystemBrowserDouble({ username: 'smallco' })

    const failure = await fixture
      .flow({ openExternal: browser.openExternal, browserCallbackPort: port })
      .connect({ ...request })
      .catch((error: unknown) => error)
    await new Promise<void>((resolve) => blocker.close(() => resolve()))

    expect((failure as AppError).code).toBe('connect_port_busy')
    expect(browser.opened).toEqual([])
    expect(fixture.sandbox.requestLog().filter((e) => e.path === '/connect/sessions')).toEqual([])
    await expectNothingStored()
    expect(await canBind(port)).toBe(true)
  })

  it('is unavailable where nothing can open the system browser', async () => {
    fixture = await startConnectionsFixture()

    const failure = await fixture
      .flow()
      .connect({ ...request })
      .catch((error: unknown) => error)

    expect((failure as AppError).code).toBe('connect_failed')
    await expectNothingStored()
  })
})

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const port = (probe.address() as { port: number }).port
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}
