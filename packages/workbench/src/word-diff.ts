/** One run of a word-level diff: text both versions share, or text only the new (`added`) or old (`removed`) has. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * Above this many cells (words before × words after) the longest-common-subsequence table is not built: the change
 * is shown as the old text removed and the new added. A release section is a few hundred words; this bounds the
 * memory a pathological section can take.
 */
const maxTableCells = 4_000_000;

/** Words and the whitespace between them, so that joining the parts gives back the texts exactly. */
const tokens = (text: string): string[] => text.match(/\s+|[^\s]+/g) ?? [];

/**
 * The word-level difference between two versions of a text (longest common subsequence of words and spaces),
 * as runs that a view marks with `<del>` and `<ins>`. Joining the `same` and `removed` parts gives `before`;
 * joining the `same` and `added` parts gives `after`.
 *
 * @example
 * wordDiff('Four days in Tunis.', 'Five days in Tunis.')
 * // [{ kind: 'removed', text: 'Four' }, { kind: 'added', text: 'Five' }, { kind: 'same', text: ' days in Tunis.' }]
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  // Common start and end are taken off first: most edits touch a few words of a long section.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  push('same', a.slice(0, start).join(''));
  const midA = a.slice(start, a.length - end);
  const midB = b.slice(start, b.length - end);
  const n = midA.length;
  const m = midB.length;
  if (n * m > maxTableCells) {
    push('removed', midA.join(''));
    push('added', midB.join(''));
  } else {
    // lengths[i * (m + 1) + j]: length of the longest common subsequence of midA[i..] and midB[j..].
    const lengths = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i -= 1) {
      for (let j = m - 1; j >= 0; j -= 1) {
        lengths[i * (m + 1) + j] = midA[i] === midB[j] ? lengths[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lengths[(i + 1) * (m + 1) + j]!, lengths[i * (m + 1) + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push('same', midA[i]!);
        i += 1;
        j += 1;
      } else if (lengths[(i + 1) * (m + 1) + j]! >= lengths[i * (m + 1) + j + 1]!) {
        push('removed', midA[i]!);
        i += 1;
      } else {
        push('added', midB[j]!);
        j += 1;
      }
    }
    push('removed', midA.slice(i).join(''));
    push('added', midB.slice(j).join(''));
  }
  push('same', a.slice(a.length - end).join(''));
  return parts;
}
