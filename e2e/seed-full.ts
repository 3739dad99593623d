import { call } from '../src/main/api'
import type { Library } from '../src/main/library'
import { bodyOf, headingNode, listNode, paragraphNode, textNode, type BlockNode } from '../src/shared/body'
import { seedDesk } from './seed'

const THREAD = 'flood-figure'

/** A paragraph with some of its words under a comment thread (Lexical's mark node). */
function commentedParagraph(before: string, marked: string, after: string): BlockNode {
  const plain = paragraphNode('')
  return {
    ...plain,
    children: [
      textNode(before),
      { type: 'mark', ids: [THREAD], children: [textNode(marked)], direction: null, format: '', indent: 0, version: 1 },
      textNode(after),
    ],
  } as BlockNode
}

/**
 * seedDesk's filled story made as full as a desk's story gets: keywords, an embargo counting down,
 * the agency's note and the desk's own, a comment thread, a longer body, and a second revision for
 * History. What the screens tour and the "body in sight" layout test open.
 */
export function seedFullStory(library: Library) {
  const story = seedDesk(library)
  const at = new Date(Date.now() + (3 * 60 + 20) * 60_000).toISOString()
  const body = bodyOf([
    commentedParagraph(
      'The river Ouse ',
      'peaked at 4.9 metres',
      ' before dawn on Tuesday, and the city’s new barriers held, the Environment Agency said.',
    ),
    paragraphNode('Mr said about 300 homes in the Clementhorpe and Skeldergate areas were evacuated on Sunday.'),
    paragraphNode(
      'Engineers spent the night pumping water from behind the Foss barrier, which was rebuilt after the floods of 2015 at a cost of £38m.',
    ),
    headingNode('What happens next'),
    listNode('bullet', ['Sandbags stay in place until at least Friday', 'Two schools reopen on Monday']),
    paragraphNode(
      '“We built these defences for exactly this kind of week,” said the agency’s area manager, who asked residents to keep away from the riverside paths.',
    ),
    paragraphNode('Insurers said claims would be far lower than after the last flood, when 600 properties were hit.'),
  ])
  const root = body.root as { $?: unknown }
  root.$ = {
    comments: [
      {
        id: THREAD,
        quote: 'peaked at 4.9 metres',
        comments: [
          {
            id: 'c1',
            author: 'Night desk',
            text: 'Check the figure with the EA press office',
            at: new Date().toISOString(),
          },
        ],
      },
    ],
  }
  return call(library, 'story:save', {
    id: story.id,
    expectedRevision: story.revision,
    reason: 'autosave',
    changes: {
      keywords: ['floods', 'York', 'weather'],
      embargo: { at, zone: 'Europe/London', from: 'desk' },
      editorNote: 'Eds: pictures to follow from the Ouse Bridge at 0700.',
      deskNote: 'Hold for the 8am bulletin; lawyers have seen the second paragraph.',
      body,
    },
  })
}
