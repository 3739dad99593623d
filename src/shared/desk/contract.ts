import { z } from 'zod'
import { storyFieldsSchema, storyIdSchema, storySchema, storyStatusSchema } from '../story'

/**
 * The window's side of the desk (docs/team.md). The password goes to main once, on sign-in, and
 * is never kept; the token stays in main: nothing here carries it back.
 */
export const deskStatusSchema = z.strictObject({
  joined: z.boolean(),
  url: z.string().nullable(),
  user: z.string().nullable(),
  desk: z.string().nullable(),
  /** Holds a sign-in: false once signed out (the shared stories stay here; edits wait). */
  signedIn: z.boolean(),
  /** Connected to the desk server right now. */
  online: z.boolean(),
  /** The editor chose to work offline (the switch), as opposed to the network being away. */
  workingOffline: z.boolean(),
  /** This editor's changes not yet stored by the desk (in PostgreSQL). */
  waiting: z.number().int().nonnegative(),
  /** Why the server refused this editor (a token that expired, a user disabled), or null. */
  refused: z.string().nullable(),
})
export type DeskStatus = z.infer<typeof deskStatusSchema>

/** Pushed to the window: shared stories that changed from elsewhere, and the desk's status. */
export const deskNewsSchema = z.strictObject({
  storyIds: z.array(storyIdSchema),
  status: deskStatusSchema,
})
export type DeskNews = z.infer<typeof deskNewsSchema>

const personSchema = z
  .string()
  .trim()
  .min(1, 'name a colleague')
  .max(100)
  .regex(/^[^\s]+$/, 'a desk user name has no spaces')

export const deskJoinInputSchema = z.strictObject({
  url: z.string().trim().min(1, 'type the desk server address').max(500),
  name: personSchema,
  password: z.string().min(1, 'type your password').max(500),
  /** Plain http to a machine other than this one, allowed by the editor in so many words. */
  allowInsecure: z.boolean().default(false),
})

/** A shared story's desk details, shown in the list and the story bar. */
export const deskDetailsSchema = z.strictObject({
  owner: z.string(),
  assignee: z.string().nullable(),
  desk: z.string(),
})
export type DeskDetails = z.infer<typeof deskDetailsSchema>

export const deskOpenOutputSchema = z.strictObject({
  story: storySchema,
  /** Null for a story that is not shared: it saves through story:save as always. */
  desk: deskDetailsSchema.nullable(),
  /** What the editor's next desk:edit is made on; null when not shared. */
  base: z.number().int().positive().nullable(),
})

export const deskEditInputSchema = z.strictObject({
  id: storyIdSchema,
  base: z.number().int().positive(),
  changes: storyFieldsSchema.partial(),
})
export const deskEditOutputSchema = z.strictObject({
  /** The story as merged with everyone's changes. */
  story: storySchema,
  /** The base for carrying on from what was sent (the editor typed meanwhile). */
  sent: z.number().int().positive(),
  /** The base for carrying on from the merged story (the editor took it in). */
  merged: z.number().int().positive(),
})

export const deskHandToInputSchema = z.strictObject({
  id: storyIdSchema,
  /** A colleague's desk user name, or null: back to the desk. */
  assignee: personSchema.nullable(),
  status: storyStatusSchema,
})

export const deskSignOutOutputSchema = z.strictObject({
  status: deskStatusSchema,
  /** Changes that were still waiting (kept here; they go up at the next sign-in). */
  waiting: z.number().int().nonnegative(),
  /** The desk forgot the sign-in (false when it could not be reached: the token then expires there). */
  revoked: z.boolean(),
})

export const deskContract = {
  /** Whether this library has joined a desk, and the connection as it is now. */
  'desk:status': { input: z.strictObject({}), output: deskStatusSchema },
  /** Sign in to a desk server; the password is used once and not kept. */
  'desk:join': { input: deskJoinInputSchema, output: deskStatusSchema },
  /** The editor's switch: work offline (changes wait) or go back online. */
  'desk:online': { input: z.strictObject({ online: z.boolean() }), output: deskStatusSchema },
  /**
   * Sign out: the desk revokes the sign-in, shared stories stay readable here. Refused (conflict,
   * with the count) while changes wait to go up, unless `anyway`.
   */
  'desk:sign-out': {
    input: z.strictObject({ anyway: z.boolean().default(false) }),
    output: deskSignOutOutputSchema,
  },
  /** Bring the library up to date with the desk's change feed now; how many stories changed. */
  'desk:sync': { input: z.strictObject({}), output: z.strictObject({ changed: z.number().int().nonnegative() }) },
  /** Put a local story on the desk (it keeps its id here); its desk details. */
  'desk:share': { input: z.strictObject({ id: storyIdSchema }), output: deskDetailsSchema },
  /** Hand a shared story to a colleague (or back to the desk) at a status. */
  'desk:hand-to': { input: deskHandToInputSchema, output: storySchema },
  /** Open a story for editing: shared ones come with the base their edits are made on. */
  'desk:open': { input: z.strictObject({ id: storyIdSchema }), output: deskOpenOutputSchema },
  /** An editor's changes to a shared story, made on a base: merged with everyone's, never refused. */
  'desk:edit': { input: deskEditInputSchema, output: deskEditOutputSchema },
} as const
