import { useEffect, useState } from 'react'
import { defaultCheckOptions, runChecks, type CheckOptions, type Finding } from '../../../shared/checks'
import { invoke } from '../app/client'
import { readBody } from '../editor/BodyEditor'
import type { StoryPanelProps } from '../story/panel-props'
import { FindingList } from './FindingList'
import { goToFinding } from './goto'

/** A pause this long in typing runs the checks again: live, yet never in the way of a keystroke. */
const CHECK_DELAY_MS = 250

/**
 * The Checks panel: the copy-desk checks run here, in the renderer, on the story as it stands in
 * the editor (saved or not), the same code the CLI and the api run.
 */
export function ChecksPanel({ fields, editor }: StoryPanelProps) {
  const [options, setOptions] = useState<CheckOptions>(defaultCheckOptions)
  const [bodyVersion, setBodyVersion] = useState(0)
  const [findings, setFindings] = useState<Finding[] | null>(null)

  useEffect(() => {
    let current = true
    invoke('checks:options', {})
      .then((stored) => current && setOptions(stored))
      // Without the house settings the defaults still check everything else.
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [])

  useEffect(() => {
    const body = editor.current
    if (!body) return
    return body.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size || dirtyLeaves.size) setBodyVersion((v) => v + 1)
    })
  }, [editor])

  useEffect(() => {
    const timer = setTimeout(() => {
      const body = readBody(editor.current)
      if (body) setFindings(runChecks({ ...fields, body }, options))
    }, CHECK_DELAY_MS)
    return () => clearTimeout(timer)
  }, [fields, bodyVersion, options, editor])

  if (!findings) return <p className="loading">Checking…</p>
  const errors = findings.filter((f) => f.severity === 'error').length
  return (
    <div className="checks-panel">
      <p className="checks-summary" aria-live="polite">
        {findings.length === 0
          ? 'No findings: nothing for the desk to fix.'
          : `${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}${errors ? `, ${errors} ${errors === 1 ? 'error' : 'errors'}` : ''}`}
      </p>
      <FindingList findings={findings} onChoose={(finding) => goToFinding(finding, editor.current)} />
    </div>
  )
}
