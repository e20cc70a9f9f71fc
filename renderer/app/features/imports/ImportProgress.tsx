/// The progress of an import being written, over the app: the page stays
/// responsive (the import worker writes), and the bar says how far it is.
export function ImportProgress({ fileName, done, total }: { fileName: string; done: number; total: number }) {
  return (
    <div className="import-progress" role="status" data-testid="import-progress">
      <div>
        Importing {fileName}: {done.toLocaleString('en')} of {total.toLocaleString('en')} annotations stored
      </div>
      <progress max={Math.max(total, 1)} value={done} aria-label={`Importing ${fileName}`} />
    </div>
  );
}
