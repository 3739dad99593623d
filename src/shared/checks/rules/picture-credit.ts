import type { Finding } from '../finding'
import { pictureLabel, picturesOf, type PlacedPicture } from '../pictures'
import { finding, type Rule } from '../rule'

const ID = 'picture-credit'

/** A caption that already carries a credit line ("Picture: PA", "… (Gareth Fuller/PA)") besides the credit field. */
function creditedInCaption({ caption, credit }: PlacedPicture['picture']): boolean {
  const text = caption.trim()
  if (/\b(?:Picture|Photo|Photograph|Image)\s*:\s*\S/i.test(text)) return true
  const given = credit.trim().toLowerCase()
  return (
    given.length > 0 &&
    text
      .replace(/[\s.)]+$/u, '')
      .toLowerCase()
      .endsWith(given)
  )
}

/** Every picture needs a credit, given once: in the credit field, not in the caption as well. */
export const pictureCredit: Rule = {
  id: ID,
  describe: 'A picture with no credit, or with its credit in the caption as well.',
  check({ story }) {
    const findings: Finding[] = []
    for (const placed of picturesOf(story)) {
      if (!placed.picture.credit.trim()) {
        findings.push(finding(ID, 'error', `${placed.name} has no credit.`, pictureLabel(placed), placed.where))
      } else if (creditedInCaption(placed.picture)) {
        const message = `${placed.name} is credited twice: in the caption and in the credit.`
        findings.push(finding(ID, 'warning', message, pictureLabel(placed), placed.where))
      }
    }
    return findings
  },
}
