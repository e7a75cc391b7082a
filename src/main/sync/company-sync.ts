/** Reads the company (legal name, EIN, entity, departments, locations, bank accounts). */
import { checkCompany } from './finch-checks'
import type { SyncRun } from './sync-run'

export async function syncCompany(run: SyncRun): Promise<void> {
  const product = run.product('company')
  product.progress(0, 1)

  const answer = await run.readWhole(product, {
    bucket: 'company',
    what: 'the company',
    send: (options) => run.finch.hris.company.retrieve(undefined, options),
    check: checkCompany,
  })
  if (answer.kind === 'pending') return

  run.write(() => {
    run.staging.replaceAll('company')
    if (answer.kind === 'data') run.staging.writeCompany(answer.body, run.nowIso())
  })
  if (answer.kind === 'data') {
    product.progress(1, 1)
    product.finish('fresh')
  }
}
