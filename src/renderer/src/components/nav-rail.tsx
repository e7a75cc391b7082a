/** The left rail that moves between the app's sections. */
import type { Section } from '../navigation/route'

const SECTIONS: { section: Section; label: string }[] = [
  { section: 'clients', label: 'Clients' },
  { section: 'settings', label: 'Settings' },
]

export function NavRail({
  current,
  version,
  onNavigate,
}: {
  current: Section
  version: string | undefined
  onNavigate: (section: Section) => void
}) {
  return (
    <nav className="nav-rail" aria-label="Sections">
      <ul className="nav-list">
        {SECTIONS.map(({ section, label }) => (
          <li key={section}>
            <button
              type="button"
              className="nav-item"
              aria-current={current === section ? 'page' : undefined}
              onClick={() => onNavigate(section)}
            >
              {label}
            </button>
          </li>
        ))}
      </ul>
      {version && <p className="nav-version">Version {version}</p>}
    </nav>
  )
}
