/**
 * Page furniture out, article text in. Lines are judged by their KIND (photo credit, byline,
 * agency tag, comment rules, newsletter box, site tag, section label), never by outlet.
 * Photo captions are article text and stay; a credit glued to a caption is cut off.
 */

import { MONTH } from '../time/calendar.ts'
import { runEnder } from './char-runs.ts'

export interface CleanText {
  /** Kept lines in reading order (each line is a paragraph), header furniture stripped. */
  lines: string[]
  /** Number of lines dropped as boilerplate. */
  removed: number
}


/** " date 2023-02" header a crawl puts before the title. */
const DATE_HEADER = /^\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s*/i
/** "Stand: 22.02.2023 16:00 Uhr" page stamp, anywhere in a line. */
const STAND_STAMP = /\s*Stand:\s*\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}(?:,?\s*\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?\s*/gi
/** A line that is only an outlet stamp and a date: "Epoch Times26. April 2024", "22.05.2014". */
const STAMP_LINE = new RegExp(
  `^[\\p{L}\\p{N} .&'-]{0,40}?\\s*(?:\\d{1,2}\\.\\s?(?:${MONTH})\\s+\\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{2,4})(?:,?\\s*\\d{1,2}[:.]\\d{2}(?:\\s*Uhr)?)?$`,
  'u',
)
/** Page header of slash-separated fields: "nd-aktuell.de / 22.05.2014 / Politik / Seite 6". */
const SLASH_HEADER = /^[^/]{1,40}(?:\s\/\s[^/]{1,40}){2,}$/

/** Section labels that stand alone on a line. */
const SECTION_LABELS = new Set(
  [
    'politik', 'wirtschaft', 'ausland', 'inland', 'international', 'welt', 'kultur', 'sport', 'panorama',
    'meinung', 'nachrichten', 'news', 'asien', 'europa', 'titelbild', 'startseite', 'home', 'video', 'audio',
    'liveblog', 'analyse', 'kommentar', 'hintergrund', 'exklusiv', 'eilmeldung', 'teilen', 'drucken', 'anzeige',
    'werbung', 'mehr zum thema', 'lesen sie auch', 'auch interessant', 'nicht mehr anzeigen', 'zur startseite',
  ],
)

/** Lines after which the rest of the page is furniture (comment area, social and newsletter boxes, source lists). */
const STOP_LINES =
  /^(?:kommentare?|leserkommentare|kommentar schreiben|diskutieren sie mit.*|leave a reply|social networks|newsletter|liebe leser(?:innen und leser)?,?|ihre meinung(?: ist gefragt)?|weitere artikel:?|related articles?|themen|verwendete quellen:?|dieses thema im programm:.*|über dieses thema berichtete.*|zur merkliste hinzufügen|artikel teilen|teilen sie diesen artikel.*)$/i

/** Teaser headings: the heading and the short headline lines after it are other articles. */
const TEASER_LINES =
  /^(?:mehr zum thema|mehr zu diesem thema|passend zum artikel|passend zum thema|lesen sie auch|lesen sie mehr|auch interessant|das könnte sie auch interessieren|empfohlener redaktioneller inhalt|empfehlungen(?: der redaktion)?|weiterlesen|mehr dazu|zum thema|passend zum thema|meist ?gelesen(?:e (?:artikel|beiträge|nachrichten|meldungen))?|am meisten gelesen|top-themen|top-artikel|beliebte (?:artikel|beiträge)|(?:weitere|aktuelle|neueste|ähnliche|verwandte) (?:artikel|nachrichten|meldungen|beiträge|themen)|mehr (?:artikel|nachrichten|meldungen|aus dem ressort))\s*:?$/i
const TEASER_INLINE = /^(?:mehr zum thema|lesen sie auch|lesen sie mehr|auch interessant|mehr dazu|weiterlesen|zum thema)\s*(?:[-–—:|»]|\.{3})\s*\S/i
/** Most lines a teaser block takes after its heading (or after its last teaser item). */
const MAX_TEASER_LINES = 5
/**
 * The lead of another article in a teaser list: it opens with a dateline and an agency ("Berlin (dpa) - …",
 * "MOSKAU (dpa-AFX) – …"), or it is cut off ("… für die eigene …"). The article's own text after a teaser
 * block does neither.
 */
const TEASER_LEAD = /^\p{Lu}[\p{L}./ -]{1,40}?\s*\([^()]{1,30}\)\s*[-–—]\s/u
const CUT_OFF = /(?:…|\.\.\.)\s*$/

/** Whole lines of one kind of furniture. */
const DROP_LINE_PATTERNS: readonly RegExp[] = [
  // photo credits and source lines
  /^\(?\s*(?:Foto|Fotos|Bild|Bilder|Grafik|Bildquelle|Quelle|Quellen|Copyright|Mitarbeit|Autor|Autorin|Redaktion|Übersetzung)\s*:/i,
  // "Mehr «International»"
  /^Mehr\s*[«»"„“].*[«»"“”]$/,
  // broadcast notes: "Diese Nachricht wurde am 28.06.2021 im Programm Deutschlandfunk gesendet."
  /^Diese (?:Nachricht|Sendung|Meldung) wurde am .*gesendet\.?$/i,
  // copyright lines
  /^(?:©|\(c\)|Copyright\b).*$/i,
  // contribution and material lines
  /^Mit Material (?:von|der|des)\b/i,
  // site tags: "source site-26", "toi-allgemeines"
  /^source\s+site-\d+$/i,
  /^[a-z]+(?:-[a-z0-9]+)+$/,
  // publication stamps: "Veröffentlicht am 12.04.2022 | Lesezeit: 3 Min."
  /^(?:Veröffentlicht|Aktualisiert|Zuletzt aktualisiert|Erstellt|Erschienen|Publiziert|Stand|Datum)\b[^.!?]{0,40}\d[\d.:,| \p{L}]{0,60}$/iu,
  // image rights, reading time, audio/video players, "Mit Informationen von …"
  /^(?:Bildrechte|Bildunterschrift entfällt|Rechte|Lesezeit|Audio|Video|Hören|Symbolbild|Archivbild)\b\s*:?/i,
  /^Mit Informationen (?:von|der|des)\b/i,
  /^(?:Zur Merkliste|Merken|Teilen|Drucken|Versenden|Feedback)(?:\s*\|\s*\p{L}+)*$/iu,
  // "Ihre Epoch Times - Redaktion" style sign-offs
  /^Ihre? [\p{L} .-]{2,40}\s*[-–]\s*Redaktion$/u,
  // the page's topic tags: "Themen: China, Russland, Wladimir Putin", "Schlagworte: Ukraine | Nato"
  /^(?:Themen|Schlagworte|Schlagwörter|Stichworte|Stichwörter|Tags|Weitere Themen|Artikelthemen|Mehr zu den Themen)\s*:\s*[^.!?]*$/iu,
  // breadcrumbs: "Startseite > Politik > Ausland", "Nachrichten › Welt › Asien", "Politik | Ausland | China"
  /^[\p{L}\p{N} .&-]{2,30}(?:\s[>›»|]\s[\p{L}\p{N} .&-]{2,30}){2,}$/u,
]

/**
 * Furniture found anywhere in a line, each with a word it cannot match without (in lower case; the
 * patterns are case-insensitive without the u flag, so only ASCII letters match their letters): a line
 * without the word is not tried, and most prose lines contain none of them.
 */
export const DROP_ANYWHERE: readonly { word: string; pattern: RegExp }[] = [
  // copyright lines
  { word: 'rechte', pattern: /\bAlle Rechte vorbehalten\b/i },
  { word: 'reuters', pattern: /\bReuters\b.*\b(?:Copyright|Rechte)\b/i },
  // contribution lines
  { word: 'beigetragen', pattern: /haben zu diesem (?:Bericht|Artikel) beigetragen\.?$/i },
  { word: 'beigetragen', pattern: /hat zu diesem (?:Bericht|Artikel) beigetragen\.?$/i },
  // newsletter and social widgets
  { word: 'e-mail', pattern: /\bper E-Mail erhalten\b/i },
  { word: 'newsletter', pattern: /\bNewsletter\b.*\b(?:abonnieren|bestellen|anmelden)\b/i },
  { word: 'datenschutz', pattern: /\bDatenschutz(?:erklärung|hinweise)\b/i },
  // reading time in a stamp: "Veröffentlicht am 12.04.2022 | Lesezeit: 3 Min."
  { word: 'lesezeit', pattern: /\|\s*Lesezeit\b/i },
]
/** Any of the words of DROP_ANYWHERE, in any letter case (ASCII words, no u flag: as the lower-cased line has them). */
const ANY_DROP_WORD = new RegExp(DROP_ANYWHERE.map(({ word }) => word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|'), 'i')
/** The longest section label, as the line may still end in ":" or ".". */
const MAX_SECTION_LABEL = Math.max(...[...SECTION_LABELS].map((l) => l.length)) + 1

/** Agency tokens that mark a parenthesized credit or tag: "(APA/dpa)", "(afp/nh)", "(POOL/AFP über Getty Images)". */
const AGENCY = /\b(?:dpa|afp|ap|apa|reuters|rtr|rts|kna|epd|sid|red|ots|getty|pool|imago|epa|xinhua|tass|sputnik|ria|ddp|ips|picture alliance|pa)\b/i
/** Editors' codes an agency glues to a paragraph's last sentence: "… vorantreiben./mau/DP/fbr". */
const TRAILING_CODES = /(?<=[.!?"“”»«)])\/[a-z]{2,4}(?:\/[A-Za-z]{2,4}){1,3}$/
/** A parenthesized tag at the end of a line. */
const TRAILING_PAREN = /\s*\(([^()]{1,80})\)\s*$/
/** A "Foto: …" credit glued to the end of a caption. */
const TRAILING_CREDIT = /\s*\(?(?<![\p{L}])(?:Foto|Fotos|Bild|Bildquelle)\s*:\s*[^()]*\)?\s*$/u
/** A photographer credit line: "Mikhail Klimentyev / Kremlin Pool", "Alexander Kazakov/Pool/AFP via Getty Images". */
const CREDIT_LINE = /^[\p{L}\p{M} .'-]{2,50}(?:\s*\/\s*[\p{L}\p{M} .'-]{1,40}){1,4}$/u
const CREDIT_WORDS = /\b(?:pool|afp|dpa|reuters|getty|ap|sputnik|imago|picture alliance|tass|xinhua|epa|kremlin|press office|via|ria|anadolu|shutterstock)\b/i
/** Byline: "Von Max Mustermann", "Von Max Mustermann, Moskau". */
const BYLINE = /^(?:Von|By|Ein (?:Kommentar|Bericht|Artikel) von)\s+\p{Lu}[\p{L}.'-]*(?:\s+(?:und\s+)?\p{Lu}[\p{L}.'-]*){0,4}(?:,\s*[\p{L} ]{1,30})?$/u

function isAgencyTag(inner: string): boolean {
  return /^[\p{L}\p{N} .,/&-]{1,80}$/u.test(inner) && AGENCY.test(inner) && inner.split(/\s+/).length <= 8
}

/** What STAND_STAMP cannot match without (case-insensitive, as the stamp). */
const STAND_WORD = /stand:/i

function stripLine(line: string): string {
  let out = line.replace(DATE_HEADER, '')
  if (STAND_WORD.test(out)) out = out.replace(STAND_STAMP, ' ')
  if (out.includes('\t') || out.includes('  ')) out = out.replace(/[ \t]+/g, ' ')
  out = out.trim()
  // credits glued to captions and agency tags at the end of a paragraph; `out` is trimmed here, so a
  // trailing tag needs a final ")" and a credit the word "Foto" or "Bild"
  for (let i = 0; i < 3; i++) {
    const before = out
    const paren = out.endsWith(')') ? TRAILING_PAREN.exec(out) : null
    if (paren && paren[1] !== undefined && isAgencyTag(paren[1]) && paren.index > 0) out = out.slice(0, paren.index).trim()
    const credit = out.includes('Foto') || out.includes('Bild') ? TRAILING_CREDIT.exec(out) : null
    if (credit && credit.index > 0) out = out.slice(0, credit.index).trim()
    if (out.includes('/')) out = out.replace(TRAILING_CODES, '')
    if (out === before) break
  }
  return out
}

function isFurniture(line: string): boolean {
  if (line.length <= MAX_SECTION_LABEL && SECTION_LABELS.has(line.toLowerCase().replace(/[:.]$/, ''))) return true
  if (DROP_LINE_PATTERNS.some((re) => re.test(line))) return true
  if (ANY_DROP_WORD.test(line)) {
    const lower = line.toLowerCase()
    if (DROP_ANYWHERE.some(({ word, pattern }) => lower.includes(word) && pattern.test(line))) return true
  }
  // a stamp line has a date (digits); a slash header and a credit line have slashes
  if (/[0-9]/.test(line) && STAMP_LINE.test(line)) return true
  const slashed = line.includes('/')
  if (slashed && SLASH_HEADER.test(line) && (/\d/.test(line) || /\.\p{L}{2,4}\b/u.test(line))) return true
  if (slashed && line.length <= 90 && CREDIT_LINE.test(line) && CREDIT_WORDS.test(line)) return true
  if (line.startsWith('(') && line.endsWith(')') && isAgencyTag(line.slice(1, -1))) return true
  if (BYLINE.test(line) && line.length <= 80) return true
  return false
}

/** How much text a page has read when a stop line above its article is no end: less than a paragraph. */
const SHORT_START = 400

/** The characters of the lines that end like sentences. */
function proseLength(lines: readonly string[]): number {
  let n = 0
  for (const l of lines) {
    const t = l.trim()
    if (/[.!?"“”»«]$/.test(t) && t.split(' ').length > 6) n += t.length
  }
  return n
}

/** A line that reads like prose: sentence punctuation or enough words. */
function isProse(line: string): boolean {
  return /[.!?:"“”»«)]$/.test(line) || line.split(/\s+/).length > 3
}

/** Whitespace that `\s+` → ' ' changes: a run of two, or any whitespace but the plain space. */
const ODD_SPACE = /[^\S ]| {2}/

/** Raw article text → kept lines (paragraphs). */
export function cleanText(text: string): CleanText {
  const rawLines = text.split('\n')
  const lines: string[] = []
  let removed = 0
  let teaserLeft = 0
  // the kept line inside a teaser block that a following lead would show to be a teaser too
  let pending = -1
  // lines so far, as read: a headline said again inside a teaser block is a teaser
  const seen = new Set<string>()
  for (const [i, raw] of rawLines.entries()) {
    const trimmed = raw.trim()
    if (trimmed.length === 0) continue
    // rebuilt only when it has whitespace other than single spaces (replacing each space copies the line)
    const flat = ODD_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed
    if (STOP_LINES.test(flat)) {
      removed += 1
      // a share bar or a comment link above the article ("Artikel teilen" under the date line): the page goes on
      if (proseLength(lines.slice(1)) < SHORT_START && proseLength(rawLines.slice(i + 1, i + 40)) >= SHORT_START) continue
      break
    }
    // an inline teaser: "Mehr zum Thema – Putin und Xi vereinbaren …", "Lesen Sie auch: …"
    if (TEASER_INLINE.test(flat)) {
      removed += 1
      continue
    }
    if (TEASER_LINES.test(flat)) {
      teaserLeft = MAX_TEASER_LINES
      pending = -1
      removed += 1
      continue
    }
    // a teaser block: after its heading, headlines (short, or without a full stop), leads of other articles
    // (a dateline with an agency, a cut-off end) and headlines said twice; each item keeps the block open.
    // One prose line inside the block is kept unless a lead or a repeated headline follows it.
    if (teaserLeft > 0) {
      teaserLeft -= 1
      const lead = TEASER_LEAD.test(flat) || CUT_OFF.test(flat) || seen.has(flat)
      if (lead || !/[.!?]["“”»«]?$/.test(flat) || flat.split(' ').length <= 12) {
        if (lead && pending >= 0) {
          lines.splice(pending, 1)
          removed += 1
        }
        pending = -1
        teaserLeft = MAX_TEASER_LINES
        seen.add(flat)
        removed += 1
        continue
      }
      if (pending >= 0) teaserLeft = 0
      pending = -1
    }
    seen.add(flat)
    const line = stripLine(trimmed)
    if (line.length === 0 || isFurniture(line) || !/[\p{L}\p{N}]/u.test(line)) {
      removed += 1
      continue
    }
    if (teaserLeft > 0) pending = lines.length
    lines.push(line)
  }
  // navigation links at the end of the page: short lines without sentence punctuation
  while (lines.length > 1 && !isProse(lines[lines.length - 1] ?? '')) {
    lines.pop()
    removed += 1
  }
  return { lines, removed }
}

const GERMAN_WORDS = new Set(
  'der die das und ist nicht mit von zu den im für auf dem des ein eine einen sich auch es als an bei nach wie sind wird hat aus dass er sie wir ich über oder noch nur zum zur vor seit werden wurde haben sei hatte'.split(' '),
)
const ENGLISH_WORDS = new Set('the and of to in is that for with on as are was by it this from at be have has were which'.split(' '))
const FRENCH_SPANISH_WORDS = new Set('le la les et est une pour dans que qui el los las y del por para con una'.split(' '))
/** The longest word of the three lists. */
const FUNCTION_WORD_LENGTH = Math.max(...[...GERMAN_WORDS, ...ENGLISH_WORDS, ...FRENCH_SPANISH_WORDS].map((w) => w.length))
/** The end of the run of letters (code points) that starts at `i`; `i` when none starts there. */
const letterEnd = runEnder(/^\p{L}$/u)

/** Whether a text is German: German function words outnumber English and Romance ones. */
export function looksGerman(text: string): boolean {
  let words = 0
  let german = 0
  let other = 0
  const lower = text.toLowerCase()
  // runs of letters (code points), counted by hand, not collected; only short words can be function words
  let i = 0
  while (i < lower.length) {
    const start = i
    i = letterEnd(lower, start)
    if (i === start) {
      i++
      continue
    }
    words++
    if (i - start > FUNCTION_WORD_LENGTH) continue
    const w = lower.slice(start, i)
    if (GERMAN_WORDS.has(w)) german++
    if (ENGLISH_WORDS.has(w) || FRENCH_SPANISH_WORDS.has(w)) other++
  }
  if (words < 5) return words > 0
  return german >= 2 && german > other && german / words >= 0.05
}
