import { describeEmbargo, embargoHolds, timeLeft, type Embargo } from '@shared/embargo'
import { useNow } from './useNow'

/** "Embargoed until 12:00 Europe/London …, 3 h 05 min to go", while the embargo holds; nothing after. */
export function EmbargoBadge({ embargo, compact = false }: { embargo: Embargo | null | undefined; compact?: boolean }) {
  const now = useNow()
  if (!embargo || !embargoHolds(embargo, now)) return null
  const left = timeLeft(embargo, now)
  const until = describeEmbargo(embargo)
  return (
    <span className="embargo-badge" title={`Embargoed until ${until}`}>
      {compact ? 'Embargo' : `Embargoed until ${until}`}
      {left ? ` · ${left} to go` : ''}
    </span>
  )
}
