/**
 * The app frame: header, navigation rail and the current view. It owns the connect flow so a
 * company being connected survives moving between views.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useApi } from './api/api-context'
import { AppHeader } from './components/app-header'
import { ConnectStatus } from './components/connect-status'
import { attentionRoute } from './components/dashboard-attention'
import { NavRail } from './components/nav-rail'
import { useAsyncValue } from './hooks/use-async-value'
import { useConnectFlow } from './hooks/use-connect-flow'
import type { Route } from './navigation/route'
import { sectionOf } from './navigation/route'
import { ChecksView } from './views/checks-view'
import { ClientsView } from './views/clients-view'
import { CompanyView } from './views/company-view'
import { DashboardView } from './views/dashboard-view'
import { PersonView } from './views/person-view'
import { SettingsView } from './views/settings-view'

export function App() {
  const api = useApi()
  const [route, setRoute] = useState<Route>({ view: 'clients' })
  const status = useAsyncValue(() => api.app.status(), [api])

  const openCompany = useCallback((connectionId: string) => {
    setRoute({ view: 'company', connectionId })
  }, [])
  const connectFlow = useConnectFlow(openCompany)
  const main = useRef<HTMLElement>(null)
  const routeShown = useRef(route)

  // After navigating, keyboard and screen-reader users land on the new view's heading rather
  // than on a rail button that no longer says where they are. The first view keeps the default.
  useEffect(() => {
    if (routeShown.current === route) return
    routeShown.current = route
    main.current?.querySelector<HTMLElement>('h1')?.focus()
  }, [route])

  return (
    <div className="app-frame" data-presenting={connectFlow.presenting || undefined}>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <AppHeader status={status.value} />
      <NavRail
        current={sectionOf(route)}
        version={status.value?.version}
        onNavigate={(section) => setRoute({ view: section })}
      />
      <main id="main" ref={main} className="app-main" tabIndex={-1}>
        <ConnectStatus flow={connectFlow} showFailure={route.view === 'clients'} />
        {renderView(route)}
      </main>
    </div>
  )

  function renderView(current: Route) {
    switch (current.view) {
      case 'clients':
        return (
          <ClientsView
            {...(current.reconnect ? { reconnect: current.reconnect } : {})}
            mode={status.value?.mode}
            connectFlow={connectFlow}
            onOpenCompany={openCompany}
          />
        )
      case 'company':
        return (
          <CompanyView
            key={current.connectionId}
            connectionId={current.connectionId}
            {...(current.focus ? { focus: current.focus } : {})}
            onBack={() => setRoute({ view: 'clients' })}
            onOpenDashboard={() =>
              setRoute({ view: 'dashboard', connectionId: current.connectionId })
            }
            onOpenChecks={() => setRoute({ view: 'checks', connectionId: current.connectionId })}
            onOpenPerson={(individualId) =>
              setRoute({ view: 'person', connectionId: current.connectionId, individualId })
            }
          />
        )
      case 'person':
        return (
          <PersonView
            key={`${current.connectionId}/${current.individualId}`}
            connectionId={current.connectionId}
            individualId={current.individualId}
            onBack={() => openCompany(current.connectionId)}
          />
        )
      case 'dashboard':
        return (
          <DashboardView
            key={current.connectionId}
            connectionId={current.connectionId}
            onBack={() => openCompany(current.connectionId)}
            onOpenAttention={(item) => setRoute(attentionRoute(item))}
          />
        )
      case 'checks':
        return (
          <ChecksView
            key={current.connectionId}
            connectionId={current.connectionId}
            {...(current.focus ? { focus: current.focus } : {})}
            onBack={() => openCompany(current.connectionId)}
          />
        )
      case 'settings':
        return <SettingsView />
    }
  }
}
