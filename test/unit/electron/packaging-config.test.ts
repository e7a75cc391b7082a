/**
 * The packaging configuration, read the way electron-builder reads it. No installer can be built
 * on a machine without Electron's downloads, so these tests hold what the config says instead.
 */
import type { Configuration } from 'app-builder-lib'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util/out/DebugLogger'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const projectDir = process.cwd()
let config: Configuration

beforeAll(async () => {
  config = await getConfig(projectDir, null, null)
})

/** The `files` patterns; electron-builder's loader turns the list into one file set. */
function filePatterns(): string[] {
  return (config.files as { filter: string[] }[])[0]!.filter
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((file) => join(dir, String(file)))
    .filter((file) => /\.(ts|tsx|js|mjs)$/.test(file))
}

describe('the electron-builder configuration', () => {
  it('passes electron-builder’s own validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    expect(config).toMatchObject({ appId: 'com.payrolldesk.app', productName: 'Payroll Desk' })
  })

  it('flips every security fuse in the packaged binary', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    })
  })

  it('packs the app into app.asar, with only native modules unpacked', () => {
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toEqual(['**/*.node'])
  })

  it('ships the built bundles and no sources, tests or development files', () => {
    expect(filePatterns().filter((pattern) => !pattern.startsWith('!'))).toEqual(['out/**'])
  })

  it('leaves out only renderer libraries that nothing in main imports', () => {
    const exclusion = filePatterns().find((pattern) => pattern.startsWith('!node_modules/{'))!
    const leftOut = /\{(.+)\}/.exec(exclusion)![1]!.split(',')
    const mainSources = ['src/main', 'src/shared', 'src/sandbox'].flatMap(sourceFiles)

    for (const file of mainSources) {
      const text = readFileSync(file, 'utf8')
      for (const name of leftOut) {
        expect(text, `${file} imports ${name}`).not.toMatch(
          new RegExp(`from '${name}(/|')|require\\('${name}(/|')`),
        )
      }
    }
  })

  it('rebuilds native modules for Electron', () => {
    expect(config.npmRebuild).toBe(true)
  })

  it('makes an NSIS installer offering per-user or per-machine installs, and an MSI', () => {
    expect(config.win?.target).toEqual(['nsis', 'msi'])
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      deleteAppDataOnUninstall: false,
    })
    expect(config.msi).toMatchObject({ perMachine: true })
    expect(config.msi?.upgradeCode).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/)
  })

  it('makes a hardened-runtime dmg, and the zip macOS updates need', () => {
    expect(config.mac).toMatchObject({
      hardenedRuntime: true,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
      notarize: false,
    })
    const targets = (config.mac?.target as { target: string }[]).map((entry) => entry.target)
    expect(targets).toEqual(['dmg', 'zip'])
  })

  it('grants the macOS app only the JIT entitlement Electron needs', () => {
    const plist = readFileSync(join(projectDir, 'build/entitlements.mac.plist'), 'utf8')

    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])).toEqual([
      'com.apple.security.cs.allow-jit',
    ])
  })

  it('notarizes through the afterSign hook, which exists', () => {
    expect(config.afterSign).toBe('build/notarize.mjs')
    expect(existsSync(join(projectDir, config.afterSign as string))).toBe(true)
  })

  it('makes an AppImage and a deb on Linux', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
  })

  it('describes a generic update feed whose placeholder address can never resolve', () => {
    const publish = config.publish as { provider: string; url: string }

    expect(publish.provider).toBe('generic')
    expect(new URL(publish.url).hostname.endsWith('.invalid')).toBe(true)
  })
})
