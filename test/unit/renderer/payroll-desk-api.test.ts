import { describe, expect, it } from 'vitest'
import type { IpcChannel, IpcEvent, PayrollDeskBridge } from '../../../src/shared/ipc-contract'
import {
  ApiError,
  createPayrollDeskApi,
  findBridge,
} from '../../../src/renderer/src/api/payroll-desk-api'

/** A bridge that records calls and answers each channel with a canned envelope. */
function recordingBridge(answers: Partial<Record<IpcChannel, unknown>>) {
  const calls: { channel: IpcChannel; args: unknown }[] = []
  const listeners = new Map<IpcEvent, ((payload: unknown) => void)[]>()

  const bridge: PayrollDeskBridge = {
    async invoke(channel, args) {
      calls.push({ channel, args })
      return answers[channel] as never
    },
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
      return () =>
        listeners.set(
          event,
          (listeners.get(event) ?? []).filter((l) => l !== listener),
        )
    },
  }

  const emit = (event: IpcEvent, payload: unknown) =>
    (listeners.get(event) ?? []).forEach((listener) => listener(payload))
  return { bridge, calls, emit }
}

describe('createPayrollDeskApi', () => {
  it('sends a call on its channel with its arguments and resolves with the value', async () => {
    const page = { total: 1, offset: 0, rows: [] }
    const { bridge, calls } = recordingBridge({ 'directory.page': { ok: true, value: page } })
    const api = createPayrollDeskApi(bridge)

    const result = await api.directory.page({ connectionId: 'c1', offset: 0, limit: 50 })

    expect(result).toEqual(page)
    expect(calls).toEqual([
      { channel: 'directory.page', args: { connectionId: 'c1', offset: 0, limit: 50 } },
    ])
  })

  it('sends no argument for a channel that takes none', async () => {
    const { bridge, calls } = recordingBridge({ 'connections.list': { ok: true, value: [] } })

    await createPayrollDeskApi(bridge).connections.list()

    expect(calls).toEqual([{ channel: 'connections.list', args: undefined }])
  })

  it('throws an ApiError with the code and message of a failure envelope', async () => {
    const failure = { ok: false, error: { code: 'connect_cancelled', message: 'Closed.' } }
    const { bridge } = recordingBridge({ 'connect.start': failure })
    const api = createPayrollDeskApi(bridge)

    const call = api.connect.start({ customerName: 'Acme', products: ['company'] })

    await expect(call).rejects.toBeInstanceOf(ApiError)
    await expect(call).rejects.toMatchObject({ code: 'connect_cancelled', message: 'Closed.' })
  })

  it('reports an unknown error code or an unreadable answer as internal', async () => {
    const { bridge } = recordingBridge({
      'app.status': { ok: false, error: { code: 'made_up', message: 'Odd.' } },
      'settings.get': 'not an envelope',
    })
    const api = createPayrollDeskApi(bridge)

    await expect(api.app.status()).rejects.toMatchObject({ code: 'internal', message: 'Odd.' })
    await expect(api.settings.get()).rejects.toMatchObject({ code: 'internal' })
  })

  it('turns a bridge that throws into an ApiError', async () => {
    const bridge: PayrollDeskBridge = {
      invoke: async () => {
        throw new Error('channel closed')
      },
      on: () => () => {},
    }

    const call = createPayrollDeskApi(bridge).app.status()

    await expect(call).rejects.toMatchObject({ name: 'ApiError', code: 'internal' })
  })

  it('delivers events to a listener until it unsubscribes', () => {
    const { bridge, emit } = recordingBridge({})
    const api = createPayrollDeskApi(bridge)
    const received: boolean[] = []

    const stop = api.onEvent('connect.presenting', ({ open }) => received.push(open))
    emit('connect.presenting', { open: true })
    stop()
    emit('connect.presenting', { open: false })

    expect(received).toEqual([true])
  })
})

describe('findBridge', () => {
  it('finds a bridge with invoke and on', () => {
    const bridge = { invoke: async () => ({ ok: true, value: null }), on: () => () => {} }

    expect(findBridge({ payrollDesk: bridge })).toBe(bridge)
  })

  it('answers null when the page has no usable bridge', () => {
    expect(findBridge({})).toBeNull()
    expect(findBridge({ payrollDesk: { invoke: 'no' } })).toBeNull()
  })
})
