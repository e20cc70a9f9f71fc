/// An import file that cannot be taken in: `message` names the first
/// problem, and `path` where it is in the file (`$` for the whole file).
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(path === '$' ? problem : `${path}: ${problem}`);
  }
}
