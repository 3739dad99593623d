import type { CheckOptions, Finding } from '@shared/checks'
import type { CheckableStory } from '@shared/checks'

export interface CheckRequest {
  seq: number
  story: CheckableStory
  options: CheckOptions
}

export interface CheckAnswer {
  seq: number
  findings: Finding[]
}
