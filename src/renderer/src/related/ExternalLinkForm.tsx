import { useId, useState, type FormEvent } from 'react'
import { checkExternalLink } from '@shared/related'
import type { RelatedEntry } from '@shared/story'

interface Props {
  onAdd: (entry: RelatedEntry) => void
}

/** A related story on another site: a headline and an http(s) address, checked before it is added. */
export function ExternalLinkForm({ onAdd }: Props) {
  const [headline, setHeadline] = useState('')
  const [url, setUrl] = useState('')
  const [problem, setProblem] = useState<{ field: 'headline' | 'url'; message: string } | null>(null)
  const errorId = useId()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = checkExternalLink(headline, url)
    if (!checked.ok) {
      setProblem({ field: checked.field, message: checked.message })
      return
    }
    onAdd(checked.entry)
    setHeadline('')
    setUrl('')
    setProblem(null)
  }

  const invalid = (field: 'headline' | 'url') =>
    problem?.field === field ? { 'aria-invalid': true, 'aria-describedby': errorId } : {}

  return (
    <form className="related-section related-link-form" aria-label="Add an external link" onSubmit={submit} noValidate>
      <h3>External link</h3>
      <input
        aria-label="Linked page’s title"
        placeholder="Headline readers see"
        value={headline}
        onChange={(e) => setHeadline(e.target.value)}
        {...invalid('headline')}
      />
      <input
        aria-label="Linked page’s web address"
        placeholder="https://…"
        inputMode="url"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        {...invalid('url')}
      />
      <button type="submit">Add link</button>
      {problem && (
        <p id={errorId} className="field-error" role="alert">
          {problem.message}
        </p>
      )}
    </form>
  )
}
