import { describe, expect, it } from 'vitest';
import { rebaseDraft } from './text-edit';

describe('a note being typed in when another’s edit arrives', () => {
  const base = 'The minister refused.';

  it('keeps the typing and the caret after it, with their edit before it', () => {
    const mine = 'The minister refused. See FO 371';
    const merged = rebaseDraft(base, mine, 'Gromyko: The minister refused.', mine.length);
    expect(merged).toEqual({ text: 'Gromyko: The minister refused. See FO 371', caret: 'Gromyko: The minister refused. See FO 371'.length });
  });

  it('keeps the caret just after what is being typed when their edit comes after it', () => {
    const mine = 'The minister refused. Ben typing';
    const merged = rebaseDraft(base, mine, 'The minister refused. (Ana later)', mine.length);
    expect(merged).toEqual({ text: 'The minister refused. Ben typing (Ana later)', caret: mine.length });
  });

  it('keeps the caret where it was when their edit comes after it', () => {
    const mine = 'Then the minister refused.';
    const merged = rebaseDraft(base, mine, 'The minister refused. (Checked.)', 4);
    expect(merged).toEqual({ text: 'Then the minister refused. (Checked.)', caret: 4 });
  });

  it('takes their text whole while nothing was typed', () => {
    expect(rebaseDraft(base, base, 'The minister agreed.', 5)).toEqual({ text: 'The minister agreed.', caret: 5 });
  });

  it('places the typing by the words after it when those before it were rewritten', () => {
    const mine = 'The minister refused outright.';
    expect(rebaseDraft(base, mine, 'Entirely new.', 29)).toEqual({ text: 'Entirely new outright.', caret: 21 });
  });

  it('keeps the typing as it is when their edit rewrote both sides of it', () => {
    const mine = 'The minister refused outright.';
    expect(rebaseDraft(base, mine, 'Entirely new!', 29)).toEqual({ text: mine, caret: 29 });
  });
});
