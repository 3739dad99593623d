import type { Channel, Input, Output } from '@shared/contract'
import { ApiError } from '@shared/errors'

/** Call main through window.copydesk and unwrap the reply; failures arrive as ApiError. */
export async function invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const reply = await window.copydesk.invoke(channel, input)
  if (!reply.ok) throw ApiError.fromShape(reply.error)
  return reply.value
}
