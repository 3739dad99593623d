import { MARK_END, MARK_START } from '@shared/contract'

/** Text with search matches between the library's marker characters, shown as <mark>: never as HTML. */
export function Marked({ text }: { text: string }) {
  const parts: React.ReactNode[] = []
  let rest = text
  let key = 0
  while (rest) {
    const start = rest.indexOf(MARK_START)
    if (start < 0) break
    const end = rest.indexOf(MARK_END, start)
    if (end < 0) break
    if (start > 0) parts.push(rest.slice(0, start))
    parts.push(<mark key={key++}>{rest.slice(start + 1, end)}</mark>)
    rest = rest.slice(end + 1)
  }
  if (rest) parts.push(rest.replaceAll(MARK_START, '').replaceAll(MARK_END, ''))
  return <>{parts}</>
}
