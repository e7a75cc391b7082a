/**
 * Connect logins that serve a fixture folder instead of a generated company, so a case captured
 * in the field replays exactly: the username picks the folder, the password is the sandbox's.
 * Folders are read when the sandbox starts, so a broken one fails the start, naming the file.
 */
import type { CompanyDataset } from '../data/dataset'
import { FIXTURE_SCENARIO_PREFIX, scenarioForUsername } from './scenario-login'

export interface FixtureLogins {
  /** Lower-case usernames the Connect page accepts besides the generated scenarios. */
  readonly usernames: ReadonlySet<string>
  /** Each login's company, by scenario name (`fixture:<username>`). */
  readonly datasets: ReadonlyMap<string, CompanyDataset>
}

export const NO_FIXTURE_LOGINS: FixtureLogins = { usernames: new Set(), datasets: new Map() }

const USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/

export async function loadFixtureLogins(
  folders: Readonly<Record<string, string>> | undefined,
): Promise<FixtureLogins> {
  const entries = Object.entries(folders ?? {})
  if (entries.length === 0) return NO_FIXTURE_LOGINS

  const { loadFixtureDataset } = await import('../data/fixture')
  const usernames = new Set<string>()
  const datasets = new Map<string, CompanyDataset>()
  for (const [login, folder] of entries) {
    const username = login.trim().toLowerCase()
    if (!USERNAME.test(username)) {
      throw new RangeError(
        `fixture login "${login}" must be letters, digits, dots, dashes or underscores`,
      )
    }
    if (scenarioForUsername(username) !== null) {
      throw new RangeError(`fixture login "${login}" is already a sandbox scenario`)
    }
    usernames.add(username)
    datasets.set(`${FIXTURE_SCENARIO_PREFIX}${username}`, loadFixtureDataset(folder))
  }
  return { usernames, datasets }
}
