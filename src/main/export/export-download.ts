/**
 * Sends a waiting export over HTTP as a file download, for the browser host. The file name comes
 * from the company's name, so it is given twice as RFC 6266 asks: an ASCII fallback and the
 * UTF-8 original, neither able to break out of the header.
 */
import type { ServerResponse } from 'node:http'
import type { Logger } from '../log/logger'
import type { ExportService } from './export-service'

export async function sendExportDownload(
  exports: ExportService,
  id: string,
  response: ServerResponse,
  headers: Record<string, string>,
  logger: Logger,
): Promise<void> {
  const pending = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? exports.takeDownload(id) : null
  if (!pending) {
    response.writeHead(404, { ...headers, 'content-type': 'text/plain' })
    response.end('This export has expired. Export again.')
    return
  }

  response.writeHead(200, {
    ...headers,
    'content-type': pending.contentType,
    'content-disposition': contentDisposition(pending.fileName),
  })
  try {
    await pending.write(response)
  } catch (error) {
    // Headers are gone already; cutting the connection makes the browser report a failed download.
    logger.error('export download failed', error)
    response.destroy()
  }
}

export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}
