import { useEffect, useSyncExternalStore } from 'react'
import { MAX_COMMENT_AUTHOR } from '@shared/limits'
import { invoke } from '../app/client'

/**
 * The name this editor's comments are signed with: what they wrote in the Notes panel (kept on this
 * computer), else the computer's user name (main's `comments:author`).
 */
const KEY = 'copydesk.commentAuthor'
let osName = ''
let asked = false
const listeners = new Set<() => void>()

function own(): string {
  try {
    return localStorage.getItem(KEY) ?? ''
  } catch {
    return ''
  }
}

export function commentAuthorNow(): string {
  return own().trim() || osName || 'Desk'
}

export function setCommentAuthor(name: string): void {
  const trimmed = name.slice(0, MAX_COMMENT_AUTHOR)
  try {
    if (trimmed.trim()) localStorage.setItem(KEY, trimmed)
    else localStorage.removeItem(KEY)
  } catch {
    // Storage refused (private mode): the name lasts as long as the page.
  }
  listeners.forEach((l) => l())
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Ask main for the computer's user name, once a page: before the first comment is signed. */
export function askCommentAuthor(): void {
  if (asked) return
  asked = true
  invoke('comments:author', {})
    .then(({ name }) => {
      osName = name
      listeners.forEach((l) => l())
    })
    .catch(() => undefined)
}

/** The name, updated when the editor changes it. */
export function useCommentAuthor(): { name: string; own: string } {
  useEffect(askCommentAuthor, [])
  const name = useSyncExternalStore(subscribe, commentAuthorNow)
  const typed = useSyncExternalStore(subscribe, own)
  return { name, own: typed }
}
