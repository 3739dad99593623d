import enGbAff from 'copydesk-dictionaries/dictionary-en-gb/index.aff?url'
import enGbDic from 'copydesk-dictionaries/dictionary-en-gb/index.dic?url'
import enUsAff from 'copydesk-dictionaries/dictionary-en/index.aff?url'
import enUsDic from 'copydesk-dictionaries/dictionary-en/index.dic?url'
import deAff from 'copydesk-dictionaries/dictionary-de/index.aff?url'
import deDic from 'copydesk-dictionaries/dictionary-de/index.dic?url'
import frAff from 'copydesk-dictionaries/dictionary-fr/index.aff?url'
import frDic from 'copydesk-dictionaries/dictionary-fr/index.dic?url'
import esAff from 'copydesk-dictionaries/dictionary-es/index.aff?url'
import esDic from 'copydesk-dictionaries/dictionary-es/index.dic?url'
import svAff from 'copydesk-dictionaries/dictionary-sv/index.aff?url'
import svDic from 'copydesk-dictionaries/dictionary-sv/index.dic?url'
import type { DictionaryId } from '@shared/spelling/languages'

/**
 * The bundled dictionaries' files: Vite copies them into the built app as assets, and the worker
 * fetches them from the app itself (app://copydesk/assets/..., connect-src 'self'): nothing is
 * downloaded from anywhere else, ever.
 */
export const dictionaryUrls: Record<DictionaryId, { aff: string; dic: string }> = {
  'en-GB': { aff: enGbAff, dic: enGbDic },
  'en-US': { aff: enUsAff, dic: enUsDic },
  de: { aff: deAff, dic: deDic },
  fr: { aff: frAff, dic: frDic },
  es: { aff: esAff, dic: esDic },
  sv: { aff: svAff, dic: svDic },
}
