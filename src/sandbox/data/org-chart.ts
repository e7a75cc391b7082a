/**
 * Lays out a company's reporting lines before anyone is named: an executive, division heads,
 * team leads, line managers and members. Managers always sit above their reports in the tree, so
 * the generated hierarchy can never contain a cycle.
 */
import type { CentsRange, CompanyProfile, TeamProfile } from './company-plan'
import { REMOTE_SITE } from './company-plan'
import type { Random } from './random'

export type RoleLevel = 'executive' | 'head' | 'lead' | 'manager' | 'member'

export interface Role {
  readonly level: RoleLevel
  readonly title: string
  readonly department: string
  /** The team whose pay rules apply; null for the executive and division heads. */
  readonly team: TeamProfile | null
  /** Salary band for leadership roles; members use their team's pay instead. */
  readonly annualCents: CentsRange
  readonly siteKey: string
  /** Index of the manager in the returned array; null only for the executive. */
  readonly managerIndex: number | null
}

interface DraftRole extends Omit<Role, 'managerIndex'> {
  readonly managerDraft: number | null
}

/** A team gets a lead from this size on. */
const LEAD_FROM_SIZE = 6
/** Above this many members a team is split among line managers of about this span. */
const MANAGER_SPAN = 11

/** Splits `total` by weight with the largest-remainder method, so the parts add up exactly. */
function apportion(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0)
  const exact = weights.map((weight) => (total * weight) / weightSum)
  const parts = exact.map(Math.floor)
  let left = total - parts.reduce((sum, part) => sum + part, 0)
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((first, second) => second.remainder - first.remainder || first.index - second.index)
  for (const { index } of byRemainder) {
    if (left === 0) break
    parts[index] = (parts[index] ?? 0) + 1
    left--
  }
  return parts
}

function officeSite(team: { readonly sites: readonly string[] }, fallback: string): string {
  return team.sites.find((key) => key !== REMOTE_SITE) ?? fallback
}

function scaledBand([lowCents, highCents]: CentsRange, share: number): CentsRange {
  return [Math.round(lowCents * share), Math.round(highCents * share)]
}

/** Line managers earn a little under the team lead, or a step above the members they manage. */
function managerBand(team: TeamProfile): CentsRange {
  if (team.leadTitle !== null) return scaledBand(team.leadAnnualCents, 0.92)
  if (team.pay.kind === 'salaried') return scaledBand(team.pay.annualCents, 1.2)
  // A full-time year (2,080 hours) at the team's hourly rates, plus a quarter.
  return scaledBand(team.pay.hourlyCents, 2_080 * 1.25)
}

/** Builds `headcount` roles in a shuffled (directory) order. */
export function layOutOrgChart(profile: CompanyProfile, headcount: number, random: Random): Role[] {
  if (headcount === 0) return []

  const drafts: DraftRole[] = [
    {
      level: 'executive',
      title: profile.executive.title,
      department: profile.executive.department,
      team: null,
      annualCents: profile.executive.annualCents,
      siteKey: profile.executive.site,
      managerDraft: null,
    },
  ]

  // Roughly one division head per fourteen people, so small companies stay flat.
  const divisionCount = Math.min(profile.divisions.length, Math.floor((headcount - 1) / 14) + 1)
  const divisions = headcount > 5 ? profile.divisions.slice(0, divisionCount) : []
  const headIndexByDivision = divisions.map((division) => {
    drafts.push({
      level: 'head',
      title: division.headTitle,
      department: division.department,
      team: null,
      annualCents: division.headAnnualCents,
      siteKey: officeSite(division.teams[0] ?? { sites: [] }, profile.executive.site),
      managerDraft: 0,
    })
    return drafts.length - 1
  })

  const teamSource = divisions.length > 0 ? divisions : profile.divisions.slice(0, 1)
  const teams = teamSource.flatMap((division, divisionIndex) =>
    division.teams.map((team) => ({ team, headDraft: headIndexByDivision[divisionIndex] ?? 0 })),
  )
  const memberTotal = headcount - drafts.length
  if (teams.length === 0) {
    if (memberTotal > 0) throw new RangeError(`${profile.legalName} has no teams to staff`)
    return finalise(drafts, random)
  }

  const sizes = apportion(
    memberTotal,
    teams.map(({ team }) => team.weight),
  )
  teams.forEach(({ team, headDraft }, teamIndex) => {
    let remaining = sizes[teamIndex] ?? 0
    let boss = headDraft
    // Contractors report to the division head however many there are.
    const managerCount =
      team.pay.kind !== 'contractor' && remaining > MANAGER_SPAN + 3
        ? Math.round(remaining / MANAGER_SPAN)
        : 0

    if (team.leadTitle !== null && remaining >= LEAD_FROM_SIZE) {
      drafts.push({
        level: 'lead',
        title: managerCount > 0 ? `Director, ${team.department}` : team.leadTitle,
        department: team.department,
        team,
        annualCents: scaledBand(team.leadAnnualCents, managerCount > 0 ? 1.15 : 1),
        siteKey: officeSite(team, profile.executive.site),
        managerDraft: headDraft,
      })
      boss = drafts.length - 1
      remaining--
    }

    const managers: number[] = []
    for (let index = 0; index < managerCount && remaining > 1; index++) {
      drafts.push({
        level: 'manager',
        title: team.leadTitle ?? `${team.department} Manager`,
        department: team.department,
        team,
        annualCents: managerBand(team),
        siteKey: officeSite(team, profile.executive.site),
        managerDraft: boss,
      })
      managers.push(drafts.length - 1)
      remaining--
    }

    for (let index = 0; index < remaining; index++) {
      drafts.push({
        level: 'member',
        title: random.pick(team.memberTitles),
        department: team.department,
        team,
        annualCents: [0, 0],
        siteKey: random.pick(team.sites),
        managerDraft: managers.length > 0 ? (managers[index % managers.length] ?? boss) : boss,
      })
    }
  })

  return finalise(drafts, random)
}

/** Shuffles roles into directory order and rewrites manager links to the new positions. */
function finalise(drafts: readonly DraftRole[], random: Random): Role[] {
  const order = random.shuffle(drafts.map((_, index) => index))
  const positionOfDraft = new Array<number>(drafts.length)
  order.forEach((draftIndex, position) => {
    positionOfDraft[draftIndex] = position
  })
  return order.map((draftIndex) => {
    const { managerDraft, ...role } = drafts[draftIndex] as DraftRole
    return {
      ...role,
      managerIndex: managerDraft === null ? null : (positionOfDraft[managerDraft] ?? null),
    }
  })
}
