/**
 * The fuses turn off Node's `--inspect` flags in packaged builds, but Chromium's own remote
 * debugging switches are not fuses: started with one, the app would let any local process drive
 * its window, and with it everything the window can ask main for. An installed app refuses them.
 * See https://www.electronjs.org/docs/latest/tutorial/fuses
 */
import type { CommandLine } from 'electron'

const DEBUGGING_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-allow-origins',
]

export function debuggingSwitch(commandLine: Pick<CommandLine, 'hasSwitch'>): string | null {
  return DEBUGGING_SWITCHES.find((name) => commandLine.hasSwitch(name)) ?? null
}
