import { app, session, shell, type WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY, decideNavigation } from './policy'

function openOutside(url: string, openExternally: boolean): void {
  if (openExternally) void shell.openExternal(url)
}

/** Every web contents the app ever creates: no navigation away, no new windows, no webviews. */
function hardenContents(contents: WebContents, devServerOrigin?: string): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    const decision = decideNavigation(url, devServerOrigin)
    if (decision.allow) return
    event.preventDefault()
    openOutside(url, decision.openExternally)
  }
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) guard(event, event.url)
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideNavigation(url, devServerOrigin)
    openOutside(url, !decision.allow && decision.openExternally)
    return { action: 'deny' }
  })
}

/** Call once, before the first window: applies to the default session and every web contents. */
export function installSecurity(devServerOrigin?: string): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, devServerOrigin))
}
