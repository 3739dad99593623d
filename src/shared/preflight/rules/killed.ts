import type { PreflightRule } from '../rule'

export const killed: PreflightRule = {
  id: 'killed',
  describe: 'The agency killed or withdrew the story.',
  level: 'blocking',
  run: ({ story }) => {
    const kill = story.kill
    if (!kill) return []
    const what = kill.isNotice
      ? `this is ${kill.agency ?? 'the agency'}'s ${kill.kind} notice`
      : kill.kind === 'kill'
        ? 'killed'
        : 'withdrawn'
    const by = !kill.isNotice && kill.agency ? ` by ${kill.agency}` : ''
    return [{ message: `${what}${by}: ${kill.notice}`.slice(0, 300), deskHead: true }]
  },
}
