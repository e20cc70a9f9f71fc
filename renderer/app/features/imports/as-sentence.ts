/// A reader's message as a sentence of its own. The readers' messages begin
/// in lower case (a path may go before them) and may end without a full
/// stop; the first letter is capitalised unless the message begins with a
/// name (a file's, a part's of a zip, a JSON path), which stays as it is
/// spelt: "q-bomb.qdpx was refused…", never "Q-bomb.qdpx".
export function asSentence(text: string): string {
  const first = text.split(/\s/, 1)[0] ?? '';
  const whole = beginsWithName(first) ? text : `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  return /[.!?)]$/.test(whole) ? whole : `${whole}.`;
}

// A word with a dot inside it ("memo.docx", "project.qde"), a slash or a
// backslash (a path) is a name; a word ending a clause with a full stop is not.
function beginsWithName(word: string): boolean {
  return /[^.\s]\.[^.\s]/.test(word) || /[\\/]/.test(word);
}
