/**
 * The Hunspell dictionaries Copydesk ships (npm packages, installed with the app: nothing is
 * fetched at run time). A story's language tag picks one: en-GB, en-US, de-AT, fr-CA, es-MX, sv-FI...
 */
export const dictionaryIds = ['en-GB', 'en-US', 'de', 'fr', 'es', 'sv'] as const
export type DictionaryId = (typeof dictionaryIds)[number]

/** The npm package that holds each dictionary's index.aff and index.dic. */
export const dictionaryPackages: Record<DictionaryId, string> = {
  'en-GB': 'dictionary-en-gb',
  'en-US': 'dictionary-en',
  de: 'dictionary-de',
  fr: 'dictionary-fr',
  es: 'dictionary-es',
  sv: 'dictionary-sv',
}

export const dictionaryNames: Record<DictionaryId, string> = {
  'en-GB': 'English (UK)',
  'en-US': 'English (US)',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  sv: 'Swedish',
}

/**
 * The dictionary for a language tag, or null when none is bundled (the story is then not checked
 * for spelling, rather than checked against the wrong language). English other than American
 * spells the British way (en-AU, en-IE, en-IN ...).
 */
export function dictionaryFor(tag: string | null | undefined): DictionaryId | null {
  if (!tag) return null
  const [language, ...rest] = tag.trim().replace(/_/g, '-').toLowerCase().split('-')
  if (language === 'en') return rest[0] === 'us' ? 'en-US' : 'en-GB'
  for (const id of dictionaryIds) if (id === language) return id
  return null
}
