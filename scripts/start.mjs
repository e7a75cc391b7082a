// `npm start`: builds the app, then opens it in Electron in demo mode on first run. Where the
// Electron binary cannot be installed (no access to its download), it serves the same app and
// back end to a browser tab on 127.0.0.1 instead, and says so.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
const forwarded = process.argv.slice(2)

run('npx', ['electron-vite', 'build'])

const electronPath = findElectron()
if (electronPath) {
  run(process.execPath, ['scripts/build-electron-native.mjs'])
  const child = spawn(electronPath, ['.', ...forwarded], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  startInBrowser()
}

function findElectron() {
  try {
    return require('electron')
  } catch {
    // The package is installed without its binary; try to fetch it once, quietly.
    const install = spawnSync(process.execPath, ['node_modules/electron/install.js'], {
      stdio: 'ignore',
    })
    if (install.status !== 0) return null
    try {
      return require('electron')
    } catch {
      return null
    }
  }
}

function startInBrowser() {
  console.log(
    '\n[start] The Electron binary is not installed and could not be downloaded here.\n' +
      '[start] Serving Payroll Desk to your browser on 127.0.0.1 with the same back end instead.\n',
  )
  const host = ['--import', 'tsx', 'src/main/browser-host/cli.ts', ...forwarded]
  if (process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS) {
    // No desktop session, so no Secret Service to keep the keys in: use a throwaway keyring,
    // and a throwaway data folder to match, for this demo run only.
    const dataDir = mkdtempSync(join(tmpdir(), 'payroll-desk-demo-'))
    console.log(
      `[start] No desktop keychain found: this demo run uses a temporary keyring and ${dataDir}.\n`,
    )
    exec('scripts/with-throwaway-keyring.sh', [process.execPath, ...host, '--data-dir', dataDir])
  } else {
    exec(process.execPath, host)
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

/**
 * Runs the app host in a process group of its own and hands a stop signal to the whole group, so
 * the throwaway D-Bus session and keyring it may run under stop with it even when only this
 * process was signalled (by a service manager, say, rather than Ctrl+C at a terminal).
 */
function exec(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', detached: process.platform !== 'win32' })
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      try {
        if (process.platform === 'win32') child.kill(signal)
        else process.kill(-child.pid, signal)
      } catch {
        // The group is already gone.
      }
    })
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}
