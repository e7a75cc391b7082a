/**
 * Reads pay groups: the list (id, name, frequencies), then each group for its members. A group
 * that cannot be read one by one is kept from the list without members, and the error recorded.
 */
import type { PayGroupRecord } from '../cache/finch-rows'
import { checkPayGroup, checkPayGroupList } from './finch-checks'
import { FinchRefusal, MalformedData } from './sync-errors'
import type { SyncRun } from './sync-run'

export async function syncPayGroups(run: SyncRun): Promise<void> {
  const product = run.product('pay_group')
  const list = await run.readWhole(product, {
    bucket: 'payment',
    what: 'pay groups',
    send: (options) => run.finch.payroll.payGroups.list(undefined, options),
    check: checkPayGroupList,
  })
  if (list.kind === 'pending') return
  if (list.kind === 'unavailable') {
    run.write(() => run.staging.replaceAll('pay_group'))
    return
  }

  const seen = new Set<string>()
  const groups = list.body.filter((group) => !seen.has(group.id) && seen.add(group.id))
  product.progress(0, groups.length)
  const records: PayGroupRecord[] = []
  for (const summary of groups) {
    records.push(await readGroup(run, summary))
    product.progress(records.length)
  }

  run.write(() => {
    run.staging.replaceAll('pay_group')
    run.staging.writePayGroups(records)
  })
  product.finish('fresh')
}

async function readGroup(
  run: SyncRun,
  summary: Omit<PayGroupRecord, 'individual_ids'>,
): Promise<PayGroupRecord> {
  const product = run.product('pay_group')
  try {
    const answer = await run.request({
      bucket: 'payment',
      what: 'a pay group',
      counters: product.counters,
      send: (options) => run.finch.payroll.payGroups.retrieve(summary.id, undefined, options),
      check: checkPayGroup,
    })
    if (answer.kind === 'pending') {
      product.markPending(summary.id, answer.finchCode, answer.message)
      return { ...summary, individual_ids: null }
    }
    if (answer.body.id === summary.id) return answer.body
    product.itemMalformed(summary.id, new MalformedData('pay_group.id', 'the id asked for'))
    return { ...summary, individual_ids: null }
  } catch (error) {
    if (!(error instanceof FinchRefusal) || !error.productUnavailable) throw error
    product.itemFailed(summary.id, error.status, {
      name: error.errorName,
      finch_code: error.finchCode,
    })
    return { ...summary, individual_ids: null }
  }
}
