// The browser host's stand-in for the preload: puts the same `window.payrollDesk` bridge on the
// page, carried over HTTP to the host on loopback instead of Electron IPC. The session cookie set
// at launch authenticates every call; this script holds no secret.
;(() => {
  const listeners = new Map()
  const events = new EventSource('/__events')

  events.addEventListener('message', (message) => {
    const { event, payload } = JSON.parse(message.data)
    if (event === 'host.open-connect') {
      openConnect(payload.url, payload.attempt)
      return
    }
    for (const listener of listeners.get(event) ?? []) listener(payload)
  })

  // Only the pop-up of the newest attempt is watched; an attempt without an id (Connect in the
  // system browser) cannot be watched and is not.
  let watching = null

  function openConnect(url, attempt) {
    const popup = window.open(url, 'finch-connect', 'popup,width=520,height=760')
    if (popup) {
      if (typeof attempt === 'string') watchPopUp(popup, attempt)
      return
    }
    // A blocked pop-up leaves a link the user can follow by hand.
    const link = document.createElement('a')
    link.href = url
    link.target = '_blank'
    link.rel = 'noopener'
    link.textContent = 'Open Finch Connect'
    link.className = 'browser-host-connect-link'
    document.body.append(link)
  }

  // A closed pop-up fires no event the opener can hear across origins; `closed` can be polled.
  function watchPopUp(popup, attempt) {
    if (watching) clearInterval(watching)
    watching = setInterval(() => {
      if (!popup.closed) return
      clearInterval(watching)
      watching = null
      // The host ignores the report when Connect's redirect already arrived.
      void fetch('/__connect-closed', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ attempt }),
      }).catch(() => undefined)
    }, 500)
  }

  const bridge = {
    async invoke(channel, args) {
      const response = await fetch('/__ipc', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ channel, args }),
      })
      return response.json()
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
  }

  Object.defineProperty(window, 'payrollDesk', { value: Object.freeze(bridge), writable: false })
})()
