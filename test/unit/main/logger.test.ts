import { describe, expect, it } from 'vitest'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { Redactor, createLogger, fileSink } from '../../../src/main/log/logger'
import { makeTempDir } from '../../support/temp-dir'

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

  it('drops a line it cannot write instead of throwing, and says so once', () => {
    const dir = makeTempDir('payroll-desk-log-')
    const said: string[] = []
    const path = join(dir.path, 'logs', 'app.log')
    const sink = fileSink(path, { write: (line) => said.push(line) })
    const logger = createLogger({ sinks: [sink], redactor: new Redactor() })
    logger.info('before')

    rmSync(join(dir.path, 'logs'), { recursive: true })
    expect(() => logger.info('lost one')).not.toThrow()
    expect(() => logger.error('lost two')).not.toThrow()
    expect(said).toEqual(['The log file cannot be written (ENOENT); log lines are dropped.'])
    expect(said.join('')).not.toContain('lost')
    dir.remove()
  })
})
