/**
 * The reconciliation checks on screen: statements whose gross pay does not come down to net pay,
 * payment totals that disagree with their statements or with the debit rule, and each run's
 * cash need against its company debit. Each rule is stated beside the table that applies it.
 */
import type { PaymentCheckField, ReconciliationReport } from '../../../shared/checks'
import { COMPANY_DEBIT_RULE, GROSS_TO_NET_RULE } from '../../../shared/checks'
import { formatDate } from '../format/format-date'
import { formatCents } from '../format/format-money'
import { formatPayGroups, formatPayRun } from '../format/format-pay-run'
import { CheckTableFrame } from './check-table-frame'

const FIELD_LABELS: Record<PaymentCheckField, string> = {
  gross_pay: 'Gross pay',
  net_pay: 'Net pay',
  employee_taxes: 'Employee taxes',
  employer_taxes: 'Employer taxes',
  company_debit: 'Company debit',
}

function day(date: string | null): string {
  return formatDate(date) ?? '—'
}

function money(cents: number | null): string {
  return cents === null ? '—' : formatCents(cents)
}

export function CheckReconciliation({ report }: { report: ReconciliationReport }) {
  return (
    <>
      <StatementImbalances report={report} />
      <PaymentMismatches report={report} />
      <CashRequirements report={report} />
    </>
  )
}

function StatementImbalances({ report }: { report: ReconciliationReport }) {
  return (
    <section className="check-section" data-testid="check-gross-to-net">
      <h2>Gross to net</h2>
      <p className="field-hint">
        {GROSS_TO_NET_RULE}, to the cent. {report.statementsChecked} statements checked
        {report.statementsUnchecked > 0 &&
          `; ${report.statementsUnchecked} lack gross or net pay and cannot be checked`}
        .
      </p>
      {report.imbalances.length === 0 ? (
        <p data-testid="check-gross-to-net-clear">Every statement balances.</p>
      ) : (
        <CheckTableFrame label="Statements out of balance">
          <table className="data-table">
            <caption className="visually-hidden">Statements out of balance</caption>
            <thead>
              <tr>
                <th scope="col">Pay date</th>
                <th scope="col">Person</th>
                <th scope="col">Gross</th>
                <th scope="col">Employee taxes</th>
                <th scope="col">Deductions</th>
                <th scope="col">Expected net</th>
                <th scope="col">Net</th>
                <th scope="col">Difference</th>
              </tr>
            </thead>
            <tbody>
              {report.imbalances.map((row) => (
                <tr
                  key={`${row.paymentId}/${row.individualId}`}
                  data-testid="check-imbalance"
                  data-individual-id={row.individualId}
                >
                  <td>{day(row.payDate)}</td>
                  <td>{row.personName ?? row.individualId}</td>
                  <td className="numeric">{money(row.grossPayCents)}</td>
                  <td className="numeric">{money(row.employeeTaxesCents)}</td>
                  <td className="numeric">{money(row.employeeDeductionsCents)}</td>
                  <td className="numeric">{money(row.expectedNetCents)}</td>
                  <td className="numeric">{money(row.netPayCents)}</td>
                  <td className="numeric">{money(row.differenceCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </CheckTableFrame>
      )}
      {report.imbalancesTruncated && (
        <p className="field-hint">Only the first {report.imbalances.length} are listed.</p>
      )}
    </section>
  )
}

function PaymentMismatches({ report }: { report: ReconciliationReport }) {
  return (
    <section className="check-section" data-testid="check-payment-totals">
      <h2>Payment totals</h2>
      <p className="field-hint">
        Each payment’s gross, net, employee and employer taxes against the sums of its statements;
        its company debit against the rule {COMPANY_DEBIT_RULE.toLowerCase()}.{' '}
        {report.paymentsChecked} payments checked
        {report.paymentsUnchecked > 0 &&
          `; ${report.paymentsUnchecked} have no cached statements and cannot be checked`}
        .
      </p>
      {report.paymentMismatches.length === 0 ? (
        <p data-testid="check-payment-totals-clear">Every payment ties out.</p>
      ) : (
        <CheckTableFrame label="Payment totals that disagree">
          <table className="data-table">
            <caption className="visually-hidden">Payment totals that disagree</caption>
            <thead>
              <tr>
                <th scope="col">Pay run</th>
                <th scope="col">Figure</th>
                <th scope="col">Expected</th>
                <th scope="col">Payment says</th>
                <th scope="col">Difference</th>
              </tr>
            </thead>
            <tbody>
              {report.paymentMismatches.map((row) => (
                <tr
                  key={`${row.paymentId}/${row.field}`}
                  data-testid="check-payment-mismatch"
                  data-payment-id={row.paymentId}
                  data-field={row.field}
                >
                  <td>{formatPayRun(row, report.payGroupCount > 1)}</td>
                  <td>{FIELD_LABELS[row.field]}</td>
                  <td className="numeric">{money(row.expectedCents)}</td>
                  <td className="numeric">{money(row.paymentCents)}</td>
                  <td className="numeric">{money(row.differenceCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </CheckTableFrame>
      )}
    </section>
  )
}

function CashRequirements({ report }: { report: ReconciliationReport }) {
  return (
    <section className="check-section" data-testid="check-cash">
      <h2>Cash requirement per pay run</h2>
      <p className="field-hint">
        Cash required = net pay + employee taxes + employer taxes + employer contributions, from the
        statements. The part outside the debit is what the employer funds apart from the payroll
        debit, such as plan contributions.
      </p>
      <CheckTableFrame label="Cash requirement per pay run">
        <table className="data-table">
          <caption className="visually-hidden">Cash requirement per pay run</caption>
          <thead>
            <tr>
              <th scope="col">Pay date</th>
              <th scope="col">Pay group</th>
              <th scope="col">Net pay</th>
              <th scope="col">Employee taxes</th>
              <th scope="col">Employer taxes</th>
              <th scope="col">Employer contributions</th>
              <th scope="col">Cash required</th>
              <th scope="col">Company debit</th>
              <th scope="col">Outside the debit</th>
            </tr>
          </thead>
          <tbody>
            {report.cashRequirements.map((row) => (
              <tr key={row.paymentId} data-testid="check-cash-run" data-payment-id={row.paymentId}>
                <td>{day(row.payDate)}</td>
                <td>{formatPayGroups(row.payGroupNames) ?? '—'}</td>
                <td className="numeric">{money(row.netPayCents)}</td>
                <td className="numeric">{money(row.employeeTaxesCents)}</td>
                <td className="numeric">{money(row.employerTaxesCents)}</td>
                <td className="numeric">{money(row.employerContributionsCents)}</td>
                <td className="numeric">{money(row.cashRequiredCents)}</td>
                <td className="numeric">{money(row.companyDebitCents)}</td>
                <td className="numeric">{money(row.outsideDebitCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </CheckTableFrame>
    </section>
  )
}
