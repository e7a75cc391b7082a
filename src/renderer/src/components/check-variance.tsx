/**
 * Pay run variance on screen: the two runs compared, the thresholds, and what changed between
 * them. The back end picks the latest run and the one before in its pay group unless the
 * accountant chooses others.
 */
import type { PayRunSummary, VarianceKind, VarianceReport } from '../../../shared/checks'
import { formatPayRun } from '../format/format-pay-run'
import { formatCents } from '../format/format-money'
import { CheckTableFrame } from './check-table-frame'

const KIND_LABELS: Record<VarianceKind, string> = {
  new_hire: 'New hire',
  termination: 'Termination',
  missing_from_run: 'Missing from run',
  gross_change: 'Gross pay change',
  net_change: 'Net pay change',
  new_earning_type: 'New earning type',
  new_deduction_type: 'New deduction type',
  overtime_spike: 'Overtime spike',
}

export interface VarianceChoice {
  currentPaymentId?: string
  previousPaymentId?: string
  changePercent: number
  overtimeFactor: number
}

/** `Nov 20, 2026 · Hourly Biweekly · 36 statements`; an unnamed pay group is said to be one. */
export function runLabel(run: PayRunSummary): string {
  const statements = `${new Intl.NumberFormat().format(run.statementCount)} ${
    run.statementCount === 1 ? 'statement' : 'statements'
  }`
  return `${formatPayRun(run, true)} · ${statements}`
}

function value(kind: VarianceKind, amount: number | null): string {
  if (amount === null) return '—'
  if (kind === 'overtime_spike') return `${amount} h`
  return formatCents(amount)
}

export function CheckVariance({
  report,
  choice,
  onChoose,
}: {
  report: VarianceReport
  choice: VarianceChoice
  onChoose: (choice: VarianceChoice) => void
}) {
  return (
    <section className="check-section" data-testid="check-variance">
      <h2>Pay run variance</h2>
      <div className="check-controls">
        <label className="field">
          <span>Run</span>
          <select
            value={report.current?.paymentId ?? ''}
            onChange={(event) =>
              onChoose({
                ...choice,
                currentPaymentId: event.target.value,
                previousPaymentId: undefined,
              })
            }
          >
            {report.runs.map((run) => (
              <option key={run.paymentId} value={run.paymentId}>
                {runLabel(run)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Compared with</span>
          <select
            value={report.previous?.paymentId ?? ''}
            onChange={(event) =>
              onChoose({
                ...choice,
                currentPaymentId: report.current?.paymentId,
                previousPaymentId: event.target.value,
              })
            }
          >
            {!report.previous && <option value="">No earlier run in the pay group</option>}
            {report.runs.map((run) => (
              <option key={run.paymentId} value={run.paymentId}>
                {runLabel(run)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Pay change above (%)</span>
          <input
            type="number"
            min={0}
            max={10000}
            value={choice.changePercent}
            onChange={(event) =>
              onChoose({ ...choice, changePercent: Math.max(0, Number(event.target.value) || 0) })
            }
          />
        </label>
        <label className="field">
          <span>Overtime above (× earlier most)</span>
          <input
            type="number"
            min={1}
            max={100}
            step={0.5}
            value={choice.overtimeFactor}
            onChange={(event) =>
              onChoose({ ...choice, overtimeFactor: Math.max(1, Number(event.target.value) || 1) })
            }
          />
        </label>
      </div>
      <p className="field-hint">
        Overtime is measured against the person’s most in any earlier run of the pay group, and
        never against less than four hours.
      </p>
      {report.findings.length === 0 ? (
        <p data-testid="check-variance-clear">Nothing changed beyond the thresholds.</p>
      ) : (
        <CheckTableFrame label="Changes between the two runs">
          <table className="data-table">
            <caption className="visually-hidden">Changes between the two runs</caption>
            <thead>
              <tr>
                <th scope="col">Change</th>
                <th scope="col">Person</th>
                <th scope="col">Before</th>
                <th scope="col">Now</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {report.findings.map((row) => (
                <tr
                  key={`${row.kind}/${row.individualId}/${row.lineType ?? ''}`}
                  data-testid="check-variance-finding"
                  data-kind={row.kind}
                  data-individual-id={row.individualId}
                >
                  <td>{KIND_LABELS[row.kind]}</td>
                  <td>{row.personName ?? row.individualId}</td>
                  <td className="numeric">{value(row.kind, row.previousValue)}</td>
                  <td className="numeric">{value(row.kind, row.currentValue)}</td>
                  <td>{row.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </CheckTableFrame>
      )}
    </section>
  )
}
