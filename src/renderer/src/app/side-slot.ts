import { createContext } from 'react'

/**
 * Where the open story's side panels are drawn: a place of their own at the top level of the
 * page (so the Story tools are a landmark beside <main>, not inside it), a column of the app grid.
 */
export const SideSlot = createContext<HTMLElement | null>(null)
