import { describe, expect, it } from 'vitest'
import { signal } from './signal'

describe('a signal', () => {
  it('tells every listener what was emitted, until each stops listening', () => {
    const saved = signal<string>()
    const heard: string[] = []
    const offA = saved.on((slug) => heard.push(`a:${slug}`))
    saved.on((slug) => heard.push(`b:${slug}`))
    saved.emit('storm-ports')
    offA()
    saved.emit('budget')
    expect(heard).toEqual(['a:storm-ports', 'b:storm-ports', 'b:budget'])
  })
})
