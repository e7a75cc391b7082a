// `npm run electronegativity`: scans src/ with Electronegativity, Doyensec's checker for Electron
// misconfigurations, and fails on any HIGH or MEDIUM finding that .electronegativity-allowlist.json
// does not list, by check and file, with a written reason. LOW and informational findings are
// printed but do not fail the run. A file the scanner cannot parse fails it too: nothing in that
// file would have been checked.
//
// Offline and quick: the scanner's network look-ups are answered locally (see answerOffline), the
// Electron version is the installed package's rather than guessed, and the one check that needs
// Electron's online release list (AvailableSecurityFixesGlobalCheck) is left out; keeping
// Electron current is a release step.
//
//   node scripts/electronegativity.mjs [--input <dir>] [--report <file.csv>] [--allowlist <file.json>]
import { mkdtempSync, readFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    input: { type: 'string', default: 'src' },
    report: { type: 'string' },
    allowlist: { type: 'string', default: '.electronegativity-allowlist.json' },
  },
})
const require = createRequire(import.meta.url)
const SCANNED = values.input.replace(/\/+$/, '')
const GATED_SEVERITY = 2 // MEDIUM and above
const log = (line) => console.log(`[electronegativity] ${line}`)

const allowList = readAllowList(values.allowlist)
const report =
  values.report ?? join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'report.csv')
const electronVersion = require('electron/package.json').version

answerOffline()
const scan = require('@doyensec/electronegativity')
const result = await quietly(() =>
  scan({
    input: resolve(SCANNED),
    output: report,
    isRelative: true,
    electronVersionOverride: electronVersion,
    customScan: [],
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    parserPlugins: [],
  }),
)

let failed = false
log(
  `scanned ${SCANNED}/ for Electron ${electronVersion} with ${result.atomicChecks + result.globalChecks} checks: ` +
    `${result.issues.length} findings (full report: ${report})`,
)

for (const error of result.errors) {
  if (error.tolerable) continue
  failed = true
  log(`FAIL could not parse ${error.file}: ${error.message}`)
}

const used = new Set()
for (const issue of result.issues) {
  const file = issue.file === 'N/A' ? issue.file : `${SCANNED}/${issue.file}`
  const where = `${issue.id} ${file}:${issue.location.line} (${issue.severity.name}, ${issue.confidence.name})`
  if (issue.severity.value < GATED_SEVERITY) {
    log(`note ${where}: ${issue.description}`)
    continue
  }
  const entry = allowList.find(
    (candidate) => candidate.check === issue.id && candidate.file === file,
  )
  if (entry) {
    used.add(entry)
    log(`allowed ${where}: listed with its reason`)
  } else {
    failed = true
    log(`FAIL ${where}: ${issue.description} ${issue.shortenedURL ?? ''}`)
  }
}

for (const entry of allowList) {
  if (!used.has(entry)) log(`unused allow-list entry, remove it: ${entry.check} ${entry.file}`)
}

if (failed) {
  log(`failed: fix each FAIL above, or list it in ${values.allowlist} with the reason it is safe`)
  process.exit(1)
}
log('passed')

function readAllowList(path) {
  const entries = JSON.parse(readFileSync(path, 'utf8'))
  if (!Array.isArray(entries)) throw new Error(`${path} must be a list of {check, file, reason}`)
  for (const entry of entries) {
    for (const field of ['check', 'file', 'reason']) {
      if (typeof entry[field] !== 'string' || entry[field].trim() === '') {
        throw new Error(`${path}: every entry needs a ${field}: ${JSON.stringify(entry)}`)
      }
    }
  }
  return entries
}

/**
 * On every run the scanner fetches updated translations and Electron's release list from the
 * internet through the `got` package. Here `got` answers at once without touching the network
 * (503 for a fetch, a refusal for anything else), so the scanner uses its bundled English texts.
 */
function answerOffline() {
  const unavailable = () => Promise.resolve({ statusCode: 503, headers: {}, body: '' })
  const refuse = () => Promise.reject(new Error('network access is disabled for this scan'))
  const offlineGot = Object.assign(unavailable, { get: unavailable, head: refuse, post: refuse })
  const load = Module._load
  Module._load = function loadOffline(request, ...rest) {
    return request === 'got' ? offlineGot : load.call(this, request, ...rest)
  }
}

/** Runs the scanner with its own console chatter (a progress banner) held back. */
async function quietly(task) {
  const original = console.log
  console.log = () => undefined
  try {
    return await task()
  } finally {
    console.log = original
  }
}
