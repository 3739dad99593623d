import { safeStorage } from 'electron'
import type { TokenSeal } from '../library/desk/token-store'

/**
 * The OS keychain's encrypt/decrypt pair for the desk's sign-in token (Keychain on macOS, DPAPI on
 * Windows, the secret service on Linux), handed to the library, which never imports Electron.
 * Undefined where the system has none: on Linux without a secret service safeStorage falls back
 * to a fixed key ("basic_text"), which hides nothing, so the token goes to the 0600 file instead.
 */
export function keychainSeal(): TokenSeal | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined
  return {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  }
}
