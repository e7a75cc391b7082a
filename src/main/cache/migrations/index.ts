/** Every schema migration, in order. Add a file per migration and list it here. */
import type { Migration } from '../migrate'
import { initialSchema } from './001-initial-schema'
import { snapshots } from './002-snapshots'
import { people } from './003-people'
import { payroll } from './004-payroll'
import { benefitsAndPayGroups } from './005-benefits-and-pay-groups'
import { syncBookkeeping } from './006-sync-bookkeeping'
import { peopleSearch } from './007-people-search'
import { connectionClients } from './008-connection-clients'
import { auditTrail } from './009-audit-trail'
import { paymentRegister } from './010-payment-register'
import { reviewReads } from './011-review-reads'
import { personTotals } from './012-person-totals'
import { statementChecks } from './013-statement-checks'
import { peopleSearchBackfill } from './014-people-search-backfill'

export const migrations: readonly Migration[] = [
  initialSchema,
  snapshots,
  people,
  payroll,
  benefitsAndPayGroups,
  syncBookkeeping,
  peopleSearch,
  connectionClients,
  auditTrail,
  paymentRegister,
  reviewReads,
  personTotals,
  statementChecks,
  peopleSearchBackfill,
]
