/**
 * The German words the date estimate reads (estimate-clues.ts, estimate-date.ts, estimate-reference.ts): numbers,
 * offsets, months and weekdays, tense and modality cues, and the sentence split of a raw text.
 */

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  ein: 1, eine: 1, einem: 1, einen: 1, einer: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8,
  neun: 9, zehn: 10, elf: 11, zwölf: 12, anderthalb: 1.5, eineinhalb: 1.5,
}
const NUMBER = '(\\d{1,2}|ein|eine|einem|einen|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|anderthalb|eineinhalb)'
const APPROX = '(etwa|rund|ungefähr|circa|ca\\.|fast|knapp|beinahe|nahezu|gut|mehr\\s+als|über|weniger\\s+als)'
const UNIT = '(Jahr|Jahre|Jahren|Monat|Monate|Monaten|Woche|Wochen|Tag|Tage|Tagen)'
/** "etwa ein Jahr, nachdem", "zwei Jahre nach der", "drei Monate seit dem" — the occasion follows in the sentence. */
export const OFFSET = new RegExp(`(?:(?<!\\p{L})${APPROX}\\s+)?\\b${NUMBER}\\s+${UNIT}\\s*,?\\s+(?:nachdem|nach|seit)\\b`, 'giu')
export const ORDINALS: Readonly<Record<string, number>> = {
  ersten: 1, zweiten: 2, dritten: 3, vierten: 4, fünften: 5, sechsten: 6, siebten: 7, achten: 8, neunten: 9, zehnten: 10,
  elften: 11, zwölften: 12, fünfzehnten: 15, zwanzigsten: 20, fünfundzwanzigsten: 25, dreißigsten: 30, fünfzigsten: 50,
}
/** "75. Jahrestag", "zehnten Jahrestag" */
export const ANNIVERSARY = new RegExp(`(?:\\b(\\d{1,3})\\.|(?<!\\p{L})(${Object.keys(ORDINALS).join('|')}))\\s+Jahrestag`, 'giu')
/** "die Annexion der Krim vor zehn Jahren": the occasion, up to four words, then the offset back from the article. */
export const AGO = new RegExp(`^(?:\\s+[\\p{L}-]+){0,4}?\\s+vor\\s+(?:${APPROX}\\s+)?${NUMBER}\\s+(Jahren|Monaten|Wochen|Tagen)\\b`, 'iu')
export const MONTHS: Readonly<Record<string, number>> = {
  januar: 1, jänner: 1, februar: 2, feber: 2, märz: 3, april: 4, mai: 5, juni: 6, juli: 7, august: 8, september: 9,
  oktober: 10, november: 11, dezember: 12,
}
/** A month name, as a capturing group. */
export const MONTH = '(Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)'
export const WEEKDAYS: Readonly<Record<string, number>> = {
  sonntag: 0, montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonnabend: 6,
}
/** A weekday name, as a capturing group. */
export const WEEKDAY = '(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)'
/** Past dates that bound the article from below: "am 4. Februar 2022", "im Februar 2022", "im Jahr 2016", "seit 2019". */
export const PAST_DATE = new RegExp(`(?:\\b(\\d{1,2})\\.\\s*${MONTH}\\s+((?:19|20)\\d{2})|\\b(?:im|Anfang|Mitte|Ende)\\s+${MONTH}\\s+((?:19|20)\\d{2})|\\b(?:im\\s+Jahr(?:e)?|[Ss]eit)\\s+((?:19|20)\\d{2}))\\b`, 'gu')
/** PAST_DATE without the global flag, for a test of the whole text. */
export const PAST_DATE_CUE = new RegExp(PAST_DATE.source, 'u')
/** Words that make a sentence speak of the future or a target; its dates are no lower bounds. */
export const FUTURE = /\b(?:soll|sollen|sollte|sollten|will|wollen|werden|wird|würde|würden|plant|planen|geplant|bis|Ziel\p{L}*|künftig|erwartet|kommenden|nächsten|bevorstehend\p{L}*)\b/iu
/** A finite past verb: Präteritum of sein/haben, the perfect's participle, common weak past endings. */
export const PAST_VERB = /\b(?:war|waren|hatte|hatten|hielten|hielt|traf|trafen|reiste|reisten|fand|fanden|kam|kamen|sagte|sagten|unterzeichnete\p{L}*|ge\p{L}+(?:t|en)|\p{L}+(?:te|ten))\b/u
/** An occasion named as still to come: "das geplante Treffen", "der bevorstehende Gipfel". */
export const PLANNED_OCCASION = /\b(?:geplant|bevorstehend|anstehend|angekündigt|angesetzt|erwartet|kommend)\p{L}*\s+$/iu
/** Words of a visit's first day: the guest arrives, is welcomed; "zum Auftakt". */
export const ARRIVAL = /\b(?:begrüßt\p{L}*|empf(?:ing|ingen|angen|ängt)\b|eingetroffen|angekommen|Ankunft|Auftakt)/u
/** Words that place an occasion as not yet (or not) happened: "vor der Wahl". */
export const BEFORE_OCCASION = /\b(?:vor|bevor|bis\s+zu[mr]?)\s+(?:\p{L}+\s+){0,2}$/iu
/** The article's own day: "am Mittwoch", "am Donnerstagabend", "heute", "gestern" (not "am Mittwoch zuvor"). */
export const OWN_DAY = /\b(?:am\s+(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)(?:abend|morgen|vormittag|nachmittag)?\b(?!\s+zuvor)|(heute|gestern)\b(?!\s+vor\b))/iu
/** A sentence that opens with an agency's dateline: "Moskau (dpa) - …", "PEKING (dpa-AFX) -", "Wien (APA/AFP) –". */
export const AGENCY_DATELINE = /^\p{Lu}[\p{L}./ -]{1,40}?\s*\((?:[\p{L}-]{2,12})(?:\s*\/\s*[\p{L}-]{2,12}){0,3}\)\s*[-–—:]/u
export const PLUPERFECT = /\b(?:hatte|hatten|hattest|hattet)\b/iu
export const VISIT_WORDS = /\b(?:Teilnahme|teilnimmt|teilnehmen|teilgenommen|Besuch\p{L}*|Staatsbesuch\p{L}*|besucht\p{L}*|eingetroffen|angekommen|empf\p{L}*|begrüßt\p{L}*|Gespräch\p{L}*|Treffen|trafen|getroffen|Gipfel\p{L}*|Reise\p{L}*|reist\p{L}*)/u
/**
 * Sentences that tell of something earlier than the article's news: "damals", "bereits", a year, "seit der
 * Inbetriebnahme …" (the start of a time since), "vor drei Jahren".
 */
export const EARLIER = /\b(?:damals|einst|früher|bereits|schon|zuvor|seit|vergangenen|vorigen|letzten|(?:19|20)\d{2}|vor\s+(?:\d+|\p{L}+)\s+(?:Jahren|Monaten|Wochen))\b/iu

export function sentences(text: string): string[] {
  // no break after ordinals and initials ("75. Jahrestag", "4. Februar", "W. Putin")
  return text.split(/(?<=[.!?…])(?<!(?:^|[^\p{L}\d])(?:\d{1,3}|\p{Lu})\.)\s+(?=[„"«\p{Lu}\d])|\n+/u).map((s) => s.trim()).filter((s) => s.length > 0)
}
