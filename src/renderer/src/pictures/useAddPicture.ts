import { useState } from 'react'
import type { MediaAdded } from '@shared/media'
import type { Adding } from './AddingProgress'
import { whileAdding } from './in-flight'
import { storePicture } from './store'

/**
 * One picture at a time into the library, for a panel or figure: how far it has got while it is
 * added, and the refusal to show if it is not. putInPlace gets the stored picture.
 */
export function useAddPicture(putInPlace: (added: MediaAdded) => void) {
  const [error, setError] = useState<string | null>(null)
  const [adding, setAdding] = useState<Adding | null>(null)

  const addOne = async (chosen: File) => {
    setError(null)
    setAdding({ name: chosen.name, sent: 0, size: chosen.size })
    try {
      putInPlace(await storePicture(chosen, setAdding))
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setAdding(null)
    }
  }

  const add = (chosen: File | undefined) => (chosen ? whileAdding(addOne(chosen)) : Promise.resolve())

  return { add, adding, error }
}
