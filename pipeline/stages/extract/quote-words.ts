/**
 * The words the quote stage reads: speech verbs (with their separable particles and what they govern),
 * subjunctive forms, the nouns that name a speaker who is no person (bodies, media, documents, unnamed
 * people) and the role nouns that stand for a person ("der chinesische Staatschef", "die Sprecherin").
 */
import { runEnder } from '../text/char-runs.ts'

/** What a speech verb can govern after a comma: a reported clause (Konjunktiv, "dass"), a zu-infinitive. */
export interface SpeechVerb {
  /** Finite forms, third person, present and past: "sagt", "sagte", "sagten". */
  finite: readonly string[]
  /** The particle of a separable verb, standing later in the clause: "an" in "kündigte … an". */
  particle?: string
  /** One-word forms with the particle (subordinate clauses, participles): "ankündigte", "angekündigt". */
  joined: readonly string[]
  clause: boolean
  /** The reported clause may be an indicative main clause ("sagte X, die Beziehungen basierten …"). */
  v2: boolean
  zu: boolean
  /** Can stand after the reported words with its subject: "…, sagte Putin.", "…, teilte das Ministerium mit." */
  after: boolean
}

const verb = (finite: string, joined: string, takes: string, particle?: string): SpeechVerb => ({
  finite: finite.split(' ').filter(Boolean),
  joined: joined.split(' ').filter(Boolean),
  ...(particle ? { particle } : {}),
  clause: takes.includes('c'),
  v2: takes.includes('v'),
  zu: takes.includes('z'),
  after: takes.includes('a'),
})

/**
 * Speech verbs. `takes`: c = a reported clause (v: also an indicative main clause), z = a zu-infinitive, a = may stand
 * after the reported words.
 * "darauf hin" and the like are particles of more than one word.
 */
export const SPEECH_VERBS: readonly SpeechVerb[] = [
  verb('sagt sagte sagten sagen', 'gesagt', 'cav'),
  verb('erklärt erklärte erklärten erklären', 'erklärt', 'czav'),
  verb('betont betonte betonten betonen', 'betont', 'cav'),
  verb('warnt warnte warnten warnen', 'gewarnt', 'czav'),
  verb('antwortet antwortete antworteten', 'geantwortet', 'cav'),
  verb('meint meinte meinten', 'gemeint', 'cav'),
  verb('schreibt schrieb schrieben', 'geschrieben', 'cav'),
  verb('erläutert erläuterte erläuterten', 'erläutert', 'ca'),
  verb('unterstreicht unterstrich unterstrichen', 'unterstrichen', 'cav'),
  verb('bekräftigt bekräftigte bekräftigten', 'bekräftigt', 'czav'),
  verb('versichert versicherte versicherten', 'versichert', 'czav'),
  verb('bestätigt bestätigte bestätigten bestätigen', 'bestätigt', 'ca'),
  verb('behauptet behauptete behaupteten behaupten', 'behauptet', 'cza'),
  verb('bestreitet bestritt bestritten', 'bestritten', 'c'),
  verb('beteuert beteuerte beteuerten', 'beteuert', 'cza'),
  verb('ergänzt ergänzte ergänzten', 'ergänzt', 'cav'),
  verb('argumentiert argumentierte argumentierten', 'argumentiert', 'ca'),
  verb('mahnt mahnte mahnten', 'gemahnt', 'ca'),
  verb('erwidert erwiderte erwiderten', 'erwidert', 'ca'),
  verb('entgegnet entgegnete entgegneten', 'entgegnet', 'ca'),
  verb('verkündet verkündete verkündeten', 'verkündet', 'ca'),
  verb('resümiert resümierte', 'resümiert', 'ca'),
  verb('kritisiert kritisierte kritisierten', 'kritisiert', 'c'),
  verb('berichtet berichtete berichteten', 'berichtet', 'cav'),
  verb('meldet meldete meldeten melden', 'gemeldet', 'cav'),
  verb('zitiert zitierte zitierten', 'zitiert', 'a'),
  verb('verspricht versprach versprachen', 'versprochen', 'cz'),
  verb('droht drohte drohten', 'gedroht', 'z'),
  verb('fordert forderte forderten fordern', 'gefordert', 'c'),
  verb('bittet bat baten', 'gebeten', 'z'),
  verb('kündigt kündigte kündigten kündigen', 'ankündigt ankündigte ankündigten angekündigt', 'cza', 'an'),
  verb('teilt teilte teilten teilen', 'mitteilt mitteilte mitteilten mitgeteilt', 'cza', 'mit'),
  verb('fügt fügte fügten fügen', 'hinzufügt hinzufügte hinzufügten hinzugefügt', 'ca', 'hinzu'),
  verb('hebt hob hoben heben', 'hervorhebt hervorhob hervorhoben hervorgehoben', 'ca', 'hervor'),
  verb('weist wies wiesen weisen', 'hinweist hinwies hinwiesen hingewiesen', 'c', 'hin'),
  verb('sichert sicherte sicherten sichern', 'zusichert zusicherte zusicherten zugesichert', 'cz', 'zu'),
  verb('sagt sagte sagten', 'zusagt zusagte zusagten zugesagt', 'z', 'zu'),
  verb('räumt räumte räumten räumen', 'einräumt einräumte einräumten eingeräumt', 'ca', 'ein'),
  verb('gibt gab gaben', 'zugibt zugab zugaben zugegeben', 'c', 'zu'),
  verb('fordert forderte forderten', 'auffordert aufforderte aufforderten aufgefordert', 'z', 'auf'),
  verb('wirft warf warfen werfen', 'vorwirft vorwarf vorwarfen vorgeworfen', 'cz', 'vor'),
  verb('stellt stellte stellten', 'klarstellt klarstellte klargestellt', 'ca', 'klar'),
  verb('macht machte machten', '', 'ca', 'deutlich'),
  verb('stellt stellte stellten', '', 'c', 'in Aussicht'),
  verb('gibt gab gaben', '', 'ca', 'zu bedenken'),
  verb('heißt hieß heisst hiess', '', 'cav'),
  verb('gibt gab gaben', 'bekanntgibt bekanntgab bekanntgegeben', 'ca', 'bekannt'),
  verb('stellt stellte stellten', 'feststellt feststellte festgestellt', 'ca', 'fest'),
  verb('besteht bestand bestanden', 'bestanden', 'c'),
  verb('merkt merkte merkten', 'anmerkt anmerkte angemerkt', 'ca', 'an'),
  verb('fügt fügte fügten fügen', 'anfügt anfügte angefügt', 'ca', 'an'),
  verb('gibt gab gaben geben', 'angibt angab angegeben', 'ca', 'an'),
  verb('erinnert erinnerte erinnerten', 'erinnert', 'c'),
  verb('appelliert appellierte appellierten', 'appelliert', 'z'),
  verb('beklagt beklagte beklagten', 'beklagt', 'ca'),
  verb('verlangt verlangte verlangten', 'verlangt', 'cz'),
  verb('ruft rief riefen', 'aufruft aufrief aufgerufen', 'z', 'auf'),
  verb('verweist verwies verwiesen', 'verwiesen', 'c'),
  verb('widerspricht widersprach widersprachen', 'widersprochen', 'ca'),
  verb('kommentiert kommentierte kommentierten', 'kommentiert', 'cav'),
  verb('schätzt schätzte schätzten', 'geschätzt', 'c'),
]

/** Particles of separable verbs: a finite verb whose clause ends in one of these is that verb ("sagte … ab" is no speech). */
export const PARTICLES = new Set(
  'an mit hinzu hervor hin zu ein auf vor klar deutlich bekannt fest ab aus zurück nach um dar fort weiter los bei entgegen gegenüber überein wider'.split(' '),
)

/** "hieß es", "heißt es": words reported from no one named ("In der Erklärung hieß es"). */
export const IMPERSONAL = /\b(?:hieß|heißt|hiess|heisst)\s+es\b/u

/**
 * Subjunctive forms that mark reported speech: Konjunktiv I of the auxiliaries and modals and of
 * lexical verbs often reported ("er kenne", "man benötige"), then Konjunktiv II forms, which also
 * serve as its stand-in ("sie hätten", "würden").
 */
export const KONJUNKTIV_I = new Set(
  (
    'sei seien seist habe werde könne müsse solle wolle dürfe möge wisse gebe liege stehe gehe komme bleibe lasse ' +
    'sehe halte finde brauche ziele setze kenne danke gratuliere spreche hoffe benötige treffe plane arbeite ' +
    'unterstütze verfolge erwarte wachse fördere lehne trage biete führe zeige falle mache nehme bringe wünsche ' +
    'glaube begrüße verfüge strebe handle suche gelte heiße drohe fehle diene richte beginne befinde verstehe ' +
    'teile lege stelle sorge zähle leiste nutze entspreche betreffe bestehe bedeute erreiche verliere gewinne ' +
    'liefere kaufe zahle investiere beabsichtige bemühe warte freue wehre'
  ).split(' '),
)
/** Konjunktiv II of haben and werden: the usual stand-ins for Konjunktiv I in reported speech ("sie hätten", "würden"). */
export const KONJUNKTIV_SUBSTITUTE = new Set('hätte hätten würde würden'.split(' '))
/** Konjunktiv II of sein and the modals: reported speech, or the writer's own hedging ("Es wäre …", "China könnte …"). */
export const KONJUNKTIV_II = new Set('wäre wären könnte könnten müsste müssten sollte sollten dürfte dürften gäbe ginge käme bliebe'.split(' '))
/** Words ending in -e after a pronoun that are no verbs. */
export const NOT_VERBS = new Set(
  'eine keine diese jene seine ihre meine deine unsere eure alle beide einige viele manche solche welche andere große kleine neue alte erste letzte zweite dritte gerne heute ohne bereits ebenfalls sowie je wie die der'.split(' '),
)

export type Mood = 'I' | 'substitute' | 'hypothetical'

/** The end of the run of letters and hyphens (code points) that starts at `i`; `i` when none starts there. */
const runEnd = runEnder(/^[\p{L}-]$/u)

/** The Konjunktiv word of each list (KONJUNKTIV_I, _SUBSTITUTE, _II), by word. */
const LISTED_MOOD = new Map<string, Mood>([
  ...[...KONJUNKTIV_II].map((w): [string, Mood] => [w, 'hypothetical']),
  ...[...KONJUNKTIV_SUBSTITUTE].map((w): [string, Mood] => [w, 'substitute']),
  ...[...KONJUNKTIV_I].map((w): [string, Mood] => [w, 'I']),
])
const LISTED_LENGTHS = new Set([...LISTED_MOOD.keys()].map((w) => w.length))

/** What the -e verb rules of konjunktivIn need of a word besides its place: "stimme", not "eine", "wäre" or "bekräftigte". */
function eVerb(word: string): boolean {
  return !NOT_VERBS.has(word) && !KONJUNKTIV_II.has(word) && !KONJUNKTIV_SUBSTITUTE.has(word) && !word.endsWith('te')
}
const LOWER_WORD = /^\p{Ll}+$/u

/**
 * One look at each run of letters and hyphens of a text: the strongest listed word standing alone (no letter
 * or hyphen next to it: "sei", not the "sei" of "Ost-sei"; a word on two lists counts for the stronger), and
 * whether a run could be the -e verb of konjunktivIn's rules: each rule's verb is such a run (spaces or a
 * comma before it, a space or no letter or hyphen after it), of small letters, three or more, ending in "e", and
 * passes eVerb (not looked for further once a Konjunktiv I word is found: that decides).
 */
export function moodWords(text: string): { listed: Mood | null; eVerb: boolean } {
  let best: Mood | null = null
  let verb = false
  let i = 0
  while (i < text.length) {
    const end = runEnd(text, i)
    if (end === i) {
      i++
      continue
    }
    if (LISTED_LENGTHS.has(end - i)) {
      const mood = LISTED_MOOD.get(text.slice(i, end))
      if (mood === 'I') return { listed: 'I', eVerb: verb }
      if (mood === 'substitute' || (mood === 'hypothetical' && best === null)) best = mood
    }
    if (!verb && end - i >= 3 && text.charCodeAt(end - 1) === 0x65) {
      const word = text.slice(i, end)
      verb = LOWER_WORD.test(word) && eVerb(word)
    }
    i = end
  }
  return { listed: best, eVerb: verb }
}

/** The strongest listed Konjunktiv word standing alone in a text (moodWords). */
export function listedMood(text: string): Mood | null {
  return moodWords(text).listed
}

/**
 * The strongest mark of reported speech in a text: Konjunktiv I ("sei", "er kenne"; also any "-e" verb after
 * "er", "sie", "es", "man"), its stand-ins "hätte", "würde" ('substitute'), or Konjunktiv II of sein and the
 * modals ('hypothetical', which may be the writer's own).
 */
export function konjunktivIn(text: string): Mood | null {
  // a listed word anywhere (one look-up per word: this runs over nearly every sentence)
  const { listed: best, eVerb: mayHaveVerb } = moodWords(text)
  if (best === 'I') return 'I'
  // no word can be the verb of the rules below
  if (!mayHaveVerb) return best
  // a verb in -e right after a subject noun, before a small word: "China stimme überein", "Dies spiegle … wider"
  for (const m of text.matchAll(/(?:^|[,:;]\s*)(?:\p{Lu}[\p{L}-]*\s+){1,4}(\p{Ll}{3,}e)\s+\p{Ll}/gu)) {
    const word = m[1] ?? ''
    if (eVerb(word) && !/(?:ische|sche|liche|ige|ere|ste|ale|elle|ive|ene|ende|lle|tte|ese|ose|che)$/u.test(word)) return 'I'
  }
  // the verb first after a subordinate clause: "Mit der Meinung …, stimme China überein"
  for (const m of text.matchAll(/,\s*(\p{Ll}{3,}e)\s+\p{Lu}\p{L}*\s+\p{Ll}/gu)) {
    const word = m[1] ?? ''
    if (eVerb(word) && !/(?:ische|sche|liche|ige|ere|ste|ale|elle|ive|ene|ende|lle|tte|ese|ose|che)$/u.test(word)) return 'I'
  }
  // a pronoun opening a main clause, then a verb in -e: "er warte", "sie plane" (not "obwohl es enge …")
  for (const m of text.matchAll(/(?:^|[,:;]\s*|(?:sagte|sagt|erklärte|betonte|meinte)\s+)(?:er|sie|es|man|Er|Sie|Es|Man)\s+(\p{Ll}{2,}e)(?![\p{L}-])/gu)) {
    const word = m[1] ?? ''
    // "-te" is the past tense ("er bekräftigte"), except in the listed verbs whose stem ends in t ("er warte")
    if (eVerb(word)) return 'I'
  }
  return best
}

/** Nouns for a state's bodies and officials: what they say is said by the state ("teilte das Außenministerium mit"). */
export const BODY_NOUNS =
  /(?<![\p{L}])(?:[\p{L}-]*(?:[Mm]inisterium|[Mm]inisteriums|[Bb]ehörde|[Bb]ehörden|[Rr]egierung|[Zz]entralbank|[Nn]otenbank|[Aa]ußenamt|[Aa]ussenamt|[Aa]ußenamts|[Pp]räsidialamt|[Gg]eneralstab|[Gg]eneralstabs|[Bb]otschaft|[Ss]treitkräfte|[Aa]rmee|[Mm]ilitär|[Mm]ilitärs|[Ff]ührung|[Dd]elegation|[Vv]ertretung)|Beamte|Beamten|Vertreter|Regierungsvertreter|Diplomaten|Offizielle|Offiziellen|Seite|Staatsführung|Parteiführung|Kommission|Rat|Parlament|Duma)(?![\p{L}])/u

/** Media and companies: never a speaker ("berichtete der Sender NHK", "laut Novatek", "nach Angaben von Gazprom"). */
export const MEDIUM_NOUNS =
  /(?<![\p{L}])(?:[\p{L}-]*(?:[Nn]achrichtenagentur|[Aa]gentur|[Ss]ender|[Ff]ernsehen|[Mm]edien|[Zz]eitung|[Zz]eitschrift|[Mm]agazin|[Pp]ortal|[Bb]latt|[Rr]undfunk|[Kk]onzern|[Kk]onzerns|[Uu]nternehmen|[Uu]nternehmens|[Ff]irma|[Bb]örse|[Bb]ank|[Ss]taatskonzern))(?![\p{L}])|\b(?:Reuters|AFP|dpa|AP|Bloomberg|Tass|TASS|Interfax|Xinhua|CCTV|RIA|Nowosti|Itar-Tass|Sputnik|NHK|BBC|CNN|Kommersant|Gazprom|Novatek|Rosneft|CNPC|Sinopec|Wall\s+Street\s+Journal|Financial\s+Times|New\s+York\s+Times|Global\s+Times)\b|\b\p{Lu}\p{L}+\s+(?:Post|Times|Journal|Herald|Daily|News|Press|Gazette|Tribune|Review|TV)\b/u

/** Documents: a speaker only through their issuer ("laut einer Erklärung des Ministeriums"). */
export const DOCUMENT_NOUNS =
  /(?<![\p{L}])(?:[\p{L}-]*(?:[Ee]rklärung|[Mm]itteilung|[Pp]apier|[Bb]ericht|[Dd]okument|[Kk]ommuniqué|[Ss]tatistik|[Pp]lan|[Ee]rhebung|[Uu]mfrage|[Ss]tudie|[Aa]nalyse|[Uu]ntersuchung|[Ss]chätzung|[Rr]esolution|[Bb]eschluss|[Vv]ertrag|[Mm]emorandum|[Ss]tellungnahme)(?:e|en|es|s)?)(?![\p{L}])/u

/** People who speak but are not named, and stand for no state: what they say has no speaker. */
export const UNNAMED_NOUNS =
  /(?<![\p{L}])(?:Experten|Expertin|Experte|Beobachter|Beobachtern|Analysten|Analystin|Analyst|Kritiker|Kritikern|Kreise|Kreisen|Insider|Insidern|Quellen|Quelle|Teilnehmer|Teilnehmern|Russen|Chinesen|Amerikaner|Schätzungen)(?![\p{L}])/u

/**
 * Role nouns that stand for one person ("der chinesische Staatschef", "Russlands Außenminister", "die
 * Sprecherin", "der 69-Jährige"), with the office they name in the office table (quote-offices.ts).
 */
export const ROLE_NOUNS: readonly [pattern: RegExp, office: string | null][] = [
  [/(?<![\p{L}])(?:Staatschef|Staatspräsident|Staatspräsidentin|Präsident|Präsidentin|Staatsoberhaupt|Staats-\s+und\s+Parteichef|Partei-\s+und\s+Staatschef|Kremlchef|Kreml-Chef)(?:s|en)?(?![\p{L}])/u, 'head'],
  [/(?<![\p{L}])(?:Bundeskanzler|Bundeskanzlerin|Kanzler|Kanzlerin|Regierungschef|Regierungschefin|Ministerpräsident|Ministerpräsidentin|Premier|Premierminister|Premierministerin)(?:s|en)?(?![\p{L}])/u, 'government'],
  [/(?<![\p{L}])(?:Außenminister|Aussenminister|Außenministerin|Chefdiplomat|Chefdiplomatin|Spitzendiplomat)(?:s|en)?(?![\p{L}])/u, 'foreign'],
  [/(?<![\p{L}])(?:Verteidigungsminister|Verteidigungsministerin)(?:s)?(?![\p{L}])/u, 'defence'],
  [/(?<![\p{L}])(?:Kremlsprecher|Kreml-Sprecher)(?![\p{L}])/u, 'kremlin-spokesman'],
  [/(?<![\p{L}])(?:\p{L}*[Ss]precher|\p{L}*[Ss]precherin|\p{L}*[Bb]otschafter|\p{L}*[Bb]otschafterin|\p{L}*[Bb]erater|\p{L}*[Bb]eraterin|\p{L}*[Mm]inister|\p{L}*[Mm]inisterin|\p{L}*[Cc]hef|\p{L}*[Cc]hefin|Diplomat|Diplomatin|Politiker|Politikerin|Sekretär|Sekretärin|Gouverneur|Vorsitzende|Vorsitzender|Generalsekretär)(?:s|en|in)?(?![\p{L}])/u, null],
  [/(?<![\p{L}])\d+-[Jj]ährige[nr]?(?![\p{L}])/u, null],
  [/(?<![\p{L}])(?:Russe|Chinese|Amerikaner|Ukrainer|Inder|Brasilianer)(?![\p{L}])/u, null],
]

/** Personal pronouns a speaker may be named by: the last speaker, when there is one. */
export const PRONOUN_SPEAKER = /^(?:er|sie|Er|Sie|dieser|Dieser|diese|Diese|ihm|Ihm)$/u

/** Words that start a clause with something other than its subject (the subject then follows the verb). */
export const FRONTED =
  /^(?:In|Im|Bei|Beim|Nach|Zu|Zum|Zur|Mit|Laut|Vor|Auf|Am|An|Aus|Über|Unter|Für|Gegen|Seit|Während|Wegen|Trotz|Angesichts|Dabei|Dazu|Damit|Daher|Darauf|Darüber|Zudem|Außerdem|Auch|Bereits|Schon|Zuvor|Vorher|Gleichzeitig|Zugleich|Unterdessen|Indes|Inzwischen|Damals|Später|Danach|Dann|Anschließend|Demnach|So|Dort|Hier|Heute|Gestern|Morgen|Nun|Jetzt|Zuletzt|Erst|Doch|Aber|Allerdings|Ebenso|Ebenfalls|Daraufhin|Zunächst|Schließlich|Weiter|Ferner|Deshalb|Deswegen|Denn|Zwar|Immerhin|Offenbar|Offensichtlich|Angeblich|Bislang|Bisher|Noch|Einst|Jüngst|Kürzlich|Letzte|Letzten|Letztes|Vergangene|Vergangenen|Diese|Dieser|Diesen|Anfang|Ende|Mitte|Bezüglich|Hinsichtlich|Infolge|Gemäß|Entgegen|Neben|Innerhalb|Außerhalb|Dank|Anlässlich|Nahe|Ohne|Um|Durch|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Am|Wie|\d+)$/u

/** Words after which a subordinate clause (verb last) begins. */
export const SUBORDINATORS = new Set(['wobei', 'nachdem', 'weil', 'als', 'da', 'wenn', 'obwohl', 'während', 'bevor', 'dass', 'ob', 'wie', 'nachdem', 'sodass', 'indem'])

/** Articles (a word after one in a clause's first place is no preposition). */
export const ARTICLE = /^(?:der|die|das|des|dem|den|ein|eine|einer|eines|einem|einen)$/u

/** Prepositions: a name right after one (and its article or adjectives) is not the subject of the clause. */
export const PREPOSITIONS = new Set(
  'in im ins bei beim mit nach zu zum zur von vom vor an am auf aus über unter für gegen seit während wegen trotz durch um ohne gegenüber laut zwischen neben hinter entlang'.split(' '),
)
/** Dative and accusative articles and pronouns: the name after one is an object ("sagte Putin dem Staatsrat Wang Yi"). */
export const OBJECT_MARKERS = new Set('dem den einem einen ihm ihn ihnen seinem seinen seiner ihrem ihren'.split(' '))
