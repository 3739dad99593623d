import { useEffect, useMemo, useState } from 'react'
import type { HouseStyle } from '@shared/settings'
import { typographyRules, type TypographyRules } from '@shared/typography'
import { invoke } from '../app/client'
import { houseStyleChanged } from '../export/events'
import { useSpellingSnapshot } from '../spelling/snapshot'

/**
 * The typography rules for the open story, or null when the house has turned typography off. The
 * language is the story's as spelling has it (`spelling:story`: the editor's choice, the wire
 * copy's, else the house's), so changing the spelling language changes the quotes too.
 */
export function useTypographyRules(storyId: number | null): TypographyRules | null {
  const [house, setHouse] = useState<HouseStyle | null>(null)
  const [loaded, setLoaded] = useState<{ storyId: number; language: string } | null>(null)
  const spelt = useSpellingSnapshot()

  useEffect(() => {
    let current = true
    invoke('settings:get', {})
      .then((style) => current && setHouse(style))
      .catch(() => undefined)
    const unsubscribe = houseStyleChanged.on((style) => setHouse(style))
    return () => {
      current = false
      unsubscribe()
    }
  }, [])

  useEffect(() => {
    // A new story's draft has no id yet: the house's language until the library has made it.
    if (storyId === null) return
    let current = true
    invoke('spelling:story', { id: storyId })
      .then((spelling) => current && setLoaded({ storyId, language: spelling.language }))
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [storyId])

  const fromSpelling = spelt?.storyId === storyId ? spelt.settings?.language : undefined
  const language = fromSpelling ?? (loaded?.storyId === storyId ? loaded.language : undefined)
  return useMemo(
    () => (house?.typography ? typographyRules(language ?? house.language, house.dash, house.language) : null),
    [house, language],
  )
}
