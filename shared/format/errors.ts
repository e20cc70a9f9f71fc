import { InvalidInput } from '../errors';

/// An import file that cannot be taken in: `message` names the first
/// problem, and `path` where it is in the file (`$` for the whole file).
export class ImportError extends InvalidInput {
  override name = 'ImportError';
}
