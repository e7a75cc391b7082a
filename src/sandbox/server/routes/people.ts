/**
 * Finch's batch reads about people, `POST /employer/individual` and `/employer/employment`,
 * where unknown ids fail one by one inside a 200 answer. Social Security Numbers are only sent
 * when the connection holds `ssn` and the request asks for them.
 */
import type { IndividualResponse } from '@tryfinch/finch-api/resources/hris/individuals'
import type { EmploymentDataResponse } from '@tryfinch/finch-api/resources/hris/employments'

import type { IndividualRecord } from '../../data/dataset'
import { type BodyObject, objectBody } from '../body-fields'
import { batchItems, itemId } from '../batch-requests'
import { type BatchItemError, invalidRequest, itemNotFound } from '../finch-error'
import { dataEndpoint } from '../finch-rules'
import { grantsProduct } from '../product'
import { jsonBody } from '../request-body'
import { jsonReply } from '../reply'
import type { Route } from '../router'

/** The SDK's documented ceiling for one individual or employment batch. */
export const MAX_INDIVIDUALS_PER_BATCH = 10_000

function individualNotFound(): BatchItemError {
  return itemNotFound('individual_not_found', 'No individual with this id.')
}

function asksForSsn(body: BodyObject): boolean {
  if (body.options === undefined || body.options === null) return false
  const include = objectBody(body.options).include
  if (include === undefined || include === null) return false
  if (!Array.isArray(include)) throw invalidRequest('options.include must be an array.')
  return include.includes('ssn')
}

function withoutSsnUnlessAllowed(record: IndividualRecord, allowed: boolean): IndividualRecord {
  if (allowed) return record
  return { ...record, ssn: null, encrypted_ssn: null }
}

export const peopleRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/employer/individual',
    handle: dataEndpoint('individual', (request, _context, { claims, dataset }) => {
      const body = objectBody(jsonBody(request))
      const ids = batchItems(body, MAX_INDIVIDUALS_PER_BATCH).map((item) =>
        itemId(item, 'individual_id'),
      )
      const ssnAllowed = asksForSsn(body) && grantsProduct(claims.products, 'ssn')

      const responses: IndividualResponse[] = ids.map((id) => {
        const record = dataset.individual(id)
        return record
          ? { individual_id: id, code: 200, body: withoutSsnUnlessAllowed(record, ssnAllowed) }
          : { individual_id: id, code: 404, body: individualNotFound() }
      })
      return jsonReply(200, { responses })
    }),
  },
  {
    method: 'POST',
    pattern: '/employer/employment',
    handle: dataEndpoint('employment', (request, _context, { dataset }) => {
      const body = objectBody(jsonBody(request))
      const ids = batchItems(body, MAX_INDIVIDUALS_PER_BATCH).map((item) =>
        itemId(item, 'individual_id'),
      )

      const responses: EmploymentDataResponse[] = ids.map((id) => {
        const record = dataset.employment(id)
        return record
          ? { individual_id: id, code: 200, body: record }
          : { individual_id: id, code: 404, body: individualNotFound() }
      })
      return jsonReply(200, { responses })
    }),
  },
]
