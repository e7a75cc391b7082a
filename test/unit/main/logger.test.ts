import { describe, expect, it } from 'vitest'
import { Redactor, createLogger } from '../../../src/main/log/logger'

describe('the logger', () => {
  it('prefixes each line with its component', () => {
    const lines: string[] = []
    const logger = createLogger({
      sinks: [{ write: (l) => lines.push(l) }],
      redactor: new Redactor(),
    })

    logger.child('sync').info('payments 412/412 in 3.1 s')

    expect(lines[0]).toMatch(/INFO \[sync\] payments 412\/412 in 3\.1 s$/)
  })

  it('redacts registered secrets, bearer tokens, SSNs and account numbers even when a caller slips', () => {
    const lines: string[] = []
    const redactor = new Redactor()
    redactor.register('registered-secret-value')
    const logger = createLogger({ sinks: [{ write: (l) => lines.push(l) }], redactor })

    logger.error(
      'failed',
      new Error(
        'registered-secret-value Authorization: Bearer abc.def ssn 123-45-6789 acct 000123456789 access_token=xyz',
      ),
    )

    expect(lines[0]).not.toContain('registered-secret-value')
    expect(lines[0]).not.toContain('abc.def')
    expect(lines[0]).not.toContain('123-45-6789')
    expect(lines[0]).not.toContain('000123456789')
    expect(lines[0]).not.toContain('xyz')
  })

  it('drops lines below its level', () => {
    const lines: string[] = []
    const logger = createLogger({
      sinks: [{ write: (l) => lines.push(l) }],
      redactor: new Redactor(),
      level: 'warn',
    })

    logger.info('not written')
    logger.warn('written')

    expect(lines).toHaveLength(1)
  })
})
