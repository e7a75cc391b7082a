/** Every route the sandbox answers, in one list the server matches requests against. */
import type { Route } from '../router'
import { automatedJobRoutes } from './automated-jobs'
import { benefitRoutes } from './benefits'
import { connectFlowRoutes } from './connect-flow'
import { connectSessionRoutes } from './connect-sessions'
import { disconnectRoutes } from './disconnect'
import { exchangeCodeRoutes } from './exchange-code'
import { introspectRoutes } from './introspect'
import { oauthPopUpRoutes } from './oauth-pop-up'
import { organizationRoutes } from './organization'
import { payGroupRoutes } from './pay-groups'
import { payrollRoutes } from './payroll'
import { peopleRoutes } from './people'
import { providerRoutes } from './providers'

export const ALL_ROUTES: readonly Route[] = [
  ...connectSessionRoutes,
  ...connectFlowRoutes,
  ...oauthPopUpRoutes,
  ...exchangeCodeRoutes,
  ...introspectRoutes,
  ...disconnectRoutes,
  ...organizationRoutes,
  ...peopleRoutes,
  ...payrollRoutes,
  ...benefitRoutes,
  ...payGroupRoutes,
  ...providerRoutes,
  ...automatedJobRoutes,
]
