import { isSafeLink } from '@shared/links'

/**
 * Open a story's link outside the app: the system browser, mail or phone app. The window never
 * navigates: Electron's window-open handler (src/main/shell/security.ts) refuses every new window
 * and hands a safe address to the system instead; an unsafe one is dropped here and there.
 */
export function openOutside(url: string): boolean {
  if (!isSafeLink(url)) return false
  window.open(url, '_blank', 'noopener,noreferrer')
  return true
}
