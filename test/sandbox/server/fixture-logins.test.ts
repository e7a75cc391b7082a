/** Fixture folders served as Connect logins, so a reported case replays exactly. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { Payment } from '@tryfinch/finch-api/resources/hris'
import type { CompanyBenefit } from '@tryfinch/finch-api/resources/hris/benefits'
import type { PayGroupListResponse } from '@tryfinch/finch-api/resources/payroll/pay-groups'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningSandbox, startSandbox } from '../../../src/sandbox'
import { createScenario, FixtureError, writeFixtureDataset } from '../../../src/sandbox/data'
import { bodyOf, callApi, connect, createSession, TEST_CLIENT } from './sandbox-driver'

const ALL_PRODUCTS = [
  'company',
  'directory',
  'individual',
  'ssn',
  'employment',
  'payment',
  'pay_statement',
  'benefits',
]
const FIXTURE_LOGIN = 'case-1234'

interface Answer {
  status: number
  body: unknown
}

async function answer(
  sandbox: RunningSandbox,
  token: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const response = await callApi(sandbox, token, path, { body })
  return { status: response.status, body: await response.json() }
}

/** Every read the app makes, in order, with the answers as they came. */
async function readEverything(sandbox: RunningSandbox, token: string): Promise<Answer[]> {
  const answers: Answer[] = []
  const read = async (path: string, body?: unknown): Promise<Answer> => {
    const result = await answer(sandbox, token, path, body)
    answers.push(result)
    return result
  }

  await read('/employer/company')
  const directory = await read('/employer/directory')
  const ids = (directory.body as { individuals: { id: string }[] }).individuals.map((p) => p.id)
  const requests = ids.map((id) => ({ individual_id: id }))
  await read('/employer/individual', { requests, options: { include: ['ssn'] } })
  await read('/employer/employment', { requests })
  const payments = await read('/employer/payment?start_date=2000-01-01&end_date=2100-12-31')
  const paymentIds = (payments.body as Payment[]).map((payment) => payment.id)
  for (let start = 0; start < paymentIds.length; start += 10) {
    const batch = paymentIds
      .slice(start, start + 10)
      .map((id) => ({ payment_id: id, limit: 5_000 }))
    await read('/employer/pay-statement', { requests: batch })
  }
  const benefits = await read('/employer/benefits')
  for (const { benefit_id: id } of benefits.body as CompanyBenefit[]) {
    await read(`/employer/benefits/${id}`)
    await read(`/employer/benefits/${id}/enrolled`)
    await read(`/employer/benefits/${id}/individuals`)
  }
  const payGroups = await read('/employer/pay-groups')
  for (const { id } of payGroups.body as PayGroupListResponse[]) {
    await read(`/employer/pay-groups/${id}`)
  }
  return answers
}

describe('fixture logins', () => {
  let folder: string
  let sandbox: RunningSandbox

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'payroll-desk-fixture-login-'))
    writeFixtureDataset(createScenario('largeco'), folder)
    sandbox = await startSandbox({
      clients: [TEST_CLIENT],
      rateLimits: false,
      fixtureFolders: { [FIXTURE_LOGIN]: folder },
    })
  })
  afterAll(async () => {
    await sandbox.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('serve a company written to a folder exactly as the original answers', async () => {
    const original = await connect(sandbox, { username: 'largeco', products: ALL_PRODUCTS })
    const replayed = await connect(sandbox, { username: FIXTURE_LOGIN, products: ALL_PRODUCTS })

    const originalAnswers = await readEverything(sandbox, original.accessToken)
    const replayedAnswers = await readEverything(sandbox, replayed.accessToken)

    expect(originalAnswers.length).toBeGreaterThan(40)
    expect(originalAnswers.every((result) => result.status === 200)).toBe(true)
    expect(replayedAnswers).toEqual(originalAnswers)
    expect(replayed.body.company_id).toBe(original.body.company_id)
  })

  it('make a connection of its own, under the login’s name', async () => {
    const original = await connect(sandbox, { username: 'largeco', products: ['company'] })
    const replayed = await connect(sandbox, { username: FIXTURE_LOGIN, products: ['company'] })

    const introspection = await bodyOf<{ username: string }>(
      await callApi(sandbox, replayed.accessToken, '/introspect'),
    )

    expect(replayed.connectionId).not.toBe(original.connectionId)
    expect(introspection.username).toBe(FIXTURE_LOGIN)
  })

  it('are offered on the sign-in page next to the scenarios', async () => {
    const session = await createSession(sandbox)

    const page = await fetch(
      `${sandbox.url}/authorize/login?session=${session.session_id}&provider=gusto`,
    )

    expect(await page.text()).toMatch(/id="sandbox-accounts"[^]*moveco-new, case-1234/)
  })

  it('stop the sandbox from starting when a folder does not load, naming the file', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'payroll-desk-fixture-broken-'))
    writeFileSync(join(broken, 'company.json'), '{ "id": "c" }')

    const failure = await startSandbox({ fixtureFolders: { broken } }).catch((error) => error)
    rmSync(broken, { recursive: true, force: true })

    expect(failure).toBeInstanceOf(FixtureError)
    expect((failure as FixtureError).file).toBe('directory.json')
  })

  it('may not take the name of a scenario', async () => {
    const failure = await startSandbox({ fixtureFolders: { LargeCo: folder } }).catch(
      (error) => error,
    )

    expect(failure).toBeInstanceOf(RangeError)
    expect((failure as Error).message).toContain('already a sandbox scenario')
  })
})
