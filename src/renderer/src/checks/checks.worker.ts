/// <reference lib="webworker" />
import { runChecks } from '@shared/checks'
import type { CheckRequest, CheckAnswer } from './protocol'

/**
 * The copy-desk checks off the page's thread: a long story full of names takes the checks a second
 * or two, which on the page would be a second or two with no keystroke on screen.
 */
declare const self: DedicatedWorkerGlobalScope

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const { seq, story, options } = event.data
  const answer: CheckAnswer = { seq, findings: runChecks(story, options) }
  self.postMessage(answer)
}
