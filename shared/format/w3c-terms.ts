/// The names Palimpsest's W3C files use: its IRIs for annotations and
/// documents, and its extension vocabulary. The extension context is also
/// published as docs/palimpsest-context.jsonld (a test keeps the two the
/// same); each export embeds it, so a JSON-LD processor expands every term
/// to an absolute IRI without fetching anything.

export const w3cContext = 'http://www.w3.org/ns/anno.jsonld';
export const annotationPrefix = 'urn:uuid:';
export const documentPrefix = 'urn:palimpsest:document:';
/// A shared project's author (a machine's stable id), as a W3C `creator`.
export const authorPrefix = 'urn:palimpsest:author:';

/// The namespace of Palimpsest's terms. An IRI that names, not an address
/// to fetch: the context that defines the terms travels in every file.
export const palimpsestNamespace = 'https://w3id.org/palimpsest/ns#';

/// The extension context: what a whole-library export carries beside the
/// annotations (tag types with their colours, relation types, actors with
/// their aliases, sets), and what a target's source says of its document.
/// The lists are JSON literals (`@json`): read back as written.
export const palimpsestContext = {
  '@version': 1.1,
  pal: palimpsestNamespace,
  dcterms: 'http://purl.org/dc/terms/',
  schema: 'http://schema.org/',
  title: 'dcterms:title',
  citation: 'dcterms:bibliographicCitation',
  url: { '@id': 'schema:url', '@type': '@id' },
  tagTypes: { '@id': 'pal:tagTypes', '@type': '@json' },
  relationTypes: { '@id': 'pal:relationTypes', '@type': '@json' },
  actors: { '@id': 'pal:actors', '@type': '@json' },
  sets: { '@id': 'pal:sets', '@type': '@json' },
} as const;
