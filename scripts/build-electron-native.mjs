// Builds SQLite's native module for Electron's ABI into .electron-native/, beside the copy in
// node_modules that stays built for Node (the tests and the browser host need that one).
// Keytar is a Node-API module and loads in both without a rebuild.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
const electronVersion = require('electron/package.json').version
const target = '.electron-native'
const stamp = join(target, 'electron-version')

if (
  existsSync(join(target, 'better_sqlite3.node')) &&
  readFileSync(stamp, 'utf8') === electronVersion
) {
  process.exit(0)
}

console.log(`[native] building better-sqlite3-multiple-ciphers for Electron ${electronVersion}`)
const work = join(target, 'work')
rmSync(work, { recursive: true, force: true })
mkdirSync(join(work, 'node_modules'), { recursive: true })
cpSync(
  'node_modules/better-sqlite3-multiple-ciphers',
  join(work, 'node_modules/better-sqlite3-multiple-ciphers'),
  {
    recursive: true,
    filter: (path) => !path.includes('/build/'),
  },
)
writeFileSync(
  join(work, 'package.json'),
  JSON.stringify({
    name: 'electron-native',
    dependencies: { 'better-sqlite3-multiple-ciphers': '*' },
  }),
)

const { rebuild } = await import('@electron/rebuild')
await rebuild({
  buildPath: work,
  electronVersion,
  force: true,
  onlyModules: ['better-sqlite3-multiple-ciphers'],
})
cpSync(
  join(work, 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node'),
  join(target, 'better_sqlite3.node'),
)
writeFileSync(stamp, electronVersion)
rmSync(work, { recursive: true, force: true })
