// One typo, as people make them: a letter wrong, missing, extra, or two
// neighbours swapped. Hand-written and bounded (it gives up at the second
// difference), so checking a word costs about its length; a general
// edit-distance table would cost its length squared.

/** Tokens shorter than this must match exactly: one edit in three letters matches too much. */
export const NEAR_MIN_LENGTH = 4;

/**
 * True when `token` is at most one edit (substitution, insertion, deletion or
 * transposition) away from `word` or from a start of it: `redirct` and
 * `redirc` are near `redirect`, as the user is still typing.
 */
export function nearWordStart(token: string, word: string): boolean {
  let i = 0;
  while (i < token.length && i < word.length && token.charCodeAt(i) === word.charCodeAt(i)) i++;
  if (i === token.length) return true;
  return (
    startsAt(token, i + 1, word, i + 1) || // a letter wrong
    startsAt(token, i + 1, word, i) || // a letter extra
    startsAt(token, i, word, i + 1) || // a letter missing
    (token.charCodeAt(i) === word.charCodeAt(i + 1) && token.charCodeAt(i + 1) === word.charCodeAt(i) && startsAt(token, i + 2, word, i + 2))
  );
}

/** `token` from `from` on equals `word` from `at` on, for as long as the token goes. */
function startsAt(token: string, from: number, word: string, at: number): boolean {
  if (token.length - from > word.length - at) return false;
  for (let i = from; i < token.length; i++) if (token.charCodeAt(i) !== word.charCodeAt(at + i - from)) return false;
  return true;
}
