import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Redactor, createLogger } from '../../../../src/main/log/logger'
import { loadMachinePolicy, machinePolicyPath } from '../../../../src/main/settings/machine-policy'
import { SettingsStore } from '../../../../src/main/settings/settings-store'
import type { AppError } from '../../../../src/shared/app-error'
import { makeTempDir } from '../../../support/temp-dir'

const logger = createLogger({ sinks: [], redactor: new Redactor() })

describe('where the machine policy lives', () => {
  it.each([
    ['linux', {}, '/etc/payroll-desk/policy.json'],
    ['darwin', {}, '/Library/Application Support/Payroll Desk/policy.json'],
    ['win32', { ProgramData: 'D:\\ProgramData' }, 'D:\\ProgramData\\Payroll Desk\\policy.json'],
    ['win32', {}, 'C:\\ProgramData\\Payroll Desk\\policy.json'],
    ['linux', { PAYROLL_DESK_POLICY_FILE: '/tmp/p.json' }, '/tmp/p.json'],
  ] as const)('on %s with %o it is %s', (platform, env, path) => {
    expect(machinePolicyPath(platform, env)).toBe(path)
  })
})

describe('the machine policy over the settings', () => {
  let dir: ReturnType<typeof makeTempDir>
  let policyFile: string
  let settingsFile: string

  beforeEach(() => {
    dir = makeTempDir()
    policyFile = join(dir.path, 'policy.json')
    settingsFile = join(dir.path, 'settings.json')
    writeFileSync(
      settingsFile,
      JSON.stringify({
        mode: 'demo',
        clientId: 'users-own-client',
        redirectUri: 'http://localhost/payroll-desk/connect-callback',
        finchBaseUrl: 'https://api.tryfinch.com',
      }),
    )
  })
  afterEach(() => dir.remove())

  function storeWith(policy: unknown): SettingsStore {
    writeFileSync(policyFile, typeof policy === 'string' ? policy : JSON.stringify(policy))
    return new SettingsStore(dir.path, logger, loadMachinePolicy(policyFile))
  }

  it('is absent when there is no file, and the stored settings apply', () => {
    const store = new SettingsStore(dir.path, logger, loadMachinePolicy(policyFile))

    expect(store.policyStatus()).toMatchObject({ status: 'absent', managed: [], problem: null })
    expect(store.get().clientId).toBe('users-own-client')
  })

  it('wins over the stored settings and marks what it sets as managed', () => {
    const store = storeWith({
      version: 1,
      environment: 'finch',
      clientId: 'firm-client-id',
      finchBaseUrl: 'https://finch.example.com',
      browserCallbackPort: 53682,
      autoUpdate: { enabled: false, feedUrl: 'https://updates.example.com/payroll-desk' },
    })

    expect(store.usable()).toEqual({
      mode: 'finch',
      clientId: 'firm-client-id',
      redirectUri: 'http://localhost/payroll-desk/connect-callback',
      finchBaseUrl: 'https://finch.example.com',
      browserCallbackPort: 53682,
    })
    expect(store.managed()).toEqual(['mode', 'clientId', 'finchBaseUrl', 'browserCallbackPort'])
    expect(store.policyStatus().autoUpdate).toEqual({
      enabled: false,
      feedUrl: 'https://updates.example.com/payroll-desk',
    })
  })

  it('refuses a change to a managed setting, accepts its own value back, and never stores it', () => {
    const store = storeWith({ clientId: 'firm-client-id' })

    const refusal = (() => {
      try {
        store.update({ clientId: 'something-else' })
      } catch (error) {
        return error
      }
    })()
    store.update({ clientId: 'firm-client-id', redirectUri: 'http://127.0.0.1:8123/callback' })

    expect((refusal as AppError).code).toBe('invalid_argument')
    expect((refusal as AppError).message).toMatch(/^clientId: .*policy/)
    const stored = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>
    expect(stored.clientId).toBe('users-own-client')
    expect(stored.redirectUri).toBe('http://127.0.0.1:8123/callback')
  })

  it.each([
    ['not JSON', '{"clientId": "x",', /not valid JSON/],
    ['an unknown key', { clientID: 'typo' }, /Unrecognized key/],
    [
      'a client secret',
      { clientId: 'x', clientSecret: 'do-not-put-me-here' },
      /may not hold secrets/,
    ],
    ['plain http to another host', { finchBaseUrl: 'http://finch.example.com' }, /must use https/],
    ['an unknown environment', { environment: 'staging' }, /environment/],
    ['a port below 1024', { browserCallbackPort: 80 }, /browserCallbackPort/],
    ['a list instead of an object', '[]', /expected object/],
  ])(
    'is refused with a typed error when it holds %s, and nothing is overwritten',
    (_label, policy, reason) => {
      const settingsBefore = readFileSync(settingsFile, 'utf8')
      const store = storeWith(policy)
      const policyBefore = readFileSync(policyFile, 'utf8')

      const status = store.policyStatus()
      const refusal = (() => {
        try {
          store.usable()
        } catch (error) {
          return error
        }
      })()

      expect(status.status).toBe('invalid')
      expect(status.problem).toMatch(reason)
      expect(status.problem).toContain(policyFile)
      expect(status.problem).not.toContain('do-not-put-me-here')
      expect((refusal as AppError).code).toBe('policy_invalid')
      expect(store.managed()).toEqual([])
      expect(readFileSync(policyFile, 'utf8')).toBe(policyBefore)
      expect(readFileSync(settingsFile, 'utf8')).toBe(settingsBefore)
    },
  )
})
