/**
 * Reads every endpoint of a dataset into one JSON string, so tests can compare two datasets byte
 * for byte: the company, people, payments with all their statements, benefits with their
 * enrolled individuals, pay groups and the connection's behaviour.
 */
import type { CompanyDataset } from '../../../src/sandbox/data'
import { plantedDiscrepancies } from '../../../src/sandbox/data'

export function datasetSnapshot(dataset: CompanyDataset): string {
  const ids = dataset.directory.map((entry) => entry.id)
  const { behaviour } = dataset

  return JSON.stringify({
    scenario: dataset.scenario,
    providerId: dataset.providerId,
    connectionType: dataset.connectionType,
    company: dataset.company,
    directory: dataset.directory,
    individuals: ids.map((id) => dataset.individual(id) ?? null),
    employments: ids.map((id) => dataset.employment(id) ?? null),
    payments: dataset.payments,
    payStatements: dataset.payments.map((payment) => dataset.payStatements(payment.id) ?? null),
    benefits: dataset.benefits,
    enrollments: dataset.benefits.map((benefit) => dataset.enrollments(benefit.benefit_id)),
    payGroups: dataset.payGroups,
    behaviour: {
      ...behaviour,
      pendingPayStatementIds: behaviour.pendingPayStatementIds
        ? [...behaviour.pendingPayStatementIds]
        : null,
    },
    plantedDiscrepancies: plantedDiscrepancies(dataset),
  })
}
