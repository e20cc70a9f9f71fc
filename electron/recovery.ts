/// What the app says when its page crashes or stops responding, and what
/// the user may do. Pure, so the wording is tested without Electron.

/// A question for a message box: the first button is the default.
export interface Prompt {
  message: string;
  detail: string;
  buttons: string[];
  /// Which button reloads the page.
  reload: number;
}

// Every change to the library is written in one IndexedDB transaction,
// whole or not at all, before the app shows it as saved: a crash can lose
// only what was being typed, never half a change.
const nothingLost = 'Nothing already saved was lost: Palimpsest writes each change whole or not at all.';

/// The prompt when the page's process is gone for `reason` (Electron's
/// render-process-gone reason); `null` when it simply closed.
export function gonePrompt(reason: string): Prompt | null {
  if (reason === 'clean-exit') return null;
  const why = reason === 'oom' ? 'ran out of memory' : reason === 'killed' ? 'was stopped by the system' : `stopped (${reason})`;
  return {
    message: `Palimpsest’s window ${why}.`,
    detail: `${nothingLost} Reload to carry on where the library was last saved.`,
    buttons: ['Reload', 'Quit'],
    reload: 0,
  };
}

/// The prompt when the page has not responded for a while.
export function unresponsivePrompt(): Prompt {
  return {
    message: 'Palimpsest is not responding.',
    detail: `It may still be busy with a long import or search. ${nothingLost} Reloading stops the work in progress; waiting lets it finish.`,
    buttons: ['Wait', 'Reload'],
    reload: 1,
  };
}
