/**
 * News agencies by the names they go by in copy, bylines, credits and metadata. The short name is
 * what the library shows ("PA"); a byline naming one of them is an agency byline, not a person.
 */
const AGENCIES: [short: string, names: string[]][] = [
  [
    'PA',
    [
      'pa',
      'press association',
      'the press association',
      'pa media',
      'pa sport',
      'pa wire',
      'pa reporters',
      'pa images',
      'pa wire/pa images',
    ],
  ],
  ['AP', ['ap', 'associated press', 'the associated press', 'ap news', 'أ ب', 'ا ب']],
  ['Reuters', ['reuters', 'thomson reuters', 'reuters.com', 'رويترز']],
  ['AFP', ['afp', 'agence france-presse', 'agence france presse', 'afp.com', 'أ ف ب', 'ا ف ب', 'أ.ف.ب']],
  ['dpa', ['dpa', 'deutsche presse-agentur', 'dpa-afx', 'dpa international', 'dpa-spe', 'dpa-ins', 'dpa.com']],
  ['AAP', ['aap', 'australian associated press', 'aap newswire']],
  ['ANSA', ['ansa', 'agenzia ansa', 'agenzia nazionale stampa associata']],
  ['EFE', ['efe', 'agencia efe', 'efe.com']],
  ['Bloomberg', ['bloomberg', 'bloomberg news']],
  ['STT', ['stt', 'stt-lehtikuva', 'suomen tietotoimisto', 'stt-info']],
  ['NTB', ['ntb', 'norsk telegrambyrå', 'ntb scanpix']],
  ['TT', ['tt', 'tt nyhetsbyrån', 'tidningarnas telegrambyrå']],
  ['Ritzau', ['ritzau', 'ritzaus bureau', 'ritzau scanpix']],
  ['ANP', ['anp']],
  ['Belga', ['belga', 'agence belga']],
  ['SDA', ['sda', 'keystone-sda', 'schweizerische depeschenagentur']],
  ['ATS', ['ats', 'keystone-ats', 'agence télégraphique suisse']],
  ['APA', ['apa', 'austria presse agentur']],
  ['Kyodo', ['kyodo', 'kyodo news', '共同通信']],
  ['Jiji', ['jiji', 'jiji press']],
  ['Xinhua', ['xinhua', 'xinhua news agency', '新华社']],
  ['Yonhap', ['yonhap']],
  ['PTI', ['pti', 'press trust of india']],
  ['CP', ['cp', 'the canadian press', 'canadian press']],
  ['UPI', ['upi', 'united press international']],
  ['Europa Press', ['europa press']],
  ['Lusa', ['lusa']],
  ['AGI', ['agi']],
  ['Adnkronos', ['adnkronos']],
  ['PAP', ['pap']],
  ['CTK', ['ctk', 'čtk']],
  ['MTI', ['mti']],
  ['Anadolu', ['anadolu', 'anadolu agency', 'aa']],
  ['WAFA', ['wafa']],
  ['MENA', ['mena']],
  ['KUNA', ['kuna']],
  ['QNA', ['qna']],
  ['SPA', ['spa']],
  ['Business Wire', ['business wire', 'businesswire', 'businesswire.com']],
  ['GlobeNewswire', ['globenewswire', 'globe newswire', 'globenewswire.com']],
  ['PR Newswire', ['pr newswire', 'prnewswire', 'prnewswire.com']],
]

const BY_NAME = new Map<string, string>()
for (const [short, names] of AGENCIES) for (const name of names) BY_NAME.set(name, short)

function key(name: string): string {
  return name
    .toLowerCase()
    .replace(/^by\s+/, '')
    .replace(/[.\s]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** "Press Association" -> "PA", "nprov:REUTERS" -> "Reuters"; undefined when it is not an agency we know. */
export function agencyShortName(name: string | undefined): string | undefined {
  if (!name) return undefined
  const plain = key(name.replace(/^[a-z]+:/i, ''))
  return BY_NAME.get(plain)
}

export function isAgencyName(name: string): boolean {
  return agencyShortName(name) !== undefined
}

/** The agency short name if known, else the name as given (trimmed), for source.agency. */
export function agencyLabel(name: string | undefined): string | undefined {
  if (!name?.trim()) return undefined
  return (
    agencyShortName(name) ??
    name
      .replace(/^[a-z]+:/i, '')
      .trim()
      .slice(0, 100)
  )
}
