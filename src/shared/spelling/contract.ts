import { z } from 'zod'
import { storyIdSchema } from '../story'
import { dictionaryFileFormats, houseDictionarySchema, houseWordEntrySchema, houseWordSchema } from './house-dictionary'
import { styleEntrySchema } from './style-book'

/** BCP 47, as the house style's language: en-GB, de, fr-CA... */
const languageTagSchema = z
  .string()
  .trim()
  .max(35)
  .refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1
    } catch {
      return false
    }
  }, 'a language tag such as en-GB, en-US or de')
  .transform((tag) => Intl.getCanonicalLocales(tag)[0]!)

/** A story's spelling: the language it is checked in, where that came from, and the words let stand in it. */
export const storySpellingSchema = z.strictObject({
  id: storyIdSchema,
  language: z.string(),
  /** story: set on the story; wire: the imported copy's own; house: the house style's. */
  languageFrom: z.enum(['story', 'wire', 'house']),
  ignored: z.array(z.string()),
})
export type StorySpelling = z.infer<typeof storySpellingSchema>

const wordListSchema = z.array(z.string().trim().min(1).max(100)).max(1000)

/** The spelling channels, spread into the contract. */
export const spellingContract = {
  'dictionary:list': { input: z.strictObject({}), output: houseDictionarySchema },
  'dictionary:add': {
    input: z.strictObject({
      words: z.array(houseWordSchema).min(1).max(1000),
      note: z.string().trim().max(500).optional(),
    }),
    output: z.strictObject({ added: z.number().int() }),
  },
  'dictionary:remove': {
    input: z.strictObject({ word: z.string().max(100) }),
    output: z.strictObject({ removed: z.boolean() }),
  },
  'style-book:put': {
    input: z.strictObject({ entries: z.array(styleEntrySchema).min(1).max(1000) }),
    output: z.strictObject({ added: z.number().int() }),
  },
  'style-book:remove': {
    input: z.strictObject({ form: z.string().max(100) }),
    output: z.strictObject({ removed: z.boolean() }),
  },
  /** A shared list as text (the renderer reads the file the editor picks); merged, never replacing. */
  'dictionary:import': {
    input: z.strictObject({
      name: z.string().max(300),
      text: z.string().max(20 * 1024 * 1024),
      format: z.enum(dictionaryFileFormats).optional(),
    }),
    output: z.strictObject({ words: z.number().int(), entries: z.number().int() }),
  },
  'dictionary:export': {
    input: z.strictObject({ format: z.enum(dictionaryFileFormats) }),
    output: z.strictObject({ text: z.string() }),
  },
  'spelling:story': { input: z.strictObject({ id: storyIdSchema }), output: storySpellingSchema },
  'spelling:story-set': {
    input: z.strictObject({
      id: storyIdSchema,
      language: languageTagSchema.nullable().optional(),
      ignore: wordListSchema.optional(),
      unignore: wordListSchema.optional(),
    }),
    output: storySpellingSchema,
  },
  /** Names the library holds in several stories, offered as suggestions. */
  'spelling:names': { input: z.strictObject({}), output: z.strictObject({ names: z.array(z.string()) }) },
}

export { houseWordEntrySchema }
