/**
 * The shape of one sandbox company: everything the local Finch sandbox can serve for a
 * connection, in Finch's own standardized objects (the official SDK's types), so the server
 * answers with exactly what Finch would and the generators cannot drift from the API.
 */
import type {
  Company,
  CompanyBenefit,
  EmploymentData,
  Individual,
  IndividualInDirectory,
  PayStatement,
  Payment,
} from '@tryfinch/finch-api/resources/hris'
import type { IndividualBenefit } from '@tryfinch/finch-api/resources/hris/benefits'
import type { PayGroupRetrieveResponse } from '@tryfinch/finch-api/resources/payroll'

import type { PlantedDiscrepancy } from './planted-discrepancies'

export type IndividualRecord = Individual.IndividualResponseBody
export type EmploymentRecord = EmploymentData.EmploymentDataResponseBody
/**
 * One person's enrollment in a company benefit as `/employer/benefits/{id}/individuals` answers
 * it: `{ individual_id, code, body }`, so the owner travels with the data. A fixture may replay an
 * item that failed (a `code` other than 200, with Finch's error body).
 */
export type EnrollmentRecord = IndividualBenefit
/** The body of a successful enrollment item: the deduction, the contribution and the limits. */
export type EnrollmentBody = IndividualBenefit.IndividualBenefit

/** How a scenario's connection behaves over time, beyond the data it holds. */
export interface ScenarioBehaviour {
  /** Assisted connections answer 202 on data endpoints until this many data requests passed. */
  readonly assistedPendingRequests?: number
  /** Pay statements of these payment ids answer per item 202 `data_sync_in_progress`. */
  readonly pendingPayStatementIds?: ReadonlySet<string>
  /** After this many data requests the connection answers 401 `reauthenticate_user`. */
  readonly reauthenticateAfterRequests?: number
}

/**
 * One company's data. Pay statements are read through a function so that large scenarios
 * (10,000 people, 52 runs) can generate them on demand instead of holding millions of objects.
 */
export interface CompanyDataset {
  readonly scenario: string
  readonly providerId: string
  readonly connectionType: 'provider' | 'finch'
  readonly company: Company
  /** In the order Finch's directory pages them. */
  readonly directory: readonly IndividualInDirectory[]
  individual(individualId: string): IndividualRecord | undefined
  employment(individualId: string): EmploymentRecord | undefined
  /** Sorted by pay date, oldest first. */
  readonly payments: readonly Payment[]
  /** Every statement of one payment, in a stable order; undefined for an unknown payment. */
  payStatements(paymentId: string): readonly PayStatement[] | undefined
  readonly benefits: readonly CompanyBenefit[]
  /** Who is enrolled in one company benefit, each item naming its individual; [] when none. */
  enrollments(benefitId: string): readonly EnrollmentRecord[]
  readonly payGroups: readonly PayGroupRetrieveResponse[]
  readonly behaviour: ScenarioBehaviour
  /**
   * Problems planted on purpose for the accountant's checks to find (the `discrepancies`
   * scenario); absent for every other company. Read it with `plantedDiscrepancies(dataset)`.
   */
  readonly plantedDiscrepancies?: readonly PlantedDiscrepancy[]
}
