/**
 * What the user sees when the back end cannot start (the keychain is locked or missing, the cache
 * cannot be opened): a plain dialog that says why, where the log is, and what they can do, instead
 * of a crash or an empty window.
 */
import { dialog } from 'electron'
import { AppError } from '../../shared/app-error'

export interface StartupFailureActions {
  openLogsFolder(): void
  relaunch(): void
  quit(): void
}

const TRY_AGAIN = 0
const OPEN_LOGS = 1
const QUIT = 2

/** Explains the failure until the user chooses to try again or quit; opening the logs asks again. */
export async function reportStartupFailure(
  error: unknown,
  logsDir: string,
  actions: StartupFailureActions,
): Promise<void> {
  // An AppError's message is written for the accountant; anything else may be internal detail.
  const reason =
    error instanceof AppError
      ? error.message
      : 'Something unexpected stopped Payroll Desk from starting.'

  for (;;) {
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: 'Payroll Desk',
      message: 'Payroll Desk could not start',
      detail: `${reason}\n\nThe log in ${logsDir} says more.`,
      buttons: ['Try again', 'Open logs folder', 'Quit'],
      defaultId: TRY_AGAIN,
      cancelId: QUIT,
      noLink: true,
    })
    if (response === OPEN_LOGS) {
      actions.openLogsFolder()
      continue
    }
    if (response === TRY_AGAIN) actions.relaunch()
    else actions.quit()
    return
  }
}
