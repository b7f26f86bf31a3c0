/** The one way user text appears inside messages: in double quotes, control characters escaped, long text cut. */
export function quote(text: string, maxLength = 60): string {
  const cut = text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
  const escaped = cut.replace(/[\\"\u0000-\u001f\u007f\u2028\u2029]/g, (character) => {
    switch (character) {
      case "\\":
        return "\\\\";
      case '"':
        return '\\"';
      case "\n":
        return "\\n";
      case "\r":
        return "\\r";
      case "\t":
        return "\\t";
      default:
        return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
    }
  });
  return `"${escaped}"`;
}

/** Joins names as "a, b or c". */
export function listWords(words: readonly string[], conjunction = "or"): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} ${conjunction} ${words[words.length - 1]}`;
}
