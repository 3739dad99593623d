import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { Library } from '../index'
import { prepared } from '../open'
import { readLink, writeLink } from './store'

/**
 * The desk's sign-in token at rest (docs/team.md, "The token at rest"). The token opens every
 * shared story of the editor's desk for a week, so it is not kept in the library file in plain:
 *
 * - In the app, sealed by the OS keychain through Electron's safeStorage (the shell hands the
 *   library an encrypt/decrypt pair, `Library.seal`; this folder never imports Electron) and kept
 *   sealed in the library's desk_link.
 * - Where there is no keychain (the command line in plain Node, the e2e bridge, a Linux session
 *   with no secret service), in a file beside the library readable only by this user (0600).
 *
 * The command line cannot open the app's sealed token: it signs in for itself
 * (`copydesk desk join`) and keeps its token in the 0600 file, which the app can read too.
 */
export interface TokenSeal {
  encrypt(plain: string): Buffer
  decrypt(sealed: Buffer): string
}

const SEALED = 'tokenSealed'
const LEGACY = 'token'

/** The 0600 file beside the library where a token is kept when nothing can seal it. */
export function tokenFileOf(library: Pick<Library, 'file'>): string {
  return `${library.file}.desk-token`
}

/** Keep a fresh token: sealed when the library has a seal, else in the 0600 file. Says where. */
export function keepToken(library: Library, token: string): 'keychain' | 'file' {
  if (library.seal) {
    writeLink(library.db, SEALED, library.seal.encrypt(token).toString('base64'))
    return 'keychain'
  }
  const file = tokenFileOf(library)
  writeFileSync(file, token, { mode: 0o600 })
  // A file left from before keeps its old mode through writeFileSync: make it the user's alone.
  chmodSync(file, 0o600)
  return 'file'
}

function fromFile(library: Library): string | null {
  const file = tokenFileOf(library)
  if (!existsSync(file)) return null
  const token = readFileSync(file, 'utf8').trim()
  return token || null
}

/**
 * The token this library signs in with, or null (signed out, or sealed by a keychain this process
 * cannot open). A token kept in plain by an older version is moved to where it belongs now.
 */
export function readToken(library: Library): string | null {
  const legacy = readLink(library.db, LEGACY)
  if (legacy) {
    keepToken(library, legacy)
    prepared(library.db, 'DELETE FROM desk_link WHERE key = ?').run(LEGACY)
  }
  const sealed = readLink(library.db, SEALED)
  if (sealed && library.seal) {
    try {
      return library.seal.decrypt(Buffer.from(sealed, 'base64'))
    } catch {
      // The keychain changed (another OS user, a reinstalled system): the editor signs in again.
    }
  }
  return fromFile(library)
}

/** Whether the app holds a sealed token this process cannot open (what the command line says). */
export function sealedElsewhere(library: Library): boolean {
  return !library.seal && readLink(library.db, SEALED) !== undefined && fromFile(library) === null
}

/** Every token this library holds (to revoke them at sign-out), then forget them all. */
export function forgetTokens(library: Library): string[] {
  const tokens = [readToken(library)].filter((t): t is string => t !== null)
  const file = fromFile(library)
  if (file && !tokens.includes(file)) tokens.push(file)
  prepared(library.db, 'DELETE FROM desk_link WHERE key IN (?, ?)').run(SEALED, LEGACY)
  rmSync(tokenFileOf(library), { force: true })
  return tokens
}
