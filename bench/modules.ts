import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * Import a module other helpers are still writing, or say why it cannot be measured yet. The path
 * is a plain string, so this file compiles whether or not the module is there.
 */
export async function optionalModule<T>(fromRoot: string, root: string): Promise<{ module: T } | { missing: string }> {
  const base = resolve(root, fromRoot)
  if (!['.ts', '.tsx', '/index.ts'].some((ext) => existsSync(base + ext)))
    return { missing: `${fromRoot} is not there yet` }
  try {
    return { module: (await import(base)) as T }
  } catch (error) {
    return { missing: `${fromRoot} could not be loaded: ${(error as Error).message.split('\n')[0]}` }
  }
}
