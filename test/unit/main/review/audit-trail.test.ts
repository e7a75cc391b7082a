import { userInfo } from 'node:os'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordAuditEvent } from '../../../../src/main/review/audit-trail'
import { CONNECTION, openPayrollFixture } from './payroll-fixture'

describe('recordAuditEvent', () => {
  let fixture: ReturnType<typeof openPayrollFixture>

  beforeEach(() => {
    fixture = openPayrollFixture()
  })
  afterEach(() => fixture.close())

  it('appends who did what to which subject, and when', () => {
    const id = recordAuditEvent(fixture.db, {
      action: 'reveal_ssn',
      connectionId: CONNECTION,
      subject: 'ann',
      detail: { view: 'person' },
      occurredAt: '2026-12-04T17:00:00.000Z',
    })

    expect(fixture.db.prepare('SELECT * FROM audit_event WHERE id = ?').get(id)).toEqual({
      id,
      occurred_at: '2026-12-04T17:00:00.000Z',
      actor: userInfo().username,
      action: 'reveal_ssn',
      connection_id: CONNECTION,
      subject: 'ann',
      detail_json: '{"view":"person"}',
    })
  })

  it('keeps events after their connection is deleted', () => {
    recordAuditEvent(fixture.db, {
      action: 'export',
      connectionId: CONNECTION,
      subject: 'register',
    })

    fixture.db.prepare('DELETE FROM connection WHERE connection_id = ?').run(CONNECTION)

    expect(fixture.db.prepare('SELECT count(*) AS n FROM audit_event').get()).toEqual({ n: 1 })
  })
})
