/**
 * The typed errors every layer uses. A code is stable and machine-readable; a message is written
 * for the accountant and never carries a token, secret, SSN or bank number.
 */
export const APP_ERROR_CODES = [
  'invalid_argument',
  'unknown_channel',
  'forbidden_sender',
  'keychain_unavailable',
  'keychain_locked',
  'keychain_denied',
  'policy_invalid',
  'settings_incomplete',
  'connect_in_progress',
  'connect_cancelled',
  'connect_timeout',
  'connect_state_mismatch',
  'connect_failed',
  'connect_port_busy',
  'finch_rejected',
  'finch_reauthenticate',
  'finch_unreachable',
  /** Finch answered with data the app cannot read; the previous data was kept. */
  'finch_malformed_data',
  'sync_in_progress',
  /** The accountant stopped a sync; the previous data was kept. */
  'sync_cancelled',
  'not_found',
  'storage_failed',
  'internal',
] as const

export type AppErrorCode = (typeof APP_ERROR_CODES)[number]

export interface AppErrorShape {
  code: AppErrorCode
  message: string
}

export class AppError extends Error {
  readonly code: AppErrorCode

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AppError'
    this.code = code
  }

  toShape(): AppErrorShape {
    return { code: this.code, message: this.message }
  }
}

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === 'string' && (APP_ERROR_CODES as readonly string[]).includes(value)
}
