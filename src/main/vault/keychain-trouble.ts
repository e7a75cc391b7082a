/**
 * Names what went wrong with the OS keychain, so the accountant reads a way forward instead of a
 * library's error text: a locked keychain is unlocked, a refusal is allowed, a missing Secret
 * Service is started. The text of the underlying error is never shown; it may name accounts.
 */
import { AppError } from '../../shared/app-error'

export type KeychainTrouble = 'locked' | 'denied' | 'unavailable'

// What keytar reports, per platform: libsecret and gnome-keyring on Linux, Security.framework
// status codes on macOS (-25308 interaction not allowed while locked, -128 user cancelled,
// -25293 authorization failed), and the Windows Credential Manager's access errors.
const LOCKED = [/\blocked\b/i, /-25308/, /interaction is not allowed/i]
const DENIED = [
  /access (is )?denied/i,
  /not (allowed|authori[sz]ed|permitted)/i,
  /-128\b/,
  /-25293/,
  /user cancel/i,
  /dismissed/i,
]

export function classifyKeychainFailure(cause: unknown): KeychainTrouble {
  const text = cause instanceof Error ? cause.message : String(cause)
  if (LOCKED.some((pattern) => pattern.test(text))) return 'locked'
  if (DENIED.some((pattern) => pattern.test(text))) return 'denied'
  return 'unavailable'
}

export function keychainError(trouble: KeychainTrouble, cause?: unknown): AppError {
  const options = cause === undefined ? undefined : { cause }
  switch (trouble) {
    case 'locked':
      return new AppError(
        'keychain_locked',
        'The system keychain is locked. Unlock it (the "Login" keyring on Linux, the login keychain on macOS), then try again. Payroll Desk keeps secrets only there.',
        options,
      )
    case 'denied':
      return new AppError(
        'keychain_denied',
        'The system keychain refused Payroll Desk. Allow Payroll Desk when the keychain asks (or in Keychain Access on macOS), then try again.',
        options,
      )
    case 'unavailable':
      return new AppError(
        'keychain_unavailable',
        'No system keychain answered. Payroll Desk keeps secrets only in the keychain, never in a file: start it (on Linux, GNOME Keyring or KWallet in your desktop session), then try again.',
        options,
      )
  }
}
