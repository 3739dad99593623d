import { useEffect, useState } from 'react'
import { defaultCheckOptions, type CheckOptions, type Finding } from '@shared/checks'
import { checkOffPage } from './run-checks'
import { invoke } from '../app/client'
import { readBody } from '../editor/BodyEditor'
import type { StoryPanelProps } from '../story/panel-props'
import { FindingList } from './FindingList'
import { goToFinding } from './goto'
import { houseFindingsNow, useHouseVersion } from '../spelling/house-findings'
import { spellingActions, useSpellingSnapshot } from '../spelling/snapshot'
import { applyReplacement } from '../spelling/fix'
import { LiveRegion } from '../app/LiveRegion'
import { houseStyleChanged } from '../export/events'

/** A pause this long in typing runs the checks again: live, yet never in the way of a keystroke. */
const CHECK_DELAY_MS = 250

/**
 * The Checks panel: the copy-desk checks run in the renderer (in a worker), on the story as it
 * stands in the editor (saved or not), the same code the CLI and the api run.
 */
export function ChecksPanel({ fields, editor }: StoryPanelProps) {
  const [options, setOptions] = useState<CheckOptions>(defaultCheckOptions)
  const [bodyVersion, setBodyVersion] = useState(0)
  const [findings, setFindings] = useState<Finding[] | null>(null)
  const spelt = useSpellingSnapshot()
  const house = useHouseVersion()

  useEffect(() => {
    let current = true
    const load = () =>
      invoke('checks:options', {})
        .then((stored) => current && setOptions(stored))
        // Without the house settings the defaults still check everything else.
        .catch(() => undefined)
    void load()
    // Typography turned off in the House style dialog stops the straight-quotes check at once.
    const unsubscribe = houseStyleChanged.on(() => void load())
    return () => {
      current = false
      unsubscribe()
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
    let current = true
    const timer = setTimeout(() => {
      const body = readBody(editor.current)
      if (!body) return
      const story = { ...fields, body }
      // The story's language (spelling's, the one answer) sets the quotes; the house's until it is read.
      const language = spelt?.settings?.language ?? options.language
      // The copy-desk checks in a worker (run-checks.ts): a long story never holds the page.
      void checkOffPage(story, { ...options, language }).then((checked) => {
        // Spelling and the style book come after the copy-desk checks, in reading order among themselves.
        if (current && checked) setFindings([...checked, ...houseFindingsNow(story, spelt)])
      })
    }, CHECK_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [fields, bodyVersion, options, editor, spelt, house])

  if (!findings) return <p className="loading">Checking…</p>
  const errors = findings.filter((f) => f.severity === 'error').length
  const summary =
    findings.length === 0
      ? 'No findings: nothing for the desk to fix.'
      : `${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}${errors ? `, ${errors} ${errors === 1 ? 'error' : 'errors'}` : ''}`
  return (
    <div className="checks-panel">
      <p className="checks-summary">{summary}</p>
      {/* The count changes as the editor types: said once typing pauses, and only when it changed. */}
      <LiveRegion message={summary} settle={1500} />
      <FindingList
        findings={findings}
        onChoose={(finding) => goToFinding(finding, editor.current)}
        onFix={(finding) => {
          if (finding.fix) applyReplacement(editor.current, finding.where, finding.excerpt, finding.fix.replacement)
          else spellingActions()?.openAt(finding.where, finding.excerpt)
        }}
      />
    </div>
  )
}
