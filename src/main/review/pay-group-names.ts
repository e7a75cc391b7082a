/**
 * Pay groups by name, for every table that tells pay runs apart: a run is named by its pay date
 * and, where the company pays more than one group, by its groups' names, never by Finch's ids.
 */
import type { CacheDatabase } from '../cache/open-database'

/** Said of a pay group the provider sent without a name, or whose record is not cached. */
export const UNNAMED_PAY_GROUP = 'Unnamed pay group'

/** Pay group names by id; a group the provider left unnamed is left out. */
export function readPayGroupNames(db: CacheDatabase, connectionId: string): Map<string, string> {
  const rows = db
    .prepare(
      `SELECT pay_group_id, name FROM pay_group
       WHERE connection_id = ? AND name IS NOT NULL AND trim(name) <> ''`,
    )
    .all(connectionId) as { pay_group_id: string; name: string }[]
  return new Map(rows.map((row) => [row.pay_group_id, row.name.trim()]))
}

/**
 * How many pay groups the company has: those Finch lists and those its payments name, together,
 * since a connection without the pay groups list still names each payment's groups.
 */
export function countPayGroups(db: CacheDatabase, connectionId: string): number {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM (
         SELECT pay_group_id FROM pay_group WHERE connection_id = @connectionId
         UNION
         SELECT g.value FROM payment p, json_each(p.pay_group_ids_json) g
         WHERE p.connection_id = @connectionId AND json_valid(p.pay_group_ids_json)
           AND g.type = 'text')`,
    )
    .get({ connectionId }) as { n: number }
  return row.n
}

/** A run's pay group ids (as Finch's JSON list) as their names, in the list's order. */
export function payGroupNamesOf(
  payGroupIdsJson: string | null,
  names: ReadonlyMap<string, string>,
): (string | null)[] {
  return parsePayGroupIds(payGroupIdsJson).map((id) => names.get(id) ?? null)
}

/** The ids in Finch's list; anything but a list of strings counts as no group. */
export function parsePayGroupIds(json: string | null): string[] {
  if (json === null) return []
  const parsed: unknown = JSON.parse(json)
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : []
}
