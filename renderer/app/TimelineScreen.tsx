/// Placeholder until the screen is built.
export function TimelineScreen({ onBack }: { onBack: () => void }) {
  return (
    <main>
      <button type="button" data-testid="back" onClick={onBack}>
        ← Library
      </button>
    </main>
  );
}
