import type { HouseStyle } from '@shared/settings'
import { signal } from '../app/signal'

/* The export feature's parts (menu, panel, dialogs) reach each other through these. */

/** Open the Export dialog (File > Export HTML…, the Preview panel's button). */
export const exportRequested = signal()
/** Open the House style dialog. */
export const houseStyleRequested = signal()
/** The house style was saved: previews render again. */
export const houseStyleChanged = signal<HouseStyle>()
