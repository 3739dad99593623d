import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bodyFromParagraphs } from '@shared/body'
import { bodyToText } from '@shared/body-text'
import { applyToDoc, bodyFromDoc, docFromStory, storyFromDoc } from '@shared/desk/story-doc'
import { EditorBases } from './editor-bases'

/** A colleague's doc in step with ours, editing and sending its update across. */
function colleagueWrites(doc: Y.Doc, paragraphs: string[], field?: { headline: string }) {
  const theirs = new Y.Doc()
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(doc))
  const before = Y.encodeStateVector(theirs)
  applyToDoc(theirs, { body: bodyFromParagraphs(paragraphs), ...field }, 'bob')
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(theirs, before), 'remote')
}

const text = (doc: Y.Doc) => bodyToText(bodyFromDoc(doc))

describe("the window editor's saves on a shared story", () => {
  it("keep a colleague's words that arrived after the editor's base, in the same paragraph and others", () => {
    const doc = docFromStory(
      { headline: 'Bridge closes', body: bodyFromParagraphs(['The bridge will close.', 'Ferries run.']) },
      'ann',
    )
    const bases = new EditorBases()
    const base = bases.remember(1, doc)
    colleagueWrites(doc, ['The bridge will close on Monday.', 'Ferries run. Buses too.'])

    // Ann never saw Bob's words: her save is the body as her screen has it, plus her own words.
    const result = bases.apply(
      1,
      base,
      doc,
      { body: bodyFromParagraphs(['Sadly, the bridge will close.', 'Ferries run.']) },
      'ann',
      'editor',
    )
    expect(result).not.toBeNull()
    expect(text(doc)).toContain('Sadly, the bridge will close on Monday.')
    expect(text(doc)).toContain('Ferries run. Buses too.')
    // Carrying on from what she sent (she typed meanwhile) adds words once, never twice.
    bases.apply(
      1,
      result!.sent,
      doc,
      { body: bodyFromParagraphs(['Sadly, the bridge will close. Ann.', 'Ferries run.']) },
      'ann',
      'editor',
    )
    expect(text(doc).match(/Sadly/g)).toHaveLength(1)
    expect(text(doc)).toContain('close on Monday. Ann.')
    expect(text(doc)).toContain('Buses too.')
  })

  it('apply straight to the doc when nothing arrived since the base, and the merged base carries on', () => {
    const doc = docFromStory({ headline: 'A', body: bodyFromParagraphs(['One.']) }, 'ann')
    const bases = new EditorBases()
    const first = bases.apply(1, bases.remember(1, doc), doc, { headline: 'B' }, 'ann', 'editor')!
    expect(first.sent).toBe(first.merged)
    expect(storyFromDoc(doc).headline).toBe('B')
    colleagueWrites(doc, ['One. Two.'], { headline: 'B' })
    bases.apply(1, first.merged, doc, { body: bodyFromParagraphs(['Zero. One.']) }, 'ann', 'editor')
    expect(text(doc)).toContain('Zero. One. Two.')
  })

  it("refuse a base it does not know, or another story's, rather than guess", () => {
    const doc = docFromStory({ headline: 'A', body: bodyFromParagraphs(['One.']) }, 'ann')
    const bases = new EditorBases()
    const base = bases.remember(1, doc)
    expect(bases.apply(2, base, doc, { headline: 'B' }, 'ann', 'editor')).toBeNull()
    expect(bases.apply(1, base + 100, doc, { headline: 'B' }, 'ann', 'editor')).toBeNull()
    expect(storyFromDoc(doc).headline).toBe('A')
  })
})
