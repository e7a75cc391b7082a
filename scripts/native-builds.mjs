// Keeps the native modules' Node builds aside while electron-builder rebuilds them for Electron in
// node_modules, and puts them back afterwards (see scripts/dist.mjs). Works on the current folder.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'

/** Packages in node_modules with a binding.gyp: the ones electron-builder rebuilds. */
function nativeModules() {
  const packages = []
  for (const entry of readdirSync('node_modules')) {
    if (entry.startsWith('.')) continue
    const names = entry.startsWith('@')
      ? readdirSync(join('node_modules', entry)).map((name) => join(entry, name))
      : [entry]
    for (const name of names) {
      if (existsSync(join('node_modules', name, 'binding.gyp')))
        packages.push(join('node_modules', name))
    }
  }
  return packages
}

function builtFiles(packageDir) {
  const build = join(packageDir, 'build')
  if (!existsSync(build)) return []
  return readdirSync(build, { recursive: true })
    .map((file) => join(build, String(file)))
    .filter((file) => file.endsWith('.node'))
}

export function keepNativeBuilds() {
  const store = mkdtempSync(join(tmpdir(), 'payroll-desk-native-'))
  const modules = nativeModules()
  const files = modules.flatMap(builtFiles)
  for (const file of files) {
    mkdirSync(join(store, dirname(file)), { recursive: true })
    cpSync(file, join(store, file))
  }
  console.log(`[dist] kept the Node builds of ${files.length} native files aside`)
  return { store, modules, files: new Set(files) }
}

export function restoreNativeBuilds({ store, modules, files }) {
  for (const file of modules.flatMap(builtFiles)) {
    if (!files.has(file)) rmSync(file)
  }
  for (const file of files) cpSync(join(store, file), file)
  rmSync(store, { recursive: true, force: true })
  console.log(
    `[dist] restored the Node builds in ${modules.map((m) => relative('node_modules', m)).join(', ')}`,
  )
}
