import { PassThrough } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readAuditPage, auditTrailSheet } from '../../../../src/main/checks/audit-trail-queries'
import { cashRequirementSheet, checksSheet } from '../../../../src/main/checks/check-export-sheets'
import { writeCsv } from '../../../../src/main/export/csv-writer'
import type { ExportSheet } from '../../../../src/main/export/export-columns'
import { recordAuditEvent } from '../../../../src/main/review/audit-trail'
import type { PayrollFixture } from './payroll-fixture'
import { CONNECTION, openPayrollFixture } from './payroll-fixture'

async function csvLines<Row>(sheet: ExportSheet<Row>): Promise<string[]> {
  const target = new PassThrough()
  const chunks: Buffer[] = []
  target.on('data', (chunk: Buffer) => chunks.push(chunk))
  await writeCsv(sheet, target)
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
}

describe('the checks’ export sheets', () => {
  let fixture: PayrollFixture

  beforeEach(() => {
    fixture = openPayrollFixture()
    fixture.addPerson('ann', 'Ann', 'Ash')
    fixture.addPayment({
      paymentId: 'pay-1',
      payDate: '2026-11-13',
      grossPayCents: 100_000,
      netPayCents: 80_001,
      employeeTaxesCents: 15_000,
      employerTaxesCents: 7_650,
      companyDebitCents: 102_651,
      statements: [
        {
          individualId: 'ann',
          grossPayCents: 100_000,
          netPayCents: 80_001,
          lines: [
            { kind: 'tax', type: 'federal', amountCents: 15_000, employer: false },
            { kind: 'tax', type: 'fica', amountCents: 7_650, employer: true },
            { kind: 'employee_deduction', type: '401k', amountCents: 5_000 },
            { kind: 'employer_contribution', type: '401k', amountCents: 2_500 },
          ],
        },
      ],
    })
  })
  afterEach(() => fixture.close())

  it('writes each finding with exact decimal amounts', async () => {
    const lines = await csvLines(checksSheet(fixture.db, CONNECTION))

    expect(lines[0]).toBe(
      'Check,Pay date,Payment ID,Person,Figure,Expected,Actual,Difference,Detail',
    )
    expect(lines[1]).toBe(
      'Gross to net,2026-11-13,pay-1,Ann Ash,Net pay,800.00,800.01,0.01,' +
        'Gross pay − employee taxes − employee deductions = net pay',
    )
    expect(lines).toHaveLength(2)
  })

  it('writes the cash requirement of each run against its debit', async () => {
    const lines = await csvLines(cashRequirementSheet(fixture.db, CONNECTION))

    expect(lines[0]).toBe(
      'Pay date,Pay groups,Payment ID,Statements,Net pay,Employee taxes,Employer taxes,' +
        'Employer contributions,Cash required,Company debit,Outside the debit',
    )
    expect(lines[1]).toBe('2026-11-13,,pay-1,1,800.01,150.00,76.50,25.00,1051.51,1026.51,25.00')
  })

  it('tells runs on one pay date apart by their pay groups’ names', async () => {
    fixture.addPayGroup('g-hourly', 'Hourly')
    fixture.addPayGroup('g-unnamed', null)
    for (const [paymentId, payGroupIds] of [
      ['pay-2', ['g-hourly']],
      ['pay-3', ['g-unnamed', 'g-hourly']],
    ] as const) {
      fixture.addPayment({
        paymentId,
        payDate: '2026-11-27',
        payGroupIds: [...payGroupIds],
        statements: [{ individualId: 'ann', grossPayCents: 100, netPayCents: 100, lines: [] }],
      })
    }

    const lines = await csvLines(cashRequirementSheet(fixture.db, CONNECTION))

    expect(lines.slice(1, 3).sort()).toEqual([
      '2026-11-27,"Unnamed pay group, Hourly",pay-3,1,1.00,0.00,0.00,0.00,1.00,,',
      '2026-11-27,Hourly,pay-2,1,1.00,0.00,0.00,0.00,1.00,,',
    ])
  })

  it('pages the audit trail newest first and exports it', async () => {
    recordAuditEvent(fixture.db, {
      action: 'sync',
      connectionId: CONNECTION,
      subject: 'full',
      detail: { status: 'succeeded' },
      occurredAt: '2026-12-01T10:00:00.000Z',
      actor: 'avery',
    })
    recordAuditEvent(fixture.db, {
      action: 'export',
      connectionId: CONNECTION,
      subject: 'checks',
      detail: { format: 'csv', rowCount: 1 },
      occurredAt: '2026-12-01T11:00:00.000Z',
      actor: 'avery',
    })
    recordAuditEvent(fixture.db, {
      action: 'export',
      connectionId: 'another',
      subject: 'directory',
      actor: 'blake',
    })

    const page = readAuditPage(fixture.db, { connectionId: CONNECTION, offset: 0, limit: 1 })
    const lines = await csvLines(auditTrailSheet(fixture.db, CONNECTION))

    expect(page.total).toBe(2)
    expect(page.rows).toEqual([
      {
        id: expect.any(Number),
        occurredAt: '2026-12-01T11:00:00.000Z',
        actor: 'avery',
        action: 'export',
        actionLabel: 'Exported',
        subject: 'Accountant checks',
        detail: 'CSV, 1 row',
      },
    ])
    expect(lines.slice(1)).toEqual([
      '2026-12-01T11:00:00.000Z,avery,Exported,Accountant checks,"CSV, 1 row"',
      '2026-12-01T10:00:00.000Z,avery,Synced,All data,Succeeded',
    ])
  })
})
