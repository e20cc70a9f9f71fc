/// An export being written, over the app: how many of its annotations are
/// in the file so far, and a Cancel that leaves no file where it was going.
export function ExportProgress({
  name,
  read,
  count,
  cancelling,
  onCancel,
}: {
  name: string;
  read: number;
  count: number;
  cancelling: boolean;
  onCancel: () => void;
}) {
  // Past the last annotation a whole-library file still carries the
  // library's documents and lists: the bar is full, the text says why.
  const text =
    count === 0
      ? `Exporting ${name}…`
      : read >= count
        ? `Exporting ${name}: all ${count.toLocaleString('en')} annotations in, finishing the file…`
        : `Exporting ${name}: ${read.toLocaleString('en')} of ${count.toLocaleString('en')} annotations so far`;
  return (
    <div className="import-progress" role="status" data-testid="export-progress">
      <div>{text}</div>
      <progress max={Math.max(count, 1)} value={Math.min(read, count)} aria-label={`Exporting ${name}`} />
      <button type="button" data-testid="export-cancel" disabled={cancelling} onClick={onCancel}>
        {cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  );
}
