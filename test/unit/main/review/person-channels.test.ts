import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppServices } from '../../../../src/main/app-services'
import { createAppServices } from '../../../../src/main/app-services'
import type { CacheDatabase } from '../../../../src/main/cache/open-database'
import { openDatabase } from '../../../../src/main/cache/open-database'
import { VAULT_ACCOUNTS } from '../../../../src/main/vault/secret-vault'
import type { RunningSandbox } from '../../../../src/sandbox'
import { startSandbox } from '../../../../src/sandbox'
import type { IpcResponse } from '../../../../src/shared/ipc-contract'
import type {
  PayHistoryPage,
  PersonProfile,
  RevealedSsn,
} from '../../../../src/shared/person-review'
import { ScriptedConnectUser } from '../../../support/scripted-connect-user'
import { makeTempDir } from '../../../support/temp-dir'
import { clearKeychainService, keytar, testKeychainService } from '../../../support/test-keychain'

describe('the person channels over IPC', () => {
  const service = testKeychainService()
  const dir = makeTempDir()
  const client = { clientId: 'person-client', clientSecret: randomBytes(24).toString('base64url') }
  const logLines: string[] = []
  let sandbox: RunningSandbox
  let services: AppServices
  let db: CacheDatabase
  let connectionId: string
  let individualId: string
  let fullSsn: string

  beforeAll(async () => {
    sandbox = await startSandbox({ clients: [client] })
    writeFileSync(
      join(dir.path, 'settings.json'),
      JSON.stringify({
        mode: 'finch',
        clientId: client.clientId,
        redirectUri: 'http://localhost/payroll-desk/connect-callback',
        finchBaseUrl: sandbox.url,
      }),
    )
    await keytar.setPassword(service, VAULT_ACCOUNTS.clientSecret, client.clientSecret)
    services = await createAppServices({
      dataDir: dir.path,
      keytar,
      keychainService: service,
      presenter: new ScriptedConnectUser({ username: 'smallco' }),
      emit: () => undefined,
      version: 'test',
      logSinks: [{ write: (line: string) => logLines.push(line) }],
    })
    const connected = await services.router.dispatch('connect.start', {
      customerName: 'Small Co',
      products: [
        'company',
        'directory',
        'individual',
        'employment',
        'ssn',
        'payment',
        'pay_statement',
      ],
    })
    connectionId = (connected as { value: { connectionId: string } }).value.connectionId
    expect((await services.router.dispatch('sync.run', { connectionId })).ok).toBe(true)

    const keyHex = await keytar.getPassword(service, VAULT_ACCOUNTS.databaseKey)
    db = openDatabase({ path: services.databaseFile, keyHex: keyHex ?? '' })
    const person = db
      .prepare(
        `SELECT individual_id, ssn FROM individual_version
         WHERE connection_id = ? AND ssn IS NOT NULL LIMIT 1`,
      )
      .get(connectionId) as { individual_id: string; ssn: string }
    individualId = person.individual_id
    fullSsn = person.ssn
  }, 120_000)

  afterAll(async () => {
    db?.close()
    await services.close()
    await sandbox.close()
    await clearKeychainService(service)
    dir.remove()
  })

  function auditCount(): number {
    return (
      db.prepare(`SELECT count(*) AS n FROM audit_event WHERE action = 'reveal_ssn'`).get() as {
        n: number
      }
    ).n
  }

  it('answers the profile with the last four digits of the SSN and never the number', async () => {
    const response = (await services.router.dispatch('person.profile', {
      connectionId,
      individualId,
    })) as IpcResponse<PersonProfile>

    expect(response.ok).toBe(true)
    const profile = (response as { value: PersonProfile }).value
    expect(profile.ssnLast4).toBe(fullSsn.replace(/\D/g, '').slice(-4))
    expect(profile.canRevealSsn).toBe(true)
    expect(JSON.stringify(profile)).not.toContain(fullSsn)
    expect(JSON.stringify(profile)).not.toContain(fullSsn.replace(/\D/g, ''))
  })

  it('refuses a reveal the accountant did not confirm, and records nothing', async () => {
    for (const args of [
      { connectionId, individualId },
      { connectionId, individualId, confirmed: false },
      { connectionId, individualId, confirmed: 'true' },
      { connectionId, individualId: "x' OR 1=1 --", confirmed: true },
    ]) {
      const response = await services.router.dispatch('person.revealSsn', args)

      expect(response).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'invalid_argument' }),
      })
    }
    expect(auditCount()).toBe(0)
  })

  it('reveals the full SSN once confirmed, audits it, and keeps it out of the log', async () => {
    const response = (await services.router.dispatch('person.revealSsn', {
      connectionId,
      individualId,
      confirmed: true,
    })) as IpcResponse<RevealedSsn>

    expect(response).toEqual({
      ok: true,
      value: { individualId, ssn: fullSsn, revealedAt: expect.any(String) },
    })
    const audit = db
      .prepare(`SELECT * FROM audit_event WHERE action = 'reveal_ssn'`)
      .all() as Record<string, unknown>[]
    expect(audit).toEqual([
      expect.objectContaining({ actor: userInfo().username, connection_id: connectionId }),
    ])
    expect(audit[0]?.subject).toBe(individualId)
    expect(JSON.stringify(audit)).not.toContain(fullSsn)
    expect(logLines.join('\n')).not.toContain(fullSsn)
  })

  it('answers not_found for a person of another connection', async () => {
    const response = await services.router.dispatch('person.revealSsn', {
      connectionId: 'no-such-connection',
      individualId,
      confirmed: true,
    })

    expect(response).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('pages the pay history and exports it with no SSN and no formula cell', async () => {
    const page = (await services.router.dispatch('person.payHistory', {
      connectionId,
      individualId,
      offset: 0,
      limit: 500,
    })) as IpcResponse<PayHistoryPage>
    const outcome = await services.router.dispatch('export.table', {
      table: 'pay_history',
      connectionId,
      individualId,
      format: 'xlsx',
      unmasked: false,
    })
    const downloadPath = (outcome as { value: { downloadPath: string } }).value.downloadPath
    const download = services.exports.takeDownload(downloadPath.split('/').pop() ?? '')
    const chunks: Buffer[] = []
    const target = new PassThrough()
    target.on('data', (chunk: Buffer) => chunks.push(chunk))
    const rowCount = await download!.write(target)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer)
    const cells: ExcelJS.Cell[] = []
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(cell)))

    const total = (page as { value: PayHistoryPage }).value.total
    expect(total).toBeGreaterThan(0)
    expect(rowCount).toBe(total)
    expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula)).toEqual([])
    expect(JSON.stringify(cells.map((cell) => cell.value))).not.toContain(fullSsn)
  })
})
