// Text folded for matching: what a user types without a Polish, German or
// Danish keyboard must still find the task. Folding is applied the same way
// to task names and to the query, so they compare as plain strings.

// Letters that Unicode decomposition leaves alone because they are letters
// of their own, not a base letter plus a mark.
const OWN_LETTERS: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ħ: 'h',
  ı: 'i',
  ŧ: 't',
  ŋ: 'n',
};
const OWN_LETTER = /[łđðøßæœþħıŧŋ]/g;
const MARKS = /\p{M}+/gu;
const ASCII = /^[\x00-\x7f]*$/;
/** Word separators: whitespace, the path separator, slashes and dashes. */
const SEPARATORS = /[\s›/\\\-‐‑–—]+/g;

/**
 * Lower case, without accents (`Żółć` → `zolc`, `Łódź` → `lodz`, `Straße` →
 * `strasse`), separators turned into single spaces, trimmed.
 */
export function foldText(text: string): string {
  let folded = text;
  if (!ASCII.test(folded)) {
    // NFKD also splits ligatures and full-width forms (`ﬁ` → `fi`), which NFD keeps.
    folded = folded.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(OWN_LETTER, (letter) => OWN_LETTERS[letter] ?? letter);
  } else {
    folded = folded.toLowerCase();
  }
  return folded.replace(SEPARATORS, ' ').trim();
}
