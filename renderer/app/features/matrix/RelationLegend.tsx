import type { RelationType } from '../../../../shared/links/model';

/// The relation types in their colours, each as it reads both ways.
export function RelationLegend({ relationTypes }: { relationTypes: readonly RelationType[] }) {
  return (
    <ul className="mx-legend" aria-label="Relations">
      {relationTypes.map((r) => (
        <li key={r.id} style={{ '--relation': r.color } as React.CSSProperties}>
          {r.name === r.inverse ? r.name : `${r.name} / ${r.inverse}`}
        </li>
      ))}
    </ul>
  );
}
