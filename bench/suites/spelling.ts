import { loadModule } from 'hunspell-asm'
import { hunspellDictionary, dictionaryFiles } from '../../src/main/spelling'
import { SpellChecker } from '../../src/shared/spelling/checker'
import { spellingRuns, spellingFindings } from '../../src/shared/spelling/findings'
import { HouseWords } from '../../src/shared/spelling/house-words'
import { checkableWords } from '../../src/shared/spelling/words'
import type { Suite } from '../context'
import { typingStory } from '../generate'
import { metric, percentile } from '../report'

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6

/**
 * Spelling a 10,000-word story, as the worker does: cold (a checker that has seen none of the
 * words) and warm (the same story again, answers kept per word), each beside its floor, bare
 * Hunspell asked about every word of the same story. The dictionary's load is reported on its own.
 */
export const spellingSuite: Suite = {
  name: 'spelling',
  async run(ctx) {
    const story = typingStory(10_000)
    const runs = spellingRuns({ ...story, leadPicture: story.leadPicture ?? null })
    const words = runs.flatMap((run) => checkableWords(run.text).map((w) => w.word))
    const start = process.hrtime.bigint()
    const factory = await loadModule()
    const { aff, dic } = dictionaryFiles('en-GB')
    const hunspell = factory.create(factory.mountBuffer(aff, 'en-GB.aff'), factory.mountBuffer(dic, 'en-GB.dic'))
    const load = ms(start)
    const dictionary = hunspellDictionary(hunspell)
    const house = new HouseWords(['Zelenskyy', 'Umerov'])

    const samples = ctx.quick ? 5 : 20
    const cold: number[] = []
    const warm: number[] = []
    const floor: number[] = []
    let found = 0
    for (let i = -1; i < samples; i++) {
      const checker = new SpellChecker(dictionary, house)
      let t = process.hrtime.bigint()
      found = spellingFindings(runs, checker).length
      const c = ms(t)
      t = process.hrtime.bigint()
      spellingFindings(runs, checker)
      const w = ms(t)
      t = process.hrtime.bigint()
      for (const word of words) hunspell.spell(word)
      const f = ms(t)
      if (i < 0) continue
      cold.push(c)
      warm.push(w)
      floor.push(f)
    }
    ctx.log(
      `spelling.10k: ${words.length} words, ${found} findings; dictionary load ${load.toFixed(0)} ms; ` +
        `cold p50 ${percentile(cold, 50).toFixed(1)} ms, warm p50 ${percentile(warm, 50).toFixed(1)} ms, bare Hunspell p50 ${percentile(floor, 50).toFixed(1)} ms`,
    )
    return {
      metrics: [
        metric('spelling.10k.cold.p50', percentile(cold, 50), 'ms', percentile(floor, 50), 'lower'),
        metric('spelling.10k.warm.p50', percentile(warm, 50), 'ms', percentile(floor, 50), 'lower'),
      ],
    }
  },
}
