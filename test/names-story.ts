import { bodyFromParagraphs, type Body } from '../src/shared/body'

const letters = 'abcdefghijklmnopqrstuvwxyz'

/**
 * A body of about `bytes` characters full of names one letter apart (Kalaaski, Kalbaski, …, each
 * also as Kal…skia): the worst case for the name-variants check (issue 24, item 1). Four
 * sentences a paragraph, so even 2 MB stays within the blocks-per-story limit and can be saved.
 */
export function namesBody(bytes: number): Body {
  const paragraphs: string[] = []
  const sentences: string[] = []
  let total = 0
  for (let i = 0; total < bytes; i++) {
    const name = `Kal${letters[i % 26]}${letters[Math.floor(i / 26) % 26]}${letters[Math.floor(i / 676) % 26]}ski`
    const sentence = `Yesterday Mr ${name} met Ms ${name}a in town.`
    sentences.push(sentence)
    total += sentence.length + 1
    if (sentences.length === 4) paragraphs.push(sentences.splice(0).join(' '))
  }
  if (sentences.length) paragraphs.push(sentences.join(' '))
  return bodyFromParagraphs(paragraphs)
}
