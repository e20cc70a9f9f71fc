import type { PalimpsestDb, LinkRow } from './db';

/// Reading links. Writing them is an undoable step of the annotation store
/// (annotations.ts), so a link and the annotations it joins undo together.

/// The links from or to an annotation.
export async function linksOf(db: PalimpsestDb, annotationId: string): Promise<LinkRow[]> {
  const [outgoing, incoming] = await Promise.all([db.links.where('from').equals(annotationId).toArray(), db.links.where('to').equals(annotationId).toArray()]);
  // A link from an annotation to itself is refused when made, so no link is
  // in both lists.
  return [...outgoing, ...incoming];
}

/// The links with at least one end in a document.
export async function linksOfDocument(db: PalimpsestDb, documentId: string): Promise<LinkRow[]> {
  const [outgoing, incoming] = await Promise.all([
    db.links.where('fromDocument').equals(documentId).toArray(),
    db.links.where('toDocument').equals(documentId).toArray(),
  ]);
  const seen = new Set(outgoing.map((link) => link.id));
  return [...outgoing, ...incoming.filter((link) => !seen.has(link.id))];
}

/// Every link in the library.
export async function allLinks(db: PalimpsestDb): Promise<LinkRow[]> {
  return db.links.toArray();
}
