/**
 * Runs of one kind of character (letters, word characters, letters and hyphens), found by code unit with a
 * memo of which units belong: the class is tested once per unit seen, not once per character read. A
 * surrogate is decided by its whole code point.
 */

/** A function giving the end of the run of `charClass` characters that starts at `i` (`i` when none starts there). */
export function runEnder(charClass: RegExp): (text: string, i: number) => number {
  // 1 yes, 2 no, 3 a surrogate (the code point decides), 0 not yet known
  const units = new Uint8Array(0x10000).fill(3, 0xd800, 0xe000)
  return (text, i) => {
    let j = i
    while (j < text.length) {
      const unit = text.charCodeAt(j)
      let known = units[unit] ?? 0
      if (known === 0) {
        known = charClass.test(String.fromCharCode(unit)) ? 1 : 2
        units[unit] = known
      }
      if (known === 1) j++
      else if (known === 2) break
      else {
        const cp = text.codePointAt(j) ?? unit
        if (!charClass.test(String.fromCodePoint(cp))) break
        j += cp > 0xffff ? 2 : 1
      }
    }
    return j
  }
}
