import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditTrailSheet, readAuditPage } from '../../../../src/main/checks/audit-trail-queries'
import { recordAuditEvent } from '../../../../src/main/review/audit-trail'
import type { PayrollFixture } from './payroll-fixture'
import { CONNECTION, openPayrollFixture } from './payroll-fixture'

describe('readAuditPage', () => {
  let fixture: PayrollFixture

  beforeEach(() => {
    fixture = openPayrollFixture()
    fixture.addPerson('ann', 'Ann', 'Ash')
  })
  afterEach(() => fixture.close())

  function record(
    action: string,
    subject: string | null,
    detail: Record<string, unknown>,
    minute: number,
  ): void {
    recordAuditEvent(fixture.db, {
      action,
      connectionId: CONNECTION,
      subject,
      detail,
      actor: 'accountant',
      occurredAt: `2026-12-04T10:${String(minute).padStart(2, '0')}:00.000Z`,
    })
  }

  it('tells every kind of event in words, never as JSON or ids', () => {
    record('sync', 'full', { status: 'succeeded', counts: { directory: 120, payment: 48 } }, 1)
    record('export', 'checks', { format: 'csv', rowCount: 1234, unmasked: false }, 2)
    record('export', 'year_end', { format: 'pdf', year: 2026 }, 3)
    record('reveal_ssn', 'ann', { field: 'ssn', reason: 'W-2 correction' }, 4)
    record('reveal_ssn', 'gone-person', {}, 5)
    record('reveal_bank_account', 'ann', { accountType: 'checking', nested: { ok: true } }, 6)

    const { rows, total } = readAuditPage(fixture.db, {
      connectionId: CONNECTION,
      offset: 0,
      limit: 10,
    })

    expect(total).toBe(6)
    expect(rows.map((row) => [row.actionLabel, row.subject, row.detail])).toEqual([
      ['Reveal bank account', 'Ann Ash', 'account type: checking, nested: ok: yes'],
      ['Revealed an SSN', 'A person no longer in the directory', ''],
      ['Revealed an SSN', 'Ann Ash', 'field: ssn, reason: W-2 correction'],
      ['Exported', 'Year-end summary', 'PDF, year 2026'],
      ['Exported', 'Accountant checks', 'CSV, 1,234 rows'],
      ['Synced', 'All data', 'Succeeded: 120 people in the directory, 48 payments'],
    ])
    expect(rows.map((row) => row.action)).toContain('reveal_ssn')
    for (const row of rows) expect(`${row.subject} ${row.detail}`).not.toMatch(/[{}"]|ann\b/)
  })

  it('counts each cached table in its own words, singular for one and plural otherwise', () => {
    const counts = {
      company: 1,
      directory: 1,
      individual: 2,
      employment: 1,
      payment: 0,
      pay_statement: 1,
      benefit: 10,
      benefit_enrollment: 419,
      pay_group: 2,
    }
    record('sync', 'full', { status: 'succeeded', counts }, 1)
    record('export', 'directory', { format: 'csv', rowCount: 1 }, 2)

    const { rows } = readAuditPage(fixture.db, { connectionId: CONNECTION, offset: 0, limit: 10 })

    expect(rows.map((row) => row.detail)).toEqual([
      'CSV, 1 row',
      'Succeeded: 1 company record, 1 person in the directory, 2 personal records, ' +
        '1 employment record, 0 payments, 1 pay statement, 10 benefits, ' +
        '419 benefit enrollments, 2 pay groups',
    ])
  })

  it('exports the trail with the same words', () => {
    record('reveal_ssn', 'ann', {}, 1)

    const sheet = auditTrailSheet(fixture.db, CONNECTION)
    const [batch] = [...sheet.batches]

    expect(sheet.columns.map((column) => column.value(batch![0]!))).toEqual([
      '2026-12-04T10:01:00.000Z',
      'accountant',
      'Revealed an SSN',
      'Ann Ash',
      '',
    ])
  })
})
