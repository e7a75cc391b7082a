/**
 * The error the renderer's API client throws when the back end answers a call with a failure.
 * Its message is written for the accountant and may be shown as it is.
 */
import type { AppErrorCode } from '../../../shared/app-error'
import { isAppErrorCode } from '../../../shared/app-error'

export class ApiError extends Error {
  readonly code: AppErrorCode

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ApiError'
    this.code = code
  }
}

/** The message to show for anything a call threw, whether or not it is an `ApiError`. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return 'Something went wrong. The details are in the log.'
}

/** Reads a failure envelope's error, which crossed a process boundary and is not trusted. */
export function apiErrorFrom(shape: unknown): ApiError {
  const candidate = (typeof shape === 'object' && shape !== null ? shape : {}) as {
    code?: unknown
    message?: unknown
  }
  const code = isAppErrorCode(candidate.code) ? candidate.code : 'internal'
  const message =
    typeof candidate.message === 'string' && candidate.message.length > 0
      ? candidate.message
      : 'Something went wrong. The details are in the log.'
  return new ApiError(code, message)
}
