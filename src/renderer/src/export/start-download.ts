/**
 * Starts the browser's download of an export the host has waiting at a one-time address. The
 * page's session cookie goes with the request; nothing about the file passes through script.
 */
export function startDownload(downloadPath: string, fileName: string): void {
  // Only the host's own `/__export/` addresses are followed, whatever main answered.
  if (!/^\/__export\/[A-Za-z0-9_-]+$/.test(downloadPath)) return
  const link = document.createElement('a')
  link.href = downloadPath
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
}
