import { ipcMain } from 'electron'
import { apiChannels } from '../../shared/channels'
import { contract } from '../../shared/contract'
import { ApiError, invalidInput } from '../../shared/errors'
import { dispatch } from '../api'
import type { Library } from '../library'
import type { FlushCoordinator } from './flush'
import { isTrustedSender } from './policy'
import { registerDialogs } from './dialogs'

function refuse(channel: string) {
  return {
    ok: false as const,
    error: new ApiError(
      'invalid-input',
      `${channel}: refused, the call did not come from Copydesk's own page`,
    ).toShape(),
  }
}

/** Each channel: the sender is checked, then the input validated (inside dispatch), then the api runs. */
export function registerIpc(library: Library, flush: FlushCoordinator, devServerOrigin?: string): void {
  for (const channel of apiChannels) {
    ipcMain.handle(channel, (event, input: unknown) =>
      isTrustedSender(event.senderFrame, devServerOrigin) ? dispatch(library, channel, input) : refuse(channel),
    )
  }
  const flushReplies = {
    'app:flushed': (token: string) => flush.acknowledge(token),
    'app:flush-working': (token: string) => flush.working(token),
  } as const
  for (const [channel, take] of Object.entries(flushReplies) as [keyof typeof flushReplies, (token: string) => void][])
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, devServerOrigin)) return refuse(channel)
      const parsed = contract[channel].input.safeParse(input)
      if (!parsed.success)
        return { ok: false, error: invalidInput(`${channel} was given bad input`, parsed.error).toShape() }
      take(parsed.data.token)
      return { ok: true, value: {} }
    })
  registerDialogs(devServerOrigin)
}
