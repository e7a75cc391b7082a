/** `GET /providers`: the sandbox's provider catalogue. Like Finch's, it needs no token. */
import { requireApiVersion } from '../finch-rules'
import { jsonReply } from '../reply'
import type { Route } from '../router'
import { providerCatalogue } from '../sandbox-providers'

export const providerRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/providers',
    handle: (request) => {
      requireApiVersion(request)
      return jsonReply(200, providerCatalogue())
    },
  },
]
