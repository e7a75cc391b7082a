/**
 * A sandbox company whose data a test can change between syncs (a new hire, a renamed person, a
 * new payment) or break on purpose (a person Finch cannot find, a payment whose statements are
 * still being collected, a fractional amount). It starts as a copy of a generated scenario and
 * is handed to the sandbox through `datasetFor`, which reads it afresh on every request.
 */
import type {
  IndividualInDirectory,
  PayStatement,
  Payment,
} from '@tryfinch/finch-api/resources/hris'
import type { CompanyDataset, EmploymentRecord, IndividualRecord } from '../../../src/sandbox/data'
import { createScenario } from '../../../src/sandbox/data'

export class MutableCompany {
  directory: IndividualInDirectory[]
  payments: Payment[]
  readonly individuals = new Map<string, IndividualRecord | undefined>()
  readonly employments = new Map<string, EmploymentRecord | undefined>()
  readonly statements = new Map<string, PayStatement[] | undefined>()
  /** Payments whose statements answer 202 `data_sync_in_progress`. */
  readonly pendingStatements = new Set<string>()
  readonly dataset: CompanyDataset

  constructor(readonly base: CompanyDataset) {
    this.directory = [...base.directory]
    this.payments = [...base.payments]
    this.dataset = liveDataset(this)
  }

  /** A person joins: in the directory (first), with their individual and employment records. */
  hire(id: string, firstName: string, lastName: string): void {
    const template = this.base.directory[0]!
    this.directory = [
      { ...template, id, first_name: firstName, last_name: lastName, manager: null },
      ...this.directory,
    ]
    const individual = this.base.individual(template.id)!
    this.individuals.set(id, { ...individual, id, first_name: firstName, last_name: lastName })
    const employment = this.base.employment(template.id)!
    this.employments.set(id, { ...employment, id, first_name: firstName, last_name: lastName })
  }

  rename(id: string, lastName: string): void {
    this.directory = this.directory.map((p) => (p.id === id ? { ...p, last_name: lastName } : p))
    const individual = this.base.individual(id)!
    this.individuals.set(id, { ...individual, last_name: lastName })
  }

  /** A new payment like the latest one, paid on `payDate`, with statements of its own. */
  pay(id: string, payDate: string): void {
    const latest = this.payments[this.payments.length - 1]!
    this.payments = [...this.payments, { ...latest, id, pay_date: payDate, debit_date: payDate }]
    const statements = this.base.payStatements(latest.id) ?? []
    this.statements.set(
      id,
      statements.map((statement) => ({
        ...statement,
        gross_pay: statement.gross_pay && {
          ...statement.gross_pay,
          amount: (statement.gross_pay.amount ?? 0) + 100,
        },
      })),
    )
  }
}

/** The company as the sandbox reads it: every getter reads the current state, at every request. */
function liveDataset(company: MutableCompany): CompanyDataset {
  const { base } = company
  return {
    ...base,
    get directory() {
      return company.directory
    },
    get payments() {
      return company.payments
    },
    individual: (id) =>
      company.individuals.has(id) ? company.individuals.get(id) : base.individual(id),
    employment: (id) =>
      company.employments.has(id) ? company.employments.get(id) : base.employment(id),
    payStatements: (id) =>
      company.statements.has(id) ? company.statements.get(id) : base.payStatements(id),
    get behaviour() {
      return { ...base.behaviour, pendingPayStatementIds: company.pendingStatements }
    },
  }
}

export function mutableScenario(people: number, payRuns: number): MutableCompany {
  return new MutableCompany(createScenario('scale', { people, payRuns }))
}
