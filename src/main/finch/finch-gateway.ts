/**
 * Builds clients of the official Finch SDK for the firm's application (client credentials) or for
 * one connection (its access token), and turns the SDK's errors into the app's typed errors
 * without echoing anything a server sent back.
 */
import Finch, { APIConnectionError, APIError } from '@tryfinch/finch-api'
import { AppError } from '../../shared/app-error'

export interface FinchApplication {
  baseURL: string
  clientId: string
  clientSecret: string
}

/** Finch's error body, as documented: `code`, `name`, optional `finch_code`, `message`. */
interface FinchErrorBody {
  name?: unknown
  finch_code?: unknown
}

// The SDK falls back to FINCH_* environment variables when an option is undefined; every
// option is passed explicitly so nothing leaks in from the environment.
export function finchForApplication(app: FinchApplication): Finch {
  return new Finch({
    baseURL: app.baseURL,
    clientID: app.clientId,
    clientSecret: app.clientSecret,
    accessToken: null,
    webhookSecret: null,
    maxRetries: 2,
    logLevel: 'off',
  })
}

export function finchForConnection(baseURL: string, accessToken: string): Finch {
  return new Finch({
    baseURL,
    accessToken,
    clientID: null,
    clientSecret: null,
    webhookSecret: null,
    maxRetries: 2,
    logLevel: 'off',
  })
}

/** What Finch said, reduced to names that are safe to log and show. */
export function finchErrorName(error: unknown): string | null {
  if (!(error instanceof APIError)) return null
  const body = (error.error ?? {}) as FinchErrorBody
  const parts = [error.status, body.name, body.finch_code].filter(
    (part) => typeof part === 'number' || (typeof part === 'string' && /^[a-z_]{1,64}$/.test(part)),
  )
  return parts.join(' ')
}

export function toAppError(error: unknown, action: string): AppError {
  if (error instanceof AppError) return error

  if (error instanceof APIConnectionError) {
    return new AppError('finch_unreachable', `Finch could not be reached to ${action}.`, {
      cause: error,
    })
  }

  if (error instanceof APIError) {
    const body = (error.error ?? {}) as FinchErrorBody
    const name = finchErrorName(error)
    if (error.status === 401 && body.finch_code === 'reauthenticate_user') {
      return new AppError(
        'finch_reauthenticate',
        `The employer's payroll system needs to be reconnected before Finch can ${action}.`,
        { cause: error },
      )
    }
    if (typeof error.status === 'number' && error.status >= 500) {
      return new AppError(
        'finch_unreachable',
        `Finch had a server error while trying to ${action} (${name}).`,
        {
          cause: error,
        },
      )
    }
    return new AppError('finch_rejected', `Finch refused to ${action} (${name}).`, { cause: error })
  }

  return new AppError('internal', `Something went wrong while trying to ${action}.`, {
    cause: error,
  })
}
