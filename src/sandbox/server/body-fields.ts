/**
 * Reading typed fields out of a decoded request body, answering Finch's 400
 * `invalid_request_error` that names the field when one is missing or of the wrong type.
 */
import { invalidRequest } from './finch-error'

export type BodyObject = Record<string, unknown>

export function objectBody(value: unknown): BodyObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest('The request body must be a JSON object.')
  }
  return value as BodyObject
}

export function requiredString(body: BodyObject, name: string): string {
  const value = body[name]
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidRequest(`${name} is required and must be a non-empty string.`)
  }
  return value
}

export function optionalString(body: BodyObject, name: string): string | null {
  const value = body[name]
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') throw invalidRequest(`${name} must be a string.`)
  return value
}

export function optionalBoolean(body: BodyObject, name: string): boolean | null {
  const value = body[name]
  if (value === undefined || value === null) return null
  if (typeof value !== 'boolean') throw invalidRequest(`${name} must be true or false.`)
  return value
}

export function optionalPositiveInteger(body: BodyObject, name: string): number | null {
  const value = body[name]
  if (value === undefined || value === null) return null
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw invalidRequest(`${name} must be a positive whole number.`)
  }
  return value
}
