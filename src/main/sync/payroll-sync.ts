/**
 * Reads payroll: the payments in the window (one request), then their pay statements, batched
 * across payments and paged (see `statement-batches.ts`). The next request is already on its way
 * while an answer is being written. A payment's statements replace the live snapshot's only once
 * all its pages arrived. A payment Finch is still collecting (202), or whose statements fail to
 * read, keeps its previous statements and their stored totals: a failed read must never lose what
 * an earlier sync stored. The failure is still recorded as the payment's item error, so readers
 * can tell that the statements it has are from an earlier sync, and the next sync reads it again.
 * An incremental sync reads only the recent payments and keeps older ones with their statements.
 */
import type { PayStatement, Payment } from '@tryfinch/finch-api/resources/hris'
import type { StatementPage } from '../cache/staging-snapshot'
import type { BatchItem } from './finch-checks'
import {
  checkBatch,
  checkBatchItem,
  checkPayment,
  checkPaymentList,
  checkStatement,
  checkStatementPage,
  isRecord,
} from './finch-checks'
import type { FinchAnswer } from './finch-requester'
import type { JsonPath } from './json-stream'
import { parseJsonStream } from './json-stream'
import type { StatementPageRequest } from './statement-batches'
import { StatementPlanner } from './statement-batches'
import { MalformedData } from './sync-errors'
import type { ProductRun, SyncRun } from './sync-run'
import { baseIsComplete, bodyOf, isServerError, pendingOf } from './sync-run'

interface PaymentTarget {
  paymentId: string
  /** How many people the payment lists: the statements it should have. */
  expected: number | null
}

export async function syncPayroll(run: SyncRun): Promise<void> {
  const statements = run.product('pay_statement')
  if (!run.granted('payment')) {
    // Statements are read by payment id, and only the payment list names the ids.
    if (run.granted('pay_statement')) statements.finish('carried')
    return
  }

  const payments = await readPayments(run)
  if (!run.granted('pay_statement')) return
  if (payments === 'pending') {
    statements.finish('carried')
    return
  }
  if (payments === 'unavailable') {
    // Without their payments, statements cannot be read or kept.
    run.write(() => run.staging.replaceAll('pay_statement'))
    statements.finish('unavailable')
    return
  }

  await readStatements(run, statementTargets(run, payments.targets, payments.recentFrom))
  run.write(() => run.staging.dropStatementsOfMissingPayments())
  statements.finish('fresh')
}

interface PaymentsRead {
  /** Only what the statements need: a 10,000-person payment lists 10,000 ids. */
  targets: PaymentTarget[]
  /** Null when the whole window was read; otherwise older payments were kept. */
  recentFrom: string | null
}

async function readPayments(run: SyncRun): Promise<PaymentsRead | 'pending' | 'unavailable'> {
  const product = run.product('payment')
  const { plan } = run
  const recentFrom = baseIsComplete(run, 'payment') ? plan.recentFrom : null
  const from = recentFrom ?? plan.paymentsFrom
  product.progress(0, null)

  const answer = await run.readWhole(product, {
    bucket: 'payment',
    what: 'payments',
    send: (options) =>
      run.finch.hris.payments.list({ start_date: from, end_date: plan.paymentsTo }, options),
    check: checkPaymentList,
  })
  if (answer.kind === 'pending') return 'pending'
  if (answer.kind === 'unavailable') {
    run.write(() => run.staging.replaceAll('payment'))
    return 'unavailable'
  }

  const seen = new Set<string>()
  const payments: Payment[] = []
  answer.body.forEach((value, index) => {
    try {
      const payment = checkPayment(value, `payments[${index}]`)
      if (seen.has(payment.id)) {
        product.itemFailed(payment.id, null, { name: 'duplicate_payment' })
        return
      }
      seen.add(payment.id)
      payments.push(payment)
    } catch (error) {
      if (!(error instanceof MalformedData)) throw error
      const id = isRecord(value) && typeof value.id === 'string' ? value.id.slice(0, 256) : null
      product.itemMalformed(id, error)
    }
  })

  run.write(() => {
    if (recentFrom) {
      run.staging.replacePayments({ from: recentFrom, keepFrom: plan.paymentsFrom, ids: seen })
    } else {
      run.staging.replaceAll('payment')
    }
    run.staging.writePayments(payments)
  })
  product.progress(payments.length, payments.length)
  product.finish('fresh')
  const targets = payments.map((payment) => ({
    paymentId: payment.id,
    expected: payment.individual_ids?.length ?? null,
  }))
  return { targets, recentFrom }
}

/**
 * The payments whose statements this sync reads: those just read, plus older kept payments the
 * live snapshot could not finish (or all of them, if its statements were not complete).
 */
function statementTargets(
  run: SyncRun,
  justRead: PaymentTarget[],
  recentFrom: string | null,
): PaymentTarget[] {
  const targets = [...justRead]
  if (!recentFrom) return targets

  const everything = !baseIsComplete(run, 'pay_statement')
  const unfinished = run.staging.baseUnfinishedItems('pay_statement')
  const read = new Set(targets.map((target) => target.paymentId))
  for (const kept of run.staging.basePayments()) {
    const isKept =
      kept.payDate !== null && kept.payDate >= run.plan.paymentsFrom && kept.payDate < recentFrom
    if (!isKept || read.has(kept.paymentId)) continue
    if (everything || unfinished.has(kept.paymentId)) {
      targets.push({ paymentId: kept.paymentId, expected: kept.individualCount })
    }
  }
  return targets
}

interface PaymentProgress {
  failedAttempts: number
  state: 'reading' | 'done' | 'pending' | 'failed'
}

/** What streaming one item of a pay-statement answer left behind. */
interface StreamedItem {
  paymentId: string | null
  page: StatementPageRequest | null
  /** Statements written so far, at positions `page.offset` onwards. */
  written: number
  waiting: PayStatement[]
  malformed: MalformedData | null
}

interface StatementAnswerBody {
  items: unknown[]
  streamed: Map<number, StreamedItem>
}

type StatementAnswer = {
  batch: StatementPageRequest[]
  answer: FinchAnswer<StatementAnswerBody>
}

async function readStatements(run: SyncRun, targets: PaymentTarget[]): Promise<void> {
  const product = run.product('pay_statement')
  const { settings } = run
  const planner = new StatementPlanner({
    paymentsPerRequest: settings.paymentsPerStatementRequest,
    statementsPerPage: settings.statementsPerPage,
    statementsPerRequest: settings.statementsPerRequest,
  })
  const progress = new Map<string, PaymentProgress>()
  for (const target of targets) {
    if (progress.has(target.paymentId)) continue
    progress.set(target.paymentId, { failedAttempts: 0, state: 'reading' })
    planner.add(target.paymentId, target.expected)
  }
  let finished = 0
  product.progress(0, progress.size)

  const launch = (): Promise<StatementAnswer> | null => {
    const batch = planner.next()
    if (!batch) return null
    const pending = requestPages(run, product, batch).then((answer) => ({ batch, answer }))
    // Marked handled now: a failure surfaces when it is awaited, not as an unhandled rejection.
    pending.catch(() => undefined)
    return pending
  }

  // The next request goes out while an answer is settled: its body streams in meanwhile.
  let inFlight = launch()
  while (inFlight) {
    const { batch, answer } = await inFlight
    inFlight = launch()
    finished += settleAnswer(run, product, planner, progress, batch, answer)
    product.progress(finished)
    inFlight ??= launch()
  }
}

function requestPages(
  run: SyncRun,
  product: ProductRun,
  batch: StatementPageRequest[],
): Promise<FinchAnswer<StatementAnswerBody>> {
  const requests = batch.map((page) => ({
    payment_id: page.paymentId,
    offset: page.offset,
    limit: page.limit,
  }))
  return run.request({
    bucket: 'pay_statement',
    what: 'pay statements',
    counters: product.counters,
    send: (options) => run.finch.hris.payStatements.retrieveMany({ requests }, options),
    consume: (response) => streamStatements(run, batch, response),
    undo: () =>
      run.write(() => {
        for (const page of batch) run.staging.discardStatementsFrom(page.paymentId, page.offset)
      }),
  })
}

function isStatementList(path: JsonPath): boolean {
  return (
    path.length === 4 &&
    path[0] === 'responses' &&
    path[2] === 'body' &&
    path[3] === 'pay_statements'
  )
}

/**
 * Reads a pay-statement answer as it streams, writing the statements of each piece of the body
 * as it is scanned (a payment named only after its statements waits in memory until it is).
 */
async function streamStatements(
  run: SyncRun,
  batch: StatementPageRequest[],
  response: Response,
): Promise<StatementAnswerBody> {
  const asked = new Map(batch.map((page) => [page.paymentId, page]))
  const streamed = new Map<number, StreamedItem>()
  const itemAt = (index: number): StreamedItem => {
    let item = streamed.get(index)
    if (!item) {
      item = { paymentId: null, page: null, written: 0, waiting: [], malformed: null }
      streamed.set(index, item)
    }
    return item
  }
  /** Writes what the items hold so far, in one transaction. */
  const flush = (items: Iterable<StreamedItem>) => {
    const pages: StatementPage[] = []
    for (const item of items) {
      if (!item.page || item.waiting.length === 0) continue
      const { paymentId, offset } = item.page
      pages.push({ paymentId, firstPosition: offset + item.written, statements: item.waiting })
      item.written += item.waiting.length
      item.waiting = []
    }
    if (pages.length > 0) run.write(() => run.staging.writeStatementPages(pages))
  }

  const skeleton = await parseJsonStream(
    bodyOf(response),
    {
      streams: isStatementList,
      element: (path, index, value) => {
        const item = itemAt(path[1] as number)
        if (item.malformed) return
        const where = `pay_statement[${item.paymentId ?? path[1]}].body.pay_statements[${index}]`
        try {
          item.waiting.push(checkStatement(value, where))
        } catch (error) {
          if (!(error instanceof MalformedData)) throw error
          item.malformed = error
          item.waiting = []
          return
        }
        if (item.waiting.length >= run.settings.statementsPerWrite) flush([item])
      },
      wants: (path) => path.length === 3 && path[0] === 'responses' && path[2] === 'payment_id',
      value: (path, value) => {
        const item = itemAt(path[1] as number)
        if (typeof value !== 'string' || item.paymentId !== null) return
        item.paymentId = value
        item.page = asked.get(value) ?? null
      },
    },
    {
      pieceBytes: run.settings.bodyBytesPerWrite,
      afterPiece: () => flush(streamed.values()),
    },
  )
  return { items: checkBatch(skeleton, 'pay_statement'), streamed }
}

/**
 * Settles one answer whose statements are already written: payments complete, pending or failed
 * (what this sync wrote of them discarded, their previous statements kept) or with pages still to
 * read. Returns how many payments it settled.
 */
function settleAnswer(
  run: SyncRun,
  product: ProductRun,
  planner: StatementPlanner,
  progress: Map<string, PaymentProgress>,
  batch: StatementPageRequest[],
  answer: FinchAnswer<StatementAnswerBody>,
): number {
  const asked = new Map(batch.map((page) => [page.paymentId, page]))
  let settled = 0
  const settle = (paymentId: string, state: PaymentProgress['state']) => {
    progress.get(paymentId)!.state = state
    settled += 1
    run.write(() => {
      if (state === 'done') {
        run.staging.replaceStatementsOf(paymentId)
        run.staging.writeRegisterOf(paymentId)
      } else {
        run.staging.discardStatementsOf(paymentId)
      }
    })
  }

  if (answer.kind === 'pending') {
    for (const page of batch) {
      product.markPending(page.paymentId, answer.finchCode, answer.message)
      settle(page.paymentId, 'pending')
    }
    return settled
  }

  answer.body.items.forEach((value, index) => {
    let item: BatchItem
    try {
      item = checkBatchItem(value, 'payment_id', `pay_statement.responses[${index}]`)
    } catch (error) {
      if (!(error instanceof MalformedData)) throw error
      return
    }
    const page = asked.get(item.id!)
    if (!page) return
    asked.delete(item.id!)
    const streamed = answer.body.streamed.get(index)
    const outcome = readItem(
      run,
      product,
      planner,
      progress.get(page.paymentId)!,
      page,
      item,
      streamed,
    )
    if (outcome !== 'again' && outcome !== 'more') settle(page.paymentId, outcome)
  })
  for (const page of asked.values()) {
    // Finch left a payment out of its answer: ask again while attempts remain.
    if (retryable(run, progress.get(page.paymentId)!)) {
      planner.askNext(page.paymentId, page.offset, null, page.limit)
    } else {
      product.itemFailed(page.paymentId, null, { name: 'missing_from_answer' })
      settle(page.paymentId, 'failed')
    }
  }
  return settled
}

function readItem(
  run: SyncRun,
  product: ProductRun,
  planner: StatementPlanner,
  state: PaymentProgress,
  page: StatementPageRequest,
  item: BatchItem,
  streamed: StreamedItem | undefined,
): 'done' | 'more' | 'again' | 'pending' | 'failed' {
  const path = `pay_statement[${page.paymentId}]`
  if (item.code === 202) {
    product.markPending(page.paymentId, ...pendingOf(item.body))
    return 'pending'
  }
  if (item.code !== 200) {
    if (isServerError(item.code) && retryable(run, state)) {
      planner.askNext(page.paymentId, page.offset, null, page.limit)
      return 'again'
    }
    product.itemFailed(page.paymentId, item.code, item.body)
    return 'failed'
  }

  try {
    if (streamed?.malformed) throw streamed.malformed
    const body = checkStatementPage(item.body, `${path}.body`)
    if (body.offset !== page.offset) {
      throw new MalformedData(`${path}.body.paging.offset`, 'the offset asked for')
    }
    const received = streamed?.written ?? 0
    const next = page.offset + received
    const more = body.count === null ? received === page.limit : next < body.count
    if (more && received === 0) {
      throw new MalformedData(`${path}.body.pay_statements`, 'the statements its paging counts')
    }
    if (!more) return 'done'
    planner.askNext(page.paymentId, next, body.count === null ? null : body.count - next)
    return 'more'
  } catch (error) {
    if (!(error instanceof MalformedData)) throw error
    product.itemMalformed(page.paymentId, error)
    return 'failed'
  }
}

function retryable(run: SyncRun, state: PaymentProgress): boolean {
  state.failedAttempts += 1
  return state.failedAttempts < run.settings.retry.maxAttempts
}
