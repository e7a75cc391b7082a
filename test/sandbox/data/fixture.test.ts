import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

import type { ScenarioName } from '../../../src/sandbox/data'
import {
  createScenario,
  FixtureError,
  loadFixtureDataset,
  writeFixtureDataset,
} from '../../../src/sandbox/data'
import { datasetSnapshot } from './dataset-snapshot'

const folders: string[] = []

function emptyFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'payroll-desk-fixture-'))
  folders.push(folder)
  return folder
}

function writeFiles(folder: string, files: Record<string, unknown>): void {
  for (const [file, content] of Object.entries(files)) {
    writeFileSync(
      join(folder, file),
      typeof content === 'string' ? content : JSON.stringify(content),
    )
  }
}

function readFolder(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((file) => [file, readFileSync(join(folder, file), 'utf8')]),
  )
}

function fixtureErrorOf(load: () => unknown): FixtureError {
  try {
    load()
  } catch (error) {
    if (error instanceof FixtureError) return error
    throw error
  }
  throw new Error('expected a FixtureError')
}

const COMPANY = { id: 'c0000000-0000-4000-8000-000000000001', legal_name: 'Fixture Co' }
const ADA = { id: 'a0000000-0000-4000-8000-000000000001', first_name: 'Ada', last_name: 'Byron' }
const PAYMENT_ID = 'p0000000-0000-4000-8000-000000000001'

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

describe('writeFixtureDataset and loadFixtureDataset', () => {
  it.each<ScenarioName>(['largeco', 'hostile', 'assisted', 'reauth', 'empty', 'discrepancies'])(
    'replay the %s scenario exactly',
    (name) => {
      const original = createScenario(name)
      const folder = emptyFolder()
      const rewritten = emptyFolder()

      writeFixtureDataset(original, folder)
      const loaded = loadFixtureDataset(folder)
      writeFixtureDataset(loaded, rewritten)

      expect(datasetSnapshot(loaded)).toBe(datasetSnapshot(original))
      expect(readFolder(rewritten)).toEqual(readFolder(folder))
    },
  )

  it('write one file per Finch endpoint, plus the sandbox description', () => {
    const folder = emptyFolder()

    writeFixtureDataset(createScenario('smallco'), folder)

    expect(readdirSync(folder).sort()).toEqual([
      'benefits.json',
      'company.json',
      'directory.json',
      'employment.json',
      'enrollments.json',
      'individual.json',
      'pay-groups.json',
      'pay-statement.json',
      'payment.json',
      'sandbox.json',
    ])
  })
})

describe('loadFixtureDataset', () => {
  it('defaults every file but company.json and directory.json to empty', () => {
    const folder = emptyFolder()
    writeFiles(folder, { 'company.json': COMPANY, 'directory.json': [ADA] })

    const dataset = loadFixtureDataset(folder)

    expect(dataset.company.legal_name).toBe('Fixture Co')
    expect(dataset.directory).toEqual([ADA])
    expect(dataset.individual(ADA.id)).toBeUndefined()
    expect(dataset.payments).toEqual([])
    expect(dataset.payStatements(PAYMENT_ID)).toBeUndefined()
    expect(dataset.benefits).toEqual([])
    expect(dataset.payGroups).toEqual([])
    expect(dataset.behaviour).toEqual({})
    expect(dataset.connectionType).toBe('provider')
  })

  it("accepts Finch's own response shapes, leaving out people and payments that failed", () => {
    const folder = emptyFolder()
    const payment = {
      id: PAYMENT_ID,
      pay_date: '2026-01-15',
      gross_pay: { amount: 100, currency: 'usd' },
    }
    const statement = { individual_id: ADA.id, gross_pay: { amount: 100, currency: 'usd' } }
    writeFiles(folder, {
      'company.json': COMPANY,
      'directory.json': { individuals: [ADA], paging: { count: 1, offset: 0 } },
      'individual.json': [
        { individual_id: ADA.id, code: 200, body: { id: ADA.id, first_name: 'Ada' } },
        { individual_id: 'missing', code: 404, body: { name: 'not_found_error' } },
      ],
      'payment.json': [payment],
      'pay-statement.json': [
        {
          payment_id: PAYMENT_ID,
          code: 200,
          body: { paging: { offset: 0 }, pay_statements: [statement] },
        },
      ],
      'benefits.json': [{ benefit_id: 'b1', type: '401k' }],
      'enrollments.json': {
        b1: [{ individual_id: ADA.id, code: 200, body: { annual_maximum: null, catch_up: null } }],
      },
    })

    const dataset = loadFixtureDataset(folder)

    expect(dataset.individual(ADA.id)?.first_name).toBe('Ada')
    expect(dataset.payStatements(PAYMENT_ID)).toEqual([statement])
    expect(dataset.enrollments('b1')).toEqual([
      { individual_id: ADA.id, code: 200, body: { annual_maximum: null, catch_up: null } },
    ])
  })

  it('keeps enrollment items that failed, so the benefit answers replay exactly', () => {
    const folder = emptyFolder()
    const failed = {
      individual_id: ADA.id,
      code: 404,
      body: { code: 404, name: 'not_found_error', message: 'Individual not found' },
    }
    writeFiles(folder, {
      'company.json': COMPANY,
      'directory.json': [ADA],
      'benefits.json': [{ benefit_id: 'b1', type: '401k' }],
      'enrollments.json': { b1: [failed] },
    })

    const dataset = loadFixtureDataset(folder)

    expect(dataset.enrollments('b1')).toEqual([failed])
  })

  it.each([
    ['company.json', {}, /is missing/],
    ['company.json', { 'company.json': '{ not json', 'directory.json': [] }, /not valid JSON/],
    ['company.json', { 'company.json': { legal_name: 'No id' }, 'directory.json': [] }, /"id"/],
    [
      'directory.json',
      { 'company.json': COMPANY, 'directory.json': { rows: [] } },
      /must be an array/,
    ],
    ['directory.json', { 'company.json': COMPANY, 'directory.json': [ADA, ADA] }, /repeats id/],
    [
      'individual.json',
      { 'company.json': COMPANY, 'directory.json': [ADA], 'individual.json': [{ id: 'stranger' }] },
      /not in directory\.json/,
    ],
    [
      'payment.json',
      {
        'company.json': COMPANY,
        'directory.json': [ADA],
        'payment.json': [{ id: PAYMENT_ID, gross_pay: { amount: 12.5, currency: 'usd' } }],
      },
      /integer number of cents/,
    ],
    [
      'pay-statement.json',
      {
        'company.json': COMPANY,
        'directory.json': [ADA],
        'pay-statement.json': { [PAYMENT_ID]: [] },
      },
      /not in payment\.json/,
    ],
    [
      'enrollments.json',
      { 'company.json': COMPANY, 'directory.json': [ADA], 'enrollments.json': { nope: [] } },
      /not in benefits\.json/,
    ],
    [
      'enrollments.json',
      {
        'company.json': COMPANY,
        'directory.json': [ADA],
        'benefits.json': [{ benefit_id: 'b1' }],
        'enrollments.json': { b1: [{ individual_id: ADA.id, body: {} }] },
      },
      /"code"/,
    ],
    [
      'sandbox.json',
      {
        'company.json': COMPANY,
        'directory.json': [ADA],
        'sandbox.json': { planted_discrepancies: [{ paymentId: 'p' }] },
      },
      /"kind"/,
    ],
    [
      'sandbox.json',
      {
        'company.json': COMPANY,
        'directory.json': [ADA],
        'sandbox.json': { connection_type: 'fax' },
      },
      /connection_type/,
    ],
  ])('names %s and the fault when a file is wrong', (file, files, problem) => {
    const folder = emptyFolder()
    writeFiles(folder, files)

    const error = fixtureErrorOf(() => loadFixtureDataset(folder))

    expect(error.file).toBe(file)
    expect(error.problem).toMatch(problem)
    expect(error.message.startsWith(`${file}: `)).toBe(true)
  })
})
