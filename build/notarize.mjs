// electron-builder's afterSign hook: sends the signed macOS app to Apple's notary service with
// @electron/notarize and staples the ticket, when Apple credentials are in the environment.
// Without them it says so and the app stays signed but not notarized (fine for local builds;
// Gatekeeper warns on other Macs). Credentials, any one set:
//   APPLE_API_KEY (path to the .p8 key), APPLE_API_KEY_ID, APPLE_API_ISSUER   (preferred)
//   APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID
//   APPLE_KEYCHAIN_PROFILE, and APPLE_KEYCHAIN if the profile is not in the login keychain
import { createRequire } from 'node:module'
import { join } from 'node:path'

const credentialSets = [
  {
    APPLE_API_KEY: 'appleApiKey',
    APPLE_API_KEY_ID: 'appleApiKeyId',
    APPLE_API_ISSUER: 'appleApiIssuer',
  },
  { APPLE_ID: 'appleId', APPLE_APP_SPECIFIC_PASSWORD: 'appleIdPassword', APPLE_TEAM_ID: 'teamId' },
  { APPLE_KEYCHAIN_PROFILE: 'keychainProfile' },
]

/** The first complete credential set in `env`, null if none is started, or an error if one is half set. */
export function notarizeCredentials(env) {
  for (const set of credentialSets) {
    const names = Object.keys(set)
    const present = names.filter((name) => env[name])
    if (present.length === 0) continue
    if (present.length < names.length) {
      const missing = names.filter((name) => !env[name])
      throw new Error(`[notarize] ${present.join(', ')} set but ${missing.join(', ')} missing`)
    }
    const credentials = Object.fromEntries(names.map((name) => [set[name], env[name]]))
    if (set.APPLE_KEYCHAIN_PROFILE && env.APPLE_KEYCHAIN) credentials.keychain = env.APPLE_KEYCHAIN
    return credentials
  }
  return null
}

/** electron-builder's own copy of @electron/notarize, so the hook needs no dependency of its own. */
export async function loadNotarize() {
  const require = createRequire(import.meta.url)
  const fromBuilder = createRequire(require.resolve('app-builder-lib/package.json'))
  return fromBuilder('@electron/notarize').notarize
}

export async function notarizeApp(
  context,
  { env = process.env, load = loadNotarize, log = console.log } = {},
) {
  if (context.electronPlatformName !== 'darwin') return 'skipped'
  const credentials = notarizeCredentials(env)
  if (!credentials) {
    log(
      '[notarize] skipped: no APPLE_* credentials in the environment; the app is signed, not notarized',
    )
    return 'skipped'
  }

  const appPath = join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`)
  log(`[notarize] submitting ${appPath} to Apple's notary service`)
  const notarize = await load()
  await notarize({ tool: 'notarytool', appPath, ...credentials })
  log('[notarize] notarized and stapled')
  return 'notarized'
}

export default async function afterSign(context) {
  await notarizeApp(context)
}
