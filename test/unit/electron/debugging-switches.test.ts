import { describe, expect, it } from 'vitest'
import { debuggingSwitch } from '../../../src/main/electron/debugging-switches'

const commandLine = (...switches: string[]) => ({
  hasSwitch: (name: string) => switches.includes(name),
})

describe('the debugging switch check', () => {
  it.each(['remote-debugging-port', 'remote-debugging-pipe', 'remote-allow-origins'])(
    'finds --%s',
    (name) => {
      expect(debuggingSwitch(commandLine('demo', name))).toBe(name)
    },
  )

  it('lets an ordinary start through', () => {
    expect(debuggingSwitch(commandLine('demo', 'user-data-dir'))).toBeNull()
  })
})
