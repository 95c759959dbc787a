/** How micromark classifies a character next to a `*`, `_` or `~` run (micromark-util-classify-character). */
export const Kind = {
  other: 0,
  whitespace: 1,
  punctuation: 2,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

const underscore = 0x5f;

const asciiKinds = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const character = String.fromCharCode(code);
  asciiKinds[code] = /\s/.test(character) ? Kind.whitespace : /[\p{P}\p{S}]/u.test(character) ? Kind.punctuation : Kind.other;
}

/**
 * micromark classifies UTF-16 code units, not code points (an emoji's halves are "other"), with `\s` for white space
 * and `\p{P}|\p{S}` for punctuation; the same tests on the same units give the same emphasis. Outside [start, end)
 * (the start or end of the inline content) counts as white space, as in micromark.
 *
 * @example
 * kindOf('a*b', 0, 0, 3) // Kind.other
 * kindOf('a*b', 3, 0, 3) // Kind.whitespace
 */
export function kindOf(text: string, index: number, start: number, end: number): Kind {
  if (index < start || index >= end) return Kind.whitespace;
  const code = text.charCodeAt(index);
  if (code < 128) return asciiKinds[code] as Kind;
  const character = String.fromCharCode(code);
  return /\s/.test(character) ? Kind.whitespace : /[\p{P}\p{S}]/u.test(character) ? Kind.punctuation : Kind.other;
}

/**
 * Whether a run of `*` or `_` can open emphasis, close it, or both, from the kinds of the characters before and after
 * it: micromark's attention tokenizer, where `_` inside a word neither opens nor closes.
 *
 * @example
 * delimiterRunSides(0x2a, Kind.whitespace, Kind.other) // { canOpen: true, canClose: false }: ` *word`
 * delimiterRunSides(0x5f, Kind.other, Kind.other)      // { canOpen: false, canClose: false }: `snake_case`
 */
export function delimiterRunSides(marker: number, before: Kind, after: Kind): { canOpen: boolean; canClose: boolean } {
  const open = after === Kind.other || (after === Kind.punctuation && before !== Kind.other);
  const close = before === Kind.other || (before === Kind.punctuation && after !== Kind.other);
  if (marker !== underscore) return { canOpen: open, canClose: close };
  return { canOpen: open && (before !== Kind.other || !close), canClose: close && (after !== Kind.other || !open) };
}
