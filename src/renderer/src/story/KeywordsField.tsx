import { useState } from 'react'

/** Keywords as typed ("storm, ferries, Dover"): trimmed, empty ones and repeats left out. */
export function keywordsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  ]
}

/**
 * The story's publishing keywords (the page's keywords and article:tag, ninjs subjects), with the
 * story's other fields: the editor sets them where they write, not only in the Preview.
 */
export function KeywordsField({ keywords, onChange }: { keywords: string[]; onChange: (keywords: string[]) => void }) {
  // The text as typed (a trailing comma, a space) stays while the editor types; the list is what is saved.
  const [text, setText] = useState(() => keywords.join(', '))
  return (
    <label className="keywords">
      Keywords (SEO)
      <input
        aria-label="Keywords"
        value={text}
        placeholder="storm, ferries, Dover"
        onChange={(e) => {
          setText(e.target.value)
          onChange(keywordsOf(e.target.value))
        }}
      />
    </label>
  )
}
