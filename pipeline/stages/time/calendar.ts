/** German calendar words the date and furniture rules share. */

/** German month names (Austrian "Jänner", "Feber") and their abbreviations, as a regex alternation. */
export const MONTH = 'Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan\\.?|Feb\\.?|Mär\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Okt\\.?|Nov\\.?|Dez\\.?'
/** The full German month names only (no abbreviations), as a regex alternation. */
export const MONTH_FULL = 'Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember'
