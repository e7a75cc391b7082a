/**
 * The fake logins of the sandbox's Connect page. As in Finch's own sandbox, the username picks
 * the company (the scenario) and every account shares one password.
 */
export const SANDBOX_PASSWORD = 'letmein'

export const NAMED_SCENARIOS = [
  'smallco',
  'largeco',
  'assisted',
  'reauth',
  'empty',
  'hostile',
  'discrepancies',
  'moveco-old',
  'moveco-new',
]

/**
 * The generators' own bounds for the `scale` scenario; checking them at sign-in shows a wrong
 * login on the page instead of failing the redirect.
 */
/** Scenario names of fixture logins carry this prefix, so they never meet a generated name. */
export const FIXTURE_SCENARIO_PREFIX = 'fixture:'

const MAX_SCALE_PEOPLE = 10_000
const MAX_SCALE_RUNS = 52

/**
 * The scenario a username logs into, or null when no such sandbox account exists. Fixture logins
 * (the sandbox's `fixtureFolders`) log into `fixture:<username>`.
 */
export function scenarioForUsername(
  username: string,
  fixtureUsernames: ReadonlySet<string> = new Set(),
): string | null {
  const name = username.trim().toLowerCase()
  if (NAMED_SCENARIOS.includes(name)) return name
  if (fixtureUsernames.has(name)) return `${FIXTURE_SCENARIO_PREFIX}${name}`

  const scale = /^scale-(\d{1,5})-(\d{1,2})$/.exec(name)
  if (!scale) return null
  const people = Number(scale[1])
  const runs = Number(scale[2])
  if (people < 1 || people > MAX_SCALE_PEOPLE || runs < 1 || runs > MAX_SCALE_RUNS) return null
  return `scale-${people}-${runs}`
}
