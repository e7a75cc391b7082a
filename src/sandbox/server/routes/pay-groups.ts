/**
 * `GET /employer/pay-groups` (optionally only those of one individual or of some pay
 * frequencies) and `GET /employer/pay-groups/{id}`. Both need the `payment` product here;
 * Finch's documents name no product for pay groups.
 */
import type {
  PayGroupListResponse,
  PayGroupRetrieveResponse,
} from '@tryfinch/finch-api/resources/payroll/pay-groups'

import { notFound } from '../finch-error'
import { dataEndpoint } from '../finch-rules'
import { jsonReply } from '../reply'
import type { Route } from '../router'

/** Accepts `pay_frequencies=a&pay_frequencies=b`, `pay_frequencies[]=a` and `a,b` alike. */
function frequencies(query: URLSearchParams): string[] {
  return [...query.getAll('pay_frequencies'), ...query.getAll('pay_frequencies[]')]
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '')
}

function listed(group: PayGroupRetrieveResponse): PayGroupListResponse {
  return { id: group.id, name: group.name, pay_frequencies: group.pay_frequencies }
}

export const payGroupRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/employer/pay-groups',
    handle: dataEndpoint('payment', (request, _context, { dataset }) => {
      const individualId = request.url.searchParams.get('individual_id')
      const wanted = frequencies(request.url.searchParams)

      const groups = dataset.payGroups.filter(
        (group) =>
          (individualId === null || group.individual_ids.includes(individualId)) &&
          (wanted.length === 0 || group.pay_frequencies.some((f) => wanted.includes(f))),
      )
      return jsonReply(200, groups.map(listed))
    }),
  },
  {
    method: 'GET',
    pattern: '/employer/pay-groups/{pay_group_id}',
    handle: dataEndpoint('payment', (request, _context, { dataset }) => {
      const group = dataset.payGroups.find(
        (candidate) => candidate.id === request.params.pay_group_id,
      )
      if (!group) throw notFound('item_not_found', 'No pay group with this id.')
      return jsonReply(200, group)
    }),
  },
]
