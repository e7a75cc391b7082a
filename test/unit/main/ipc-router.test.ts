import { SqliteError } from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/app-error'
import { Redactor, createLogger } from '../../../src/main/log/logger'
import type { IpcHandlers } from '../../../src/main/ipc/ipc-router'
import { createIpcRouter } from '../../../src/main/ipc/ipc-router'

function routerWith(overrides: Partial<IpcHandlers>, lines: string[] = []) {
  const unused = () => {
    throw new Error('not used in this test')
  }
  const handlers = new Proxy(overrides, {
    get: (target, key) => (target as Record<string | symbol, unknown>)[key] ?? unused,
  }) as IpcHandlers
  return createIpcRouter(
    handlers,
    createLogger({ sinks: [{ write: (l) => lines.push(l) }], redactor: new Redactor() }),
  )
}

describe('the IPC router', () => {
  it('runs a handler with its validated argument', async () => {
    const router = routerWith({
      'directory.page': (args) => ({ total: 0, offset: args.offset, rows: [] }),
    })

    const response = await router.dispatch('directory.page', {
      connectionId: 'abc-123',
      offset: 50,
      limit: 50,
    })

    expect(response).toEqual({ ok: true, value: { total: 0, offset: 50, rows: [] } })
  })

  it('refuses a channel outside the contract', async () => {
    const router = routerWith({})

    const response = await router.dispatch('fs.readFile', '/etc/passwd')

    expect(response).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: expect.any(String) },
    })
  })

  it.each([
    ['a string instead of an object', 'abc'],
    ['an extra key', { connectionId: 'abc', offset: 0, limit: 10, sql: 'DROP TABLE x' }],
    ['a negative offset', { connectionId: 'abc', offset: -1, limit: 10 }],
    ['an id with SQL in it', { connectionId: "x' OR 1=1 --", offset: 0, limit: 10 }],
    [
      'a prototype-pollution key',
      JSON.parse('{"__proto__": {"polluted": true}, "connectionId": "a", "offset": 0, "limit": 1}'),
    ],
  ])('refuses %s with a typed invalid_argument error', async (_label, args) => {
    let ran = false
    const router = routerWith({
      'directory.page': () => {
        ran = true
        return { total: 0, offset: 0, rows: [] }
      },
    })

    const response = await router.dispatch('directory.page', args)

    expect(response.ok).toBe(false)
    expect(!response.ok && response.error.code).toBe('invalid_argument')
    expect(ran).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('passes a typed error through with its code and message', async () => {
    const router = routerWith({
      'sync.run': () => {
        throw new AppError('finch_reauthenticate', 'Reconnect this company.')
      },
    })

    const response = await router.dispatch('sync.run', { connectionId: 'abc' })

    expect(response).toEqual({
      ok: false,
      error: { code: 'finch_reauthenticate', message: 'Reconnect this company.' },
    })
  })

  it('hides an unexpected error behind a generic message and logs it redacted', async () => {
    const lines: string[] = []
    const router = routerWith(
      {
        'connections.list': () => {
          throw new Error('database exploded near Bearer secret-token-value')
        },
      },
      lines,
    )

    const response = await router.dispatch('connections.list', undefined)

    expect(response).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.not.stringContaining('exploded') },
    })
    expect(lines.join('\n')).toContain('connections.list failed unexpectedly')
    expect(lines.join('\n')).not.toContain('secret-token-value')
  })

  it('says a damaged cache is damaged, and how to repair it', async () => {
    const router = routerWith({
      'connections.list': () => {
        throw new SqliteError('database disk image is malformed', 'SQLITE_CORRUPT')
      },
    })

    const response = await router.dispatch('connections.list', undefined)

    expect(response).toEqual({
      ok: false,
      error: { code: 'storage_failed', message: expect.stringContaining('Restart the app') },
    })
  })
})
