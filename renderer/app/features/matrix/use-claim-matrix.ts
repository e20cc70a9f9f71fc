import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Annotation, TagType } from '../../../../shared/annotation/model';
import type { RelationType } from '../../../../shared/links/model';
import { type ClaimMatrix, buildClaimMatrix } from '../../../../shared/matrix/claim-matrix';
import type { LinkRow } from '../../../store/annotations';
import { useDocuments } from '../../../data/hooks';
import { useServices } from '../../context';
import { messageOf } from '../../../../shared/errors';

export interface MatrixData {
  /// `null` when it could not be built (`error` says why).
  matrix: ClaimMatrix | null;
  error: string | null;
  annotationsById: ReadonlyMap<string, Annotation>;
  linksById: ReadonlyMap<string, LinkRow>;
  relationTypes: RelationType[];
  tagTypes: TagType[];
  /// The tag type whose passages are the rows.
  claimTag: string;
}

/// The claim matrix of the whole library, kept current as annotations and
/// links change; `null` while they are read. The rows are the passages
/// tagged `chosenTag`, or when none is chosen Claim (or, should the
/// researcher have deleted Claim, the first tag type).
export function useClaimMatrix(chosenTag: string | null): MatrixData | null {
  const services = useServices();
  const { annotations: store } = services;
  const documents = useDocuments();
  // Every annotation: a claim's evidence may be in any document.
  const annotations = useLiveQuery(() => store.all(), [store]);
  const links = useLiveQuery(() => store.allLinks(), [store]);
  const relationTypes = useLiveQuery(() => services.relationTypes.list(), [services]);
  const tagTypes = useLiveQuery(() => services.tagTypes.list(), [services]);
  const annotationsById = useMemo(() => new Map((annotations ?? []).map((a) => [a.id, a])), [annotations]);
  const linksById = useMemo(() => new Map((links ?? []).map((l) => [l.id, l])), [links]);
  // A new list after every import, revision or edit; building the matrix
  // is cheap beside the reads.
  const columns = [...documents.values()].map((d) => ({ id: d.id, title: d.meta.title, date: d.meta.date }));
  if (!annotations || !links || !relationTypes || !tagTypes) return null;
  const claimTag = chosenTag ?? (tagTypes.some((t) => t.id === 'claim') ? 'claim' : (tagTypes[0]?.id ?? 'claim'));
  const read = { annotationsById, linksById, relationTypes, tagTypes, claimTag };
  try {
    const matrix = buildClaimMatrix({ claims: { tag: claimTag }, annotationsById, links, relationTypes, documents: columns });
    return { matrix, error: null, ...read };
  } catch (error) {
    return { matrix: null, error: messageOf(error), ...read };
  }
}
