import { describe, expect, it } from 'vitest'
import { bylinesFrom } from './bylines'

const names = (text: string) => bylinesFrom(text).map((b) => `${b.kind}:${b.name}${b.title ? ` (${b.title})` : ''}`)

describe('bylines in the copy’s language', () => {
  it.each([
    ['By PAUL BYRNE and ALMUDENA CALATRAVA', ['person:Paul Byrne', 'person:Almudena Calatrava']],
    ['Von Marco Krefting und Sunrita Sen, dpa', ['person:Marco Krefting', 'person:Sunrita Sen', 'agency:dpa']],
    ['Par Jean Dupont et Marie Curie', ['person:Jean Dupont', 'person:Marie Curie']],
    ['Av Anna Svensson och Erik Berg/TT', ['person:Anna Svensson', 'person:Erik Berg', 'agency:TT']],
    ['Av Kari Nordmann og Ola Hansen, NTB', ['person:Kari Nordmann', 'person:Ola Hansen', 'agency:NTB']],
    ['Af Jens Hansen og Mette Holm, Ritzau', ['person:Jens Hansen', 'person:Mette Holm', 'agency:Ritzau']],
    ['Di Marco Rossi e Giulia Bianchi', ['person:Marco Rossi', 'person:Giulia Bianchi']],
    ['Por Ana López y Juan Pérez', ['person:Ana López', 'person:Juan Pérez']],
    ['Matti Virtanen ja Liisa Korhonen, STT', ['person:Matti Virtanen', 'person:Liisa Korhonen', 'agency:STT']],
    ['By Kenji Tanaka, Kyodo News', ['person:Kenji Tanaka', 'agency:Kyodo News']],
    ['NTB-AFP-DPA', ['agency:NTB', 'agency:AFP', 'agency:dpa']],
    ['STT–AFP', ['agency:STT', 'agency:AFP']],
    ['By Press Association', ['agency:Press Association']],
  ])('%s', (text, expected) => expect(names(text)).toEqual(expected))

  it('keeps a name with the organisation it writes for as one person', () => {
    expect(names('By Jane Doe, The Guardian')).toEqual(['person:Jane Doe (The Guardian)'])
    expect(names('Von Max Muster, Süddeutsche Zeitung')).toEqual(['person:Max Muster (Süddeutsche Zeitung)'])
    expect(names('By Sam Jones, PA Political Correspondent')).toEqual(['person:Sam Jones (PA Political Correspondent)'])
    expect(names('Jane Doe, BBC')).toEqual(['person:Jane Doe (BBC)'])
  })

  it('does not split a Spanish name with "y" in it, nor strip "Di" from a surname', () => {
    expect(names('José Ortega y Gasset')).toEqual(['person:José Ortega y Gasset'])
    expect(names('Di Maio')).toEqual(['person:Di Maio'])
  })

  it('drops the place a reporter filed from', () => {
    expect(names('Von Andrej Sokolow (San Jose), dpa')).toEqual(['person:Andrej Sokolow', 'agency:dpa'])
  })

  it.each(['daa/mt/msr', 'tholl.gregor', 'load', 'nickel.valeria', 'AH'])(
    '%s (a login or desk initials) is nobody',
    (text) => expect(bylinesFrom(text)).toEqual([]),
  )
})
