/**
 * Reads the company's benefits, then each benefit's enrolled people with their own deduction
 * and contribution (`GET /employer/benefits/{id}/individuals` without ids answers for everyone
 * enrolled: one request per benefit). Enrollments Finch could not answer for are recorded one by
 * one; a benefit still being collected (202) keeps its previous enrollments.
 */
import type { EnrollmentBody } from '../cache/finch-rows'
import { checkBatchItem, checkBenefits, checkEnrollment, checkEnrollmentList } from './finch-checks'
import { FinchRefusal, MalformedData } from './sync-errors'
import type { ProductRun, SyncRun } from './sync-run'

export async function syncBenefits(run: SyncRun): Promise<void> {
  const product = run.product('benefits')
  const list = await run.readWhole(product, {
    bucket: 'benefits',
    what: 'benefits',
    send: (options) => run.finch.hris.benefits.list(undefined, options),
    check: checkBenefits,
  })
  if (list.kind === 'pending') return
  if (list.kind === 'unavailable') {
    run.write(() => run.staging.replaceAll('benefits'))
    return
  }

  const seen = new Set<string>()
  const benefits = list.body.filter((b) => !seen.has(b.benefit_id) && seen.add(b.benefit_id))
  run.write(() => {
    run.staging.replaceBenefitList()
    run.staging.writeBenefits(benefits)
  })
  product.progress(0, benefits.length)

  for (const [index, benefit] of benefits.entries()) {
    await readEnrollments(run, product, benefit.benefit_id)
    product.progress(index + 1)
  }
  run.write(() => run.staging.dropEnrollmentsOfMissingBenefits())
  product.finish('fresh')
}

async function readEnrollments(
  run: SyncRun,
  product: ProductRun,
  benefitId: string,
): Promise<void> {
  let answer
  try {
    answer = await run.request({
      bucket: 'benefits',
      what: 'benefit enrollments',
      counters: product.counters,
      send: (options) =>
        run.finch.hris.benefits.individuals.retrieveManyBenefits(benefitId, undefined, options),
      check: (body) => checkEnrollmentList(body, `benefits/${benefitId}/individuals`),
    })
  } catch (error) {
    if (!(error instanceof FinchRefusal) || !error.productUnavailable) throw error
    product.itemFailed(benefitId, error.status, {
      name: error.errorName,
      finch_code: error.finchCode,
    })
    run.write(() => run.staging.replaceEnrollmentsOf(benefitId))
    return
  }
  if (answer.kind === 'pending') {
    product.markPending(benefitId, answer.finchCode, answer.message)
    return
  }

  const enrollments: { individualId: string; body: EnrollmentBody }[] = []
  const enrolled = new Set<string>()
  answer.body.forEach((value, index) => {
    const path = `benefits/${benefitId}/individuals[${index}]`
    try {
      const item = checkBatchItem(value, 'individual_id', path)
      const itemId = `${benefitId}/${item.id}`
      if (enrolled.has(item.id!)) return
      enrolled.add(item.id!)
      if (item.code !== 200) {
        product.itemFailed(itemId, item.code, item.body)
        return
      }
      enrollments.push({ individualId: item.id!, body: checkEnrollment(item.body, `${path}.body`) })
    } catch (error) {
      if (!(error instanceof MalformedData)) throw error
      product.itemMalformed(`${benefitId}/${index}`, error)
    }
  })

  run.write(() => {
    run.staging.replaceEnrollmentsOf(benefitId)
    run.staging.writeEnrollments(benefitId, enrollments)
  })
}
