/**
 * Picks the candidate closest to a misspelt name, for "Did you mean ...?" sentences. A difference of
 * letter case alone always wins; otherwise the edit distance (with transpositions) must be at most
 * 40% of the longer name, and candidates of very different length are skipped.
 */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const candidateLower = candidate.toLowerCase();
    if (candidateLower === lower) return candidate;
    const longer = Math.max(lower.length, candidateLower.length);
    const limit = Math.max(1, Math.floor(longer * 0.4));
    if (Math.abs(lower.length - candidateLower.length) > limit) continue;
    const distance = editDistance(lower, candidateLower, Math.min(limit, bestDistance));
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance === Number.POSITIVE_INFINITY ? undefined : best;
}

/** Optimal string alignment distance, or `Infinity` once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previousPrevious[j - 2] as number) + 1);
      }
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return Number.POSITIVE_INFINITY;
    previousPrevious = previous;
    previous = current;
  }
  const distance = previous[b.length] as number;
  return distance > limit ? Number.POSITIVE_INFINITY : distance;
}
