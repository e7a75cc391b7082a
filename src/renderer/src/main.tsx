/**
 * The renderer's entry point: finds the bridge the preload exposed and renders the app over it,
 * or explains on the page why it cannot.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ApiProvider } from './api/api-context'
import { createPayrollDeskApi, findBridge } from './api/payroll-desk-api'
import { App } from './app'
import { CrashBoundary } from './components/crash-boundary'
import { applyStoredThemeChoice } from './apply-theme'
import { MissingBridgePage } from './views/startup-problem-page'
import './styles/theme.css'
import './styles/base.css'
import './styles/frame.css'
import './styles/views.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element.')

applyStoredThemeChoice()
const bridge = findBridge(window)

createRoot(container).render(
  <StrictMode>
    {bridge ? (
      <CrashBoundary>
        <ApiProvider api={createPayrollDeskApi(bridge)}>
          <App />
        </ApiProvider>
      </CrashBoundary>
    ) : (
      <MissingBridgePage />
    )}
  </StrictMode>,
)
