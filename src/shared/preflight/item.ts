import { z } from 'zod'
import { findingWhereSchema } from '../checks/finding'
import { storyIdSchema } from '../story'

/**
 * One line of the publish preflight: what export and "published" show first. A blocking item holds
 * the story until it is fixed or overridden with a reason (kept in the history); a warning is shown
 * and lets the story go.
 */
export const preflightLevels = ['blocking', 'warning'] as const
export const preflightLevelSchema = z.enum(preflightLevels)
export type PreflightLevel = z.infer<typeof preflightLevelSchema>

export const preflightItemSchema = z.strictObject({
  rule: z.string(),
  level: preflightLevelSchema,
  message: z.string(),
  /** Where in the story, when it is a place in the copy (goes there like a Checks finding). */
  where: findingWhereSchema.optional(),
  /** Only a desk head's reason lets the story past this one (a kill or withdrawal). */
  deskHead: z.boolean().optional(),
})
export type PreflightItem = z.infer<typeof preflightItemSchema>

export const preflightSchema = z.strictObject({
  id: storyIdSchema,
  items: z.array(preflightItemSchema),
})
export type Preflight = z.infer<typeof preflightSchema>

/**
 * Letting a story past its blocking items: the editor's reason, kept in the history with what it
 * overrode. Copydesk has no local accounts or roles, so "the desk head" is whoever gives a name in
 * `deskHead`: a kill or withdrawal cannot be overridden without one, and the history keeps it.
 */
export const overrideSchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(5, 'say why the story should go anyway (at least 5 characters)')
    .max(1000, 'a reason is at most 1,000 characters'),
  deskHead: z.string().trim().max(200).optional(),
})
export type Override = z.infer<typeof overrideSchema>

export const blockingItems = (items: readonly PreflightItem[]) => items.filter((i) => i.level === 'blocking')

/**
 * Whether an override lets these items through, or why not: a reason for every blocking item, and a
 * desk head's name as well when one of them is a kill.
 */
export function overrideProblem(items: readonly PreflightItem[], override: Override | undefined): string | undefined {
  const blocking = blockingItems(items)
  if (!blocking.length) return undefined
  const named = blocking.map((i) => i.message).join('; ')
  if (!override) return `held by the preflight: ${named}`
  if (blocking.some((i) => i.deskHead) && !override.deskHead?.trim()) {
    return `held by the preflight: ${named}. A killed or withdrawn story goes only with a desk head's name and reason`
  }
  return undefined
}

/** What the history keeps of an override: what it let through, why, and who said so. */
export function overrideNote(items: readonly PreflightItem[], override: Override): string {
  const over = blockingItems(items)
    .map((i) => i.message)
    .join('; ')
  const who = override.deskHead?.trim() ? ` (desk head: ${override.deskHead.trim()})` : ''
  return `Overrode: ${over}. Reason: ${override.reason.trim()}${who}`.slice(0, 4000)
}
