/**
 * The errors the sandbox answers, in Finch's error body (`code`, `name`, `finch_code`,
 * `message`), named after the pairs Finch documents so the app meets the same ones offline.
 */
export interface FinchErrorBody {
  code: number
  name: string
  /** Left out when Finch has no finer code: its schema types it as a string, never null. */
  finch_code?: string
  message: string
}

export class FinchError extends Error {
  constructor(
    readonly status: number,
    readonly errorName: string,
    readonly finchCode: string | null,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message)
  }

  toBody(): FinchErrorBody {
    return {
      code: this.status,
      name: this.errorName,
      ...(this.finchCode === null ? {} : { finch_code: this.finchCode }),
      message: this.message,
    }
  }
}

export function invalidRequest(message: string): FinchError {
  return new FinchError(400, 'invalid_request_error', 'invalid_request', message)
}

export function invalidGrant(message: string): FinchError {
  return new FinchError(400, 'invalid_grant_error', null, message)
}

export function invalidClient(): FinchError {
  return new FinchError(401, 'invalid_client_error', null, 'The client credentials are not valid.')
}

export function missingToken(): FinchError {
  return new FinchError(
    401,
    'unauthorized_request_error',
    null,
    'No access token was sent in the Authorization header.',
  )
}

export function invalidToken(message = 'The access token is not valid.'): FinchError {
  return new FinchError(401, 'invalid_token_error', null, message)
}

export function reauthenticateUser(): FinchError {
  return new FinchError(
    401,
    'authentication_error',
    'reauthenticate_user',
    'The employer must reconnect their payroll system through Finch Connect.',
  )
}

export function insufficientScope(product: string): FinchError {
  return new FinchError(
    403,
    'insufficient_scope_error',
    null,
    `This connection was not granted the ${product} product.`,
  )
}

export function notFound(finchCode: string | null, message: string): FinchError {
  return new FinchError(404, 'not_found_error', finchCode, message)
}

export function methodNotAllowed(allowed: readonly string[]): FinchError {
  return new FinchError(
    405,
    'method_not_allowed_error',
    null,
    'This method is not supported here.',
    {
      Allow: allowed.join(', '),
    },
  )
}

export function payloadTooLarge(limitBytes: number): FinchError {
  return new FinchError(
    413,
    'payload_too_large_error',
    null,
    `Request bodies are limited to ${limitBytes} bytes.`,
  )
}

export function rateLimited(finchCode: string, retryAfterSeconds: number): FinchError {
  return new FinchError(
    429,
    'rate_limit_exceeded_error',
    finchCode,
    `Too many requests; retry after ${retryAfterSeconds} seconds.`,
    { 'Retry-After': String(retryAfterSeconds) },
  )
}

export function serverError(): FinchError {
  return new FinchError(500, 'server_error', null, 'The sandbox failed to answer this request.')
}

export function badGateway(): FinchError {
  return new FinchError(
    502,
    'bad_gateway_error',
    'upstream_provider_error',
    'The payroll provider did not answer.',
  )
}

/** The error body of one failed item inside a batch answer, which itself stays 200. */
export interface BatchItemError {
  code: number
  name: string
  finch_code: string
  message: string
}

export function itemNotFound(finchCode: string, message: string): BatchItemError {
  return { code: 404, name: 'not_found_error', finch_code: finchCode, message }
}
