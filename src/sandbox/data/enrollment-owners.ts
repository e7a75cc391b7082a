/**
 * Remembers which individual each enrollment record belongs to. The agreed `CompanyDataset`
 * returns enrollment bodies only, but `/employer/benefits/{id}/individuals` must answer with each
 * body's `individual_id`; keeping the owner beside the object (not inside it) leaves the body
 * exactly as Finch shapes it.
 */
import type { EnrollmentRecord } from './dataset'

const ownerByRecord = new WeakMap<EnrollmentRecord, string>()

export function assignEnrollmentOwner(
  record: EnrollmentRecord,
  individualId: string,
): EnrollmentRecord {
  ownerByRecord.set(record, individualId)
  return record
}

/** The individual an enrollment record from a sandbox dataset belongs to. */
export function enrolledIndividualId(record: EnrollmentRecord): string | undefined {
  return ownerByRecord.get(record)
}
