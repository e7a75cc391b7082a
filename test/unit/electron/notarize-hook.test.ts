import { describe, expect, it, vi } from 'vitest'
import type { AfterSignContext } from '../../../build/notarize.mjs'
import { loadNotarize, notarizeApp } from '../../../build/notarize.mjs'

const macContext: AfterSignContext = {
  electronPlatformName: 'darwin',
  appOutDir: '/dist/mac-arm64',
  packager: { appInfo: { productFilename: 'Payroll Desk' } },
}

function run(env: Record<string, string>, context = macContext) {
  const notarize = vi.fn(() => Promise.resolve())
  const load = vi.fn(() => Promise.resolve(notarize))
  const lines: string[] = []
  const outcome = notarizeApp(context, { env, load, log: (line) => lines.push(line) })
  return { outcome, notarize, load, lines }
}

describe('the notarize hook', () => {
  it('does nothing for Windows and Linux builds', async () => {
    const { outcome, load } = run(
      { APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'b', APPLE_TEAM_ID: 'c' },
      { ...macContext, electronPlatformName: 'linux' },
    )

    await expect(outcome).resolves.toBe('skipped')
    expect(load).not.toHaveBeenCalled()
  })

  it('says it skips, and skips, when no Apple credentials are set', async () => {
    const { outcome, load, lines } = run({})

    await expect(outcome).resolves.toBe('skipped')
    expect(load).not.toHaveBeenCalled()
    expect(lines.join('\n')).toContain('skipped: no APPLE_* credentials')
  })

  it('notarizes the app bundle with an App Store Connect API key', async () => {
    const { outcome, notarize } = run({
      APPLE_API_KEY: '/keys/AuthKey.p8',
      APPLE_API_KEY_ID: 'T9GPZ92M7K',
      APPLE_API_ISSUER: 'c055ca8c-e5a8-4836-b61d-aa5794eeb3f4',
    })

    await expect(outcome).resolves.toBe('notarized')
    expect(notarize).toHaveBeenCalledWith({
      tool: 'notarytool',
      appPath: '/dist/mac-arm64/Payroll Desk.app',
      appleApiKey: '/keys/AuthKey.p8',
      appleApiKeyId: 'T9GPZ92M7K',
      appleApiIssuer: 'c055ca8c-e5a8-4836-b61d-aa5794eeb3f4',
    })
  })

  it('notarizes with an Apple ID and app-specific password', async () => {
    const { outcome, notarize } = run({
      APPLE_ID: 'release@firm.example',
      APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh-ijkl-mnop',
      APPLE_TEAM_ID: 'TEAM123456',
    })

    await expect(outcome).resolves.toBe('notarized')
    expect(notarize).toHaveBeenCalledWith(
      expect.objectContaining({
        appleId: 'release@firm.example',
        appleIdPassword: 'abcd-efgh-ijkl-mnop',
        teamId: 'TEAM123456',
      }),
    )
  })

  it('notarizes with a keychain profile, in a named keychain when one is given', async () => {
    const { outcome, notarize } = run({
      APPLE_KEYCHAIN_PROFILE: 'payroll-desk',
      APPLE_KEYCHAIN: '/build/ci.keychain-db',
    })

    await expect(outcome).resolves.toBe('notarized')
    expect(notarize).toHaveBeenCalledWith(
      expect.objectContaining({
        keychainProfile: 'payroll-desk',
        keychain: '/build/ci.keychain-db',
      }),
    )
  })

  it('fails the build when a credential set is only half there, naming what is missing but no value', async () => {
    const { outcome, load } = run({ APPLE_ID: 'release@firm.example', APPLE_TEAM_ID: 'TEAM1' })

    await expect(outcome).rejects.toThrow('APPLE_APP_SPECIFIC_PASSWORD missing')
    await expect(outcome).rejects.not.toThrow('release@firm.example')
    expect(load).not.toHaveBeenCalled()
  })

  it('uses electron-builder’s own copy of @electron/notarize', async () => {
    await expect(loadNotarize()).resolves.toBeTypeOf('function')
  })
})
