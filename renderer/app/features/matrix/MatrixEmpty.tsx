/// What to do when there are no claims to draw: how the matrix is filled.
export function MatrixEmpty({ tagName }: { tagName: string }) {
  return (
    <section className="mx-empty" data-testid="matrix-empty">
      <h2>No passage is tagged {tagName} yet</h2>
      <p>The matrix sets each claim against every source, in date order, and says how each source stands to it. To fill it:</p>
      <ol>
        <li>
          In the reader, select the words of a claim (“he wanted to force Peking to desist…”) and tag them <strong>{tagName}</strong>.
        </li>
        <li>
          Find a passage in another source that bears on it, tag it, and choose <strong>Link…</strong> on its entry in the annotation panel. Pick the claim, by
          searching for its words or clicking it in its document’s text, and say how the passage stands to it: <em>supports</em>, <em>contradicts</em>,{' '}
          <em>elaborates</em>…
        </li>
        <li>Come back here: each claim is a row, each source a column, and each cell shows its passages in the colour of their relation.</li>
      </ol>
      <p className="hint">
        Link from the evidence to the claim: “the memorandum supports the claim”. A link drawn the other way reads from the source’s side (“supported by”) and
        is not counted as support.
      </p>
    </section>
  );
}
