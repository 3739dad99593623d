import { useEffect, useState } from 'react'
import type { StoryId } from '@shared/story'
import { ExportDialog } from './ExportDialog'
import { exportRequested, houseStyleRequested } from './events'
import { HouseStyleDialog } from './HouseStyleDialog'

interface Props {
  openId: StoryId | null
  onPublished: (ids: StoryId[]) => void
}

/** Where the export feature's dialogs live; App renders it once. Opened through events.ts. */
export function ExportHost({ openId, onPublished }: Props) {
  const [exporting, setExporting] = useState(false)
  const [styling, setStyling] = useState(false)
  useEffect(() => {
    const offExport = exportRequested.on(() => setExporting(true))
    const offStyle = houseStyleRequested.on(() => setStyling(true))
    return () => {
      offExport()
      offStyle()
    }
  }, [])
  return (
    <>
      {exporting && <ExportDialog openId={openId} onClose={() => setExporting(false)} onPublished={onPublished} />}
      {styling && <HouseStyleDialog onClose={() => setStyling(false)} />}
    </>
  )
}
