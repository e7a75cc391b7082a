/**
 * Replaces the interface with a plain message when rendering throws, instead of leaving a blank
 * window. React only offers this through a class component's error lifecycle.
 */
import { Component } from 'react'
import type { ErrorInfo, ReactNode } from 'react'
import { StartupProblemPage } from '../views/startup-problem-page'

export class CrashBoundary extends Component<{ children: ReactNode }, { crashed: boolean }> {
  override state = { crashed: false }

  static getDerivedStateFromError(): { crashed: boolean } {
    return { crashed: true }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('[renderer] the interface stopped after an error', error, info.componentStack)
  }

  override render(): ReactNode {
    if (!this.state.crashed) return this.props.children

    return (
      <StartupProblemPage
        title="Something went wrong in this window"
        onReload={() => window.location.reload()}
      >
        <p>
          The interface stopped after an unexpected error. Your cached payroll data is safe. Reload
          the window to carry on.
        </p>
      </StartupProblemPage>
    )
  }
}
