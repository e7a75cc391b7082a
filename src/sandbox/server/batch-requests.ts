/**
 * The `requests: [...]` array of Finch's batch endpoints. The SDK documents the most items one
 * batch may hold (10,000 individuals; 10 payments); beyond that, or with a malformed item, the
 * whole request is refused with 400 before any item is answered.
 */
import { type BodyObject, objectBody } from './body-fields'
import { invalidRequest } from './finch-error'

export function batchItems(body: BodyObject, maximum: number): BodyObject[] {
  const requests = body.requests
  if (!Array.isArray(requests)) throw invalidRequest('requests must be an array.')
  if (requests.length > maximum) {
    throw invalidRequest(`requests may hold at most ${maximum} items; split the batch.`)
  }
  return requests.map((item) => {
    try {
      return objectBody(item)
    } catch {
      throw invalidRequest('Every item of requests must be an object.')
    }
  })
}

export function itemId(item: BodyObject, name: string): string {
  const value = item[name]
  if (typeof value !== 'string' || value === '') {
    throw invalidRequest(`Every item of requests needs a ${name}.`)
  }
  return value
}
