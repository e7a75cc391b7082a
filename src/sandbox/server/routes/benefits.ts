/**
 * Finch's benefit reads: the company's benefits, one benefit, who is enrolled in it, and each
 * enrolled person's deduction and contribution. Writing benefits is not served: the app only
 * reads payroll.
 */
import type {
  CompanyBenefit,
  IndividualBenefit,
  IndividualEnrolledIDsResponse,
} from '@tryfinch/finch-api/resources/hris/benefits'

import type { CompanyDataset } from '../../data/dataset'
import { itemNotFound, notFound } from '../finch-error'
import { dataEndpoint } from '../finch-rules'
import { jsonReply } from '../reply'
import type { Route } from '../router'

function benefitOf(dataset: CompanyDataset, benefitId: string): CompanyBenefit {
  const benefit = dataset.benefits.find((candidate) => candidate.benefit_id === benefitId)
  if (!benefit) throw notFound('benefit_not_found', 'No benefit with this id.')
  return benefit
}

function enrollmentsByIndividual(
  dataset: CompanyDataset,
  benefitId: string,
): Map<string, IndividualBenefit> {
  return new Map(dataset.enrollments(benefitId).map((item) => [item.individual_id, item]))
}

export const benefitRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/employer/benefits',
    handle: dataEndpoint('benefits', (_request, _context, { dataset }) =>
      jsonReply(200, dataset.benefits),
    ),
  },
  {
    method: 'GET',
    pattern: '/employer/benefits/{benefit_id}',
    handle: dataEndpoint('benefits', (request, _context, { dataset }) =>
      jsonReply(200, benefitOf(dataset, request.params.benefit_id!)),
    ),
  },
  {
    method: 'GET',
    pattern: '/employer/benefits/{benefit_id}/enrolled',
    handle: dataEndpoint('benefits', (request, _context, { dataset }) => {
      const benefit = benefitOf(dataset, request.params.benefit_id!)
      const response: IndividualEnrolledIDsResponse = {
        benefit_id: benefit.benefit_id,
        individual_ids: dataset
          .enrollments(benefit.benefit_id)
          .filter((item) => item.code === 200)
          .map((item) => item.individual_id),
      }
      return jsonReply(200, response)
    }),
  },
  {
    method: 'GET',
    pattern: '/employer/benefits/{benefit_id}/individuals',
    handle: dataEndpoint('benefits', (request, _context, { dataset }) => {
      const benefit = benefitOf(dataset, request.params.benefit_id!)
      const enrolled = enrollmentsByIndividual(dataset, benefit.benefit_id)
      const asked = (request.url.searchParams.get('individual_ids') ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '')
      const ids = asked.length > 0 ? asked : [...enrolled.keys()]

      const answers: IndividualBenefit[] = ids.map(
        (id) =>
          enrolled.get(id) ?? {
            individual_id: id,
            code: 404,
            body: itemNotFound('individual_not_found', 'This individual is not enrolled.'),
          },
      )
      // Finch documents 207 Multi-Status when some individuals failed.
      return jsonReply(answers.every((answer) => answer.code === 200) ? 200 : 207, answers)
    }),
  },
]
