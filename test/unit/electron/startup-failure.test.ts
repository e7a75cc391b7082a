import { beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../../src/shared/app-error'
import { electronFake } from './electron-fake'

vi.mock('electron', () => electronFake)

const { reportStartupFailure } = await import('../../../src/main/electron/startup-failure')

const TRY_AGAIN = 0
const OPEN_LOGS = 1
const QUIT = 2

function answers(...responses: number[]) {
  for (const response of responses) {
    electronFake.dialog.showMessageBox.mockResolvedValueOnce({ response, checkboxChecked: false })
  }
}

const shownDetail = (call = 0) =>
  (electronFake.dialog.showMessageBox.mock.calls[call] as unknown as [{ detail: string }])[0].detail

describe('the startup failure dialog', () => {
  const actions = { openLogsFolder: vi.fn(), relaunch: vi.fn(), quit: vi.fn() }

  beforeEach(() => vi.clearAllMocks())

  it('says why in the accountant’s words when the keychain is unavailable, and where the log is', async () => {
    answers(QUIT)
    const locked = new AppError('keychain_unavailable', 'The system keychain could not be used.')

    await reportStartupFailure(locked, '/logs/Payroll Desk', actions)

    expect(electronFake.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'error',
        message: 'Payroll Desk could not start',
        buttons: ['Try again', 'Open logs folder', 'Quit'],
      }),
    )
    expect(shownDetail()).toContain('The system keychain could not be used.')
    expect(shownDetail()).toContain('/logs/Payroll Desk')
    expect(actions.quit).toHaveBeenCalledTimes(1)
  })

  it('keeps an unexpected error’s internals out of the dialog', async () => {
    answers(QUIT)

    await reportStartupFailure(new Error('SQLITE_CANTOPEN at /secret/path'), '/logs', actions)

    expect(shownDetail()).toContain('Something unexpected stopped Payroll Desk from starting.')
    expect(shownDetail()).not.toContain('SQLITE_CANTOPEN')
  })

  it('relaunches the app on Try again', async () => {
    answers(TRY_AGAIN)

    await reportStartupFailure(new Error('x'), '/logs', actions)

    expect(actions.relaunch).toHaveBeenCalledTimes(1)
    expect(actions.quit).not.toHaveBeenCalled()
  })

  it('opens the logs folder and asks again, until the user decides', async () => {
    answers(OPEN_LOGS, OPEN_LOGS, QUIT)

    await reportStartupFailure(new Error('x'), '/logs', actions)

    expect(actions.openLogsFolder).toHaveBeenCalledTimes(2)
    expect(electronFake.dialog.showMessageBox).toHaveBeenCalledTimes(3)
    expect(actions.quit).toHaveBeenCalledTimes(1)
  })
})
