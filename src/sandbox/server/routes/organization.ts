/**
 * Finch's organization reads that need no batching: `GET /employer/company` and the paged
 * `GET /employer/directory`, whose `limit` defaults to every remaining individual.
 */
import type { IndividualsPageResponse } from '@tryfinch/finch-api/pagination'

import { dataEndpoint } from '../finch-rules'
import { pageOf, pageWindow } from '../paging'
import { jsonReply } from '../reply'
import type { Route } from '../router'

export const organizationRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/employer/company',
    handle: dataEndpoint('company', (_request, _context, { dataset }) =>
      jsonReply(200, dataset.company),
    ),
  },
  {
    method: 'GET',
    pattern: '/employer/directory',
    handle: dataEndpoint('directory', (request, _context, { dataset }) => {
      const query = request.url.searchParams
      const window = pageWindow(query.get('limit'), query.get('offset'))
      const page: IndividualsPageResponse = {
        paging: { count: dataset.directory.length, offset: window.offset },
        individuals: pageOf(dataset.directory, window),
      }
      return jsonReply(200, page)
    }),
  },
]
