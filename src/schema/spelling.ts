/** "Did you mean …?": the accepted spelling nearest to a mistyped one, by edit distance. */

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * The candidate nearest to `word`, if near enough to be a likely typo. `key` folds both sides before comparing
 * (case, typography); it defaults to lower-casing.
 */
export function closest(
  word: string,
  candidates: readonly string[],
  key: (s: string) => string = (s) => s.toLowerCase(),
): string | undefined {
  const target = key(word);
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(target, key(candidate));
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(target.length / 3)) ? best.candidate : undefined;
}
