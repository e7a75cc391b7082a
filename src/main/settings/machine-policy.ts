/**
 * The machine policy: a JSON file an administrator puts on a computer to preset how Payroll Desk
 * reaches Finch (environment, client id, redirect URI, API base URL, loopback port) and how the
 * app updates itself. Policy values win over the accountant's settings and show as managed. The
 * client secret is never part of it: it lives only in each user's keychain.
 *
 * The file is read once at start. A file that is present but not valid is reported with a typed
 * error and nothing is written anywhere; the app then refuses to reach Finch until it is fixed,
 * because a policy that silently stopped applying would send data where the firm did not allow.
 */
import { readFileSync, statSync } from 'node:fs'
import { join, win32 } from 'node:path'
import { z } from 'zod'
import { AppError } from '../../shared/app-error'
import type { ManagedSetting, PolicyStatus } from '../../shared/domain'
import { loopbackOrHttps } from './url-rules'

export const POLICY_FILE_ENV = 'PAYROLL_DESK_POLICY_FILE'

const MAX_POLICY_BYTES = 64 * 1024

const policySchema = z.strictObject({
  /** Reserved for later formats; 1 is the only one. */
  version: z.literal(1).optional(),
  environment: z.enum(['finch', 'demo']).optional(),
  clientId: z.string().trim().min(1).max(200).optional(),
  redirectUri: loopbackOrHttps.optional(),
  finchBaseUrl: loopbackOrHttps.optional(),
  browserCallbackPort: z.int().min(1024).max(65535).optional(),
  autoUpdate: z
    .strictObject({
      enabled: z.boolean(),
      feedUrl: z
        .url({ protocol: /^https$/ })
        .max(2000)
        .optional(),
    })
    .optional(),
})

export type PolicyValues = z.infer<typeof policySchema>

export type MachinePolicy =
  | { status: 'absent'; path: string }
  | { status: 'applied'; path: string; values: PolicyValues }
  | { status: 'invalid'; path: string; error: AppError }

/**
 * Where this machine's policy lives: a folder only administrators can write on each platform,
 * unless `PAYROLL_DESK_POLICY_FILE` names another file (tests, or a managed deployment that
 * keeps it elsewhere).
 */
export function machinePolicyPath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const override = env[POLICY_FILE_ENV]
  if (override) return override
  if (platform === 'darwin') return '/Library/Application Support/Payroll Desk/policy.json'
  if (platform === 'win32') {
    return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Payroll Desk', 'policy.json')
  }
  return join('/etc', 'payroll-desk', 'policy.json')
}

export function loadMachinePolicy(path: string): MachinePolicy {
  let text: string
  try {
    if (statSync(path).size > MAX_POLICY_BYTES) {
      return invalid(path, `it is larger than ${MAX_POLICY_BYTES / 1024} KB`)
    }
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'absent', path }
    return invalid(path, `it could not be read (${code ?? 'unknown error'})`)
  }

  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    // V8 quotes part of the file in its message; only the position is repeated here.
    const position = /position (\d+)/.exec((error as Error).message)?.[1]
    return invalid(path, `it is not valid JSON${position ? ` (near character ${position})` : ''}`)
  }

  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const secretKey = Object.keys(raw).find((key) => /secret|token|password/i.test(key))
    if (secretKey) {
      return invalid(
        path,
        `it names "${secretKey.slice(0, 40)}", but a policy may not hold secrets; each user enters the client secret in Settings and it stays in their keychain`,
      )
    }
  }

  const parsed = policySchema.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 4)
      .map((issue) => {
        const field = issue.path.map((part) => String(part).slice(0, 40)).join('.') || 'the file'
        return `${field}: ${issue.message.slice(0, 120)}`
      })
      .join('; ')
    return invalid(path, issues)
  }
  return { status: 'applied', path, values: parsed.data }
}

/** The settings a policy sets, by the names the settings use. */
export function managedSettings(policy: MachinePolicy): ManagedSetting[] {
  if (policy.status !== 'applied') return []
  const values = policy.values
  const managed: ManagedSetting[] = []
  if (values.environment !== undefined) managed.push('mode')
  if (values.clientId !== undefined) managed.push('clientId')
  if (values.redirectUri !== undefined) managed.push('redirectUri')
  if (values.finchBaseUrl !== undefined) managed.push('finchBaseUrl')
  if (values.browserCallbackPort !== undefined) managed.push('browserCallbackPort')
  return managed
}

export function policyStatus(policy: MachinePolicy): PolicyStatus {
  const autoUpdate =
    policy.status === 'applied' && policy.values.autoUpdate
      ? {
          enabled: policy.values.autoUpdate.enabled,
          feedUrl: policy.values.autoUpdate.feedUrl ?? null,
        }
      : null
  return {
    path: policy.path,
    status: policy.status,
    problem: policy.status === 'invalid' ? policy.error.message : null,
    managed: managedSettings(policy),
    autoUpdate,
  }
}

function invalid(path: string, reason: string): MachinePolicy {
  return {
    status: 'invalid',
    path,
    error: new AppError(
      'policy_invalid',
      `This computer's Payroll Desk policy (${path}) is not valid: ${reason}. Payroll Desk will not reach Finch until an administrator fixes it; nothing was changed.`,
    ),
  }
}
