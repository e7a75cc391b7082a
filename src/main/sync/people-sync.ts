/**
 * Reads people: the directory page by page (kept in memory: a 10,000-person directory is a few
 * megabytes), then individuals and employments side by side in batches of up to 10,000 ids.
 * A full sync reads every person; an incremental one reads only people who are new, whose
 * directory entry changed, or whom the live snapshot could not read, and carries the rest.
 * Items Finch fails one by one are recorded and the others kept.
 */
import type { IndividualInDirectory } from '@tryfinch/finch-api/resources/hris'
import type { EmploymentBody, IndividualBody } from '../cache/finch-rows'
import {
  checkBatch,
  checkBatchItem,
  checkDirectoryEntry,
  checkDirectoryPage,
  checkEmployment,
  checkIndividual,
  isRecord,
} from './finch-checks'
import type { DirectoryPage } from './finch-checks'
import { parseJsonStream } from './json-stream'
import { MalformedData } from './sync-errors'
import type { ProductRun, SyncRun } from './sync-run'
import { baseIsComplete, bodyOf, isServerError, pendingOf } from './sync-run'

type PersonProduct = 'individual' | 'employment'

interface Directory {
  entries: { person: IndividualInDirectory; position: number }[]
  ids: string[]
}

export async function syncPeople(run: SyncRun): Promise<void> {
  const wanted = (['individual', 'employment'] as const).filter((p) => run.granted(p))
  if (!run.granted('directory')) {
    // Individuals and employments are read by id, and only the directory lists the ids.
    for (const product of wanted) run.product(product).finish('carried')
    return
  }

  const directory = await readDirectory(run)
  if (!directory) {
    for (const product of wanted) run.product(product).finish('carried')
    return
  }
  const changed = run.plan.mode === 'full' ? null : changedPeople(run, directory)
  // The entries are written; only the ids are needed from here on.
  directory.entries = []

  await run.together(
    wanted.map((product) => readPeople(run, product, targetsFor(run, product, directory, changed))),
  )
}

async function readDirectory(run: SyncRun): Promise<Directory | null> {
  const product = run.product('directory')
  const limit = run.settings.directoryPageSize
  const directory: Directory = { entries: [], ids: [] }
  const seen = new Set<string>()
  let offset = 0

  for (let page = 0; ; page++) {
    const pageOffset = offset
    const answer = await run.readWhole(product, {
      bucket: 'directory',
      what: 'the directory',
      send: (options) => run.finch.hris.directory.list({ limit, offset: pageOffset }, options),
      check: (body) => checkPagingOf(checkDirectoryPage(body), pageOffset),
    })
    if (answer.kind !== 'data') {
      if (answer.kind === 'unavailable') run.write(() => run.staging.replaceAll('directory'))
      return null
    }

    const { individuals, count } = answer.body
    individuals.forEach((value, index) => {
      const position = pageOffset + index
      try {
        const person = checkDirectoryEntry(value, `directory.individuals[${position}]`)
        if (seen.has(person.id)) {
          product.itemFailed(person.id, null, { name: 'duplicate_individual' })
          return
        }
        seen.add(person.id)
        directory.entries.push({ person, position })
        directory.ids.push(person.id)
      } catch (error) {
        if (!(error instanceof MalformedData)) throw error
        product.itemMalformed(idOf(value), error)
      }
    })
    offset = pageOffset + individuals.length
    product.progress(offset, count)

    const more = count === null ? individuals.length === limit : offset < count
    if (!more || individuals.length === 0) break
    if (page > (count ?? 0) / limit + 1_000) {
      throw new MalformedData('directory.paging', 'a paging that ends')
    }
  }

  run.write(() => {
    run.staging.replaceAll('directory')
    run.staging.writeDirectory(directory.entries)
  })
  product.progress(directory.entries.length, directory.entries.length)
  product.finish('fresh')
  return directory
}

function checkPagingOf(page: DirectoryPage, offset: number): DirectoryPage {
  if (page.offset !== offset) throw new MalformedData('directory.paging.offset', 'the offset asked')
  // An empty page short of the count would end the read early and drop the rest of the people.
  if (page.individuals.length === 0 && page.count !== null && offset < page.count) {
    throw new MalformedData('directory.individuals', 'as many people as the paging counts')
  }
  return page
}

/** People new since the live snapshot, or whose directory entry is not what it was. */
function changedPeople(run: SyncRun, directory: Directory): Set<string> {
  const base = run.staging.baseDirectory()
  const changed = new Set<string>()
  for (const { person } of directory.entries) {
    if (base.get(person.id) !== JSON.stringify(person)) changed.add(person.id)
  }
  return changed
}

function targetsFor(
  run: SyncRun,
  product: PersonProduct,
  directory: Directory,
  changed: Set<string> | null,
): string[] {
  if (!changed || !baseIsComplete(run, product)) return directory.ids
  const unfinished = run.staging.baseUnfinishedItems(product)
  return directory.ids.filter((id) => changed.has(id) || unfinished.has(id))
}

async function readPeople(run: SyncRun, name: PersonProduct, ids: string[]): Promise<void> {
  const product = run.product(name)
  const size = run.settings.peoplePerRequest
  const settled = new Set<string>()
  let queue = ids
  product.progress(0, ids.length)

  for (let round = 0; queue.length > 0; round++) {
    const retry: string[] = []
    for (let start = 0; start < queue.length; start += size) {
      const batch = queue.slice(start, start + size)
      const outcome = await readBatch(run, product, batch, round)
      if (outcome === 'pending') {
        // The whole product is still being collected: keep what the live snapshot has.
        run.write(() => run.staging.discardAdded(name))
        return
      }
      for (const id of outcome.settled) settled.add(id)
      retry.push(...outcome.retry)
      product.progress(settled.size)
    }
    queue = retry
  }

  run.write(() => {
    run.staging.replacePeople(name, settled)
    run.staging.dropPeopleNotInDirectory(name)
  })
  product.progress(settled.size, ids.length)
  product.finish('fresh')
}

/** People written per transaction while a batch answer streams in. */
const PEOPLE_PER_WRITE = 1_000

interface BatchOutcome {
  settled: string[]
  retry: string[]
  failures: { id: string | null; code: number | null; body: unknown }[]
  malformed: { id: string | null; error: MalformedData }[]
  pending: { id: string; body: unknown }[]
}

/**
 * One batch request, read as it streams: people are checked and written a thousand at a time.
 * Returns the ids it settled (read, or failed for good) and those to ask again (a server error
 * for that item alone, while attempts remain). Errors are recorded only once the whole answer
 * was read, so a retried answer records nothing twice.
 */
async function readBatch(
  run: SyncRun,
  product: ProductRun,
  ids: string[],
  round: number,
): Promise<'pending' | { settled: string[]; retry: string[] }> {
  const name = product.name as PersonProduct
  const requests = ids.map((id) => ({ individual_id: id }))
  const answer = await run.request({
    bucket: name,
    what: name === 'individual' ? 'individuals' : 'employments',
    counters: product.counters,
    send: (options) =>
      name === 'individual'
        ? run.finch.hris.individuals.retrieveMany(
            run.granted('ssn') ? { requests, options: { include: ['ssn'] } } : { requests },
            options,
          )
        : run.finch.hris.employments.retrieveMany({ requests }, options),
    consume: (response) => consumeBatch(run, name, ids, round, response),
    undo: () => run.write(() => run.staging.discardPeople(name, ids)),
  })
  if (answer.kind === 'pending') {
    product.markPending(null, answer.finchCode, answer.message)
    return 'pending'
  }

  const outcome = answer.body
  for (const failure of outcome.failures) product.itemFailed(failure.id, failure.code, failure.body)
  for (const { id, error } of outcome.malformed) product.itemMalformed(id, error)
  for (const { id, body } of outcome.pending) product.markPending(id, ...pendingOf(body))
  return { settled: outcome.settled, retry: outcome.retry }
}

async function consumeBatch(
  run: SyncRun,
  name: PersonProduct,
  ids: string[],
  round: number,
  response: Response,
): Promise<BatchOutcome> {
  const asked = new Set(ids)
  const outcome: BatchOutcome = { settled: [], retry: [], failures: [], malformed: [], pending: [] }
  let bodies: (IndividualBody | EmploymentBody)[] = []
  const flush = () => {
    if (bodies.length === 0) return
    const batch = bodies
    bodies = []
    run.write(() =>
      name === 'individual'
        ? run.staging.writeIndividuals(batch as IndividualBody[])
        : run.staging.writeEmployments(batch as EmploymentBody[]),
    )
  }

  const skeleton = await parseJsonStream(
    bodyOf(response),
    {
      streams: (path) => path.length === 1 && path[0] === 'responses',
      element: (_path, index, value) => {
        const path = `${name}.responses[${index}]`
        try {
          const item = checkBatchItem(value, 'individual_id', path)
          const id = item.id!
          if (!asked.delete(id)) return
          if (item.code === 200) {
            const body =
              name === 'individual'
                ? checkIndividual(item.body, `${path}.body`)
                : checkEmployment(item.body, `${path}.body`)
            if (body.id !== id) throw new MalformedData(`${path}.body.id`, 'the id asked for')
            bodies.push(body)
            outcome.settled.push(id)
            if (bodies.length >= PEOPLE_PER_WRITE) flush()
          } else if (item.code === 202) {
            outcome.pending.push({ id, body: item.body })
          } else if (isServerError(item.code) && round + 1 < run.settings.retry.maxAttempts) {
            outcome.retry.push(id)
          } else {
            outcome.failures.push({ id, code: item.code, body: item.body })
            outcome.settled.push(id)
          }
        } catch (error) {
          if (!(error instanceof MalformedData)) throw error
          const id = idOf(value, 'individual_id')
          outcome.malformed.push({ id, error })
          if (id && asked.delete(id)) outcome.settled.push(id)
        }
      },
    },
    { pieceBytes: run.settings.bodyBytesPerWrite, afterPiece: flush },
  )
  checkBatch(skeleton, name)
  flush()
  for (const id of asked) {
    outcome.failures.push({ id, code: null, body: { name: 'missing_from_answer' } })
    outcome.settled.push(id)
  }
  return outcome
}

function idOf(value: unknown, key = 'id'): string | null {
  const id = isRecord(value) ? value[key] : undefined
  return typeof id === 'string' && id.length > 0 && id.length <= 256 ? id : null
}
