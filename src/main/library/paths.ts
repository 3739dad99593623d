import { homedir } from 'node:os'
import { join } from 'node:path'

/** Where Electron's app.getPath('userData') puts an app named Copydesk, so CLI and app agree. */
export function defaultUserDataDir(platform = process.platform, env = process.env, home = homedir()): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Copydesk')
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Copydesk')
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Copydesk')
}

export function defaultLibraryPath(userDataDir = defaultUserDataDir()): string {
  return join(userDataDir, 'library.sqlite')
}

/** --library PATH wins, then COPYDESK_LIBRARY, then library.sqlite in the user-data folder. */
export function resolveLibraryPath(
  options: { flag?: string; env?: NodeJS.ProcessEnv; userDataDir?: string } = {},
): string {
  const env = options.env ?? process.env
  return (
    options.flag ||
    env.COPYDESK_LIBRARY ||
    defaultLibraryPath(options.userDataDir ?? defaultUserDataDir(process.platform, env))
  )
}
