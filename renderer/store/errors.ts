/// A storage failure in words a researcher can act on.
export function storageProblem(error: unknown): string {
  const name = (error as { name?: string; inner?: { name?: string } })?.inner?.name ?? (error as { name?: string })?.name;
  if (name === 'QuotaExceededError')
    return 'the disk is full or the app’s storage quota is used up, so nothing was saved; your stored annotations are unchanged';
  return `storing failed (${messageOf(error)}); nothing was changed`;
}
import { messageOf } from '../../shared/errors';
