/** Visits and calls in words: the place in the UI language and the one-line title the panel, table and reader show. */
import type { DiplomaticEvent } from '../model/dataset.ts'
import type { Lang } from './lang.ts'
import { nameOf, type ActorNames } from './names.ts'
import { translate } from './translate.ts'

/**
 * English names of the places the gazetteer (`data/places.json`) writes in German where English writes them
 * otherwise; every other name is the same in both languages.
 */
const PLACES_EN: Readonly<Record<string, string>> = {
  Moskau: 'Moscow',
  'Sankt Petersburg': 'Saint Petersburg',
  Wladiwostok: 'Vladivostok',
  Sotschi: 'Sochi',
  Kasan: 'Kazan',
  Jekaterinburg: 'Yekaterinburg',
  Nowosibirsk: 'Novosibirsk',
  'Nischni Nowgorod': 'Nizhny Novgorod',
  'Rostow am Don': 'Rostov-on-Don',
  Krasnojarsk: 'Krasnoyarsk',
  Woronesch: 'Voronezh',
  Wolgograd: 'Volgograd',
  Chabarowsk: 'Khabarovsk',
  Blagoweschtschensk: 'Blagoveshchensk',
  Tscheljabinsk: 'Chelyabinsk',
  Jakutsk: 'Yakutsk',
  Grosny: 'Grozny',
  'Nowo-Ogarjowo': 'Novo-Ogaryovo',
  Sewastopol: 'Sevastopol',
  Jalta: 'Yalta',
  Peking: 'Beijing',
  Hongkong: 'Hong Kong',
  Kanton: 'Guangzhou',
  München: 'Munich',
  Wien: 'Vienna',
  Genf: 'Geneva',
  Brüssel: 'Brussels',
  'Neu-Delhi': 'New Delhi',
}

/** A place name in the UI language. */
export function placeName(place: string, lang: Lang): string {
  return lang === 'en' ? (PLACES_EN[place] ?? place) : place
}

/** "Besuch: Wladimir Putin → Peking" (a call, or a visit with no place, names its host country or nothing). */
export function eventTitle(event: Pick<DiplomaticEvent, 'kind' | 'visitors' | 'place' | 'country'>, names: ActorNames, lang: Lang): string {
  const who = event.visitors.map((id) => nameOf(id, names)).join(', ')
  const where = event.place !== null ? placeName(event.place, lang) : event.country !== null ? nameOf(event.country, names) : ''
  return `${translate(lang, event.kind === 'visit' ? 'event.visit' : 'event.call')}: ${who}${where ? ` → ${where}` : ''}`
}
