// `npm run dist` (installers for this platform) and `npm run dist:dir` (the unpacked app only):
// builds the bundles, then packages them with electron-builder (electron-builder.yml) into dist/.
//
// electron-builder rebuilds native modules for Electron's ABI inside the project's own
// node_modules (npmRebuild), which would leave SQLite unloadable by Node and so break the tests.
// This script copies every native build aside first and puts the copies back afterwards, whether
// packaging worked or not. If a run is killed half way, `npm rebuild better-sqlite3-multiple-ciphers`
// restores the Node build by hand.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { keepNativeBuilds, restoreNativeBuilds } from './native-builds.mjs'

const forwarded = process.argv.slice(2)

run('npx', ['electron-vite', 'build'])
if (!existsSync('build/icon.png')) run(process.execPath, ['scripts/make-placeholder-icon.mjs'])

const kept = keepNativeBuilds()
// Ctrl+C reaches electron-builder too; this process waits for it and restores before leaving.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => undefined)
let result
try {
  result = spawnSync('npx', ['electron-builder', '--publish', 'never', ...forwarded], {
    stdio: 'inherit',
  })
} finally {
  restoreNativeBuilds(kept)
}
process.exit(result.status ?? 1)

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
