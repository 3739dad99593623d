import { z } from 'zod'

/**
 * An agency's kill or withdrawal: the story must not run (or must come down). NewsML-G2 and ninjs say
 * it with the item's status (canceled, withheld), ANPA, IPTC 7901 and NITF with an advisory
 * ("KILL", "WITHDRAWN", "ELIMINATION"). It is a fact about the story, kept with it and in its
 * history; only a desk head's reason lets the story out after it (docs/preflight.md).
 */
export const killKinds = ['kill', 'withdrawal'] as const
export const killSchema = z.strictObject({
  kind: z.enum(killKinds),
  /** When the notice was filed in the library (UTC). */
  at: z.iso.datetime(),
  /** The agency's words, or what its status said ("pubStatus stat:canceled"). */
  notice: z.string().max(2000),
  agency: z.string().max(100).optional(),
  /** The story the notice itself became, when it was filed as one; absent on the notice's own story. */
  noticeStoryId: z.number().int().positive().optional(),
  /** This story is the notice (the advisory's own text), not the story it kills. */
  isNotice: z.boolean().optional(),
})
export type Kill = z.infer<typeof killSchema>

/** What a banner says: "Killed by AP: …" / "Withdrawn by Reuters: …". */
export function describeKill(kill: Kill): string {
  const verb = kill.kind === 'kill' ? 'Killed' : 'Withdrawn'
  const by = kill.agency ? ` by ${kill.agency}` : ''
  if (kill.isNotice)
    return `This is ${kill.agency ?? 'the agency'}'s ${kill.kind} notice: it must not run. ${kill.notice}`
  return `${verb}${by}: ${kill.notice}`
}
