/** How the pipeline decided what a sentence gives, one line each: "Datum: Mai 2024 – aus »am Donnerstag«, …". */
import { explainDecision } from '../i18n/decisions.ts'
import { formatEventDate } from '../i18n/format.ts'
import type { Why } from '../lib/evidence.ts'
import { useActorNames } from './useActorNames.ts'
import { useI18n } from './useI18n.ts'

export function useDecisionLines(): (why: readonly Why[], sentence: string) => string[] {
  const { t, lang } = useI18n()
  const names = useActorNames()

  function valueText(why: Why): string | null {
    if (why.value === null) return why.what === 'speaker' ? t('quotes.noSpeaker') : null
    switch (why.what) {
      case 'speaker':
        return names.value.get(why.value) ?? why.value
      case 'visitors':
        return why.value
          .split(',')
          .map((id) => names.value.get(id) ?? id)
          .join(', ')
      case 'date':
        return formatEventDate(why.value, false, lang.value)
      case 'status':
        return t(`status.${why.value as 'happened'}`)
      case 'kind':
        return t(`figures.kindShort.${why.value as 'other'}`)
      default:
        return why.value
    }
  }
  function line(why: Why, sentence: string): string {
    const text = explainDecision(why.what, valueText(why), why.decision, lang.value)
    // an event keeps its best report's date: those words may stand in another sentence of the article
    return why.decision.cue && sentence && !sentence.includes(why.decision.cue) ? `${text} ${t('evidence.otherSentence')}` : text
  }
  return (why, sentence) => why.map((item) => line(item, sentence))
}
