/**
 * The candidate closest to `name` by edit distance (ignoring case), if it is close enough to be a likely typo:
 * at most one edit for short names, up to a third of the length for longer ones. A unique candidate that starts
 * with `name` wins outright.
 *
 * @example
 * closestName('PullQoute', ['Figure', 'PullQuote']); // 'PullQuote'
 * closestName('warn', ['info', 'warning', 'note']);     // 'warning'
 * closestName('Video', ['Figure', 'PullQuote']);     // undefined
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  // A shortened name ("warn" for "warning", "Stat" for "Statistic") is far by edit distance but an obvious intent.
  if (wanted.length >= 3) {
    const extended = candidates.filter((candidate) => candidate.toLowerCase().startsWith(wanted));
    if (extended.length === 1) return extended[0];
  }
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance where swapping two neighbouring letters counts as one edit (the commonest typo). */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, at(i - 2, j - 2) + 1);
      d[i * cols + j] = value;
    }
  }
  return at(rows - 1, cols - 1);
}
