// The browser host's stand-in for the preload: puts the same `window.payrollDesk` bridge on the
// page, carried over HTTP to the host on loopback instead of Electron IPC. The session cookie set
// at launch authenticates every call; this script holds no secret.
;(() => {
  const listeners = new Map()
  const events = new EventSource('/__events')

  events.addEventListener('message', (message) => {
    const { event, payload } = JSON.parse(message.data)
    if (event === 'host.open-connect') {
      openConnect(payload.url)
      return
    }
    for (const listener of listeners.get(event) ?? []) listener(payload)
  })

  function openConnect(url) {
    const popup = window.open(url, 'finch-connect', 'popup,width=520,height=760')
    if (popup) return
    // A blocked pop-up leaves a link the user can follow by hand.
    const link = document.createElement('a')
    link.href = url
    link.target = '_blank'
    link.rel = 'noopener'
    link.textContent = 'Open Finch Connect'
    link.className = 'browser-host-connect-link'
    document.body.append(link)
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
