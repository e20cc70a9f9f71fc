import type { Invitation } from '../sync/invitation';
import type { SyncSession } from '../sync/session';
import { createContext, useContext } from 'react';
import type { NativeFile } from '../../shared/format/native';
import type { Host } from '../host/host';
import type { SearchClient } from '../search/search-client';
import type { ImportClient } from '../work/import-client';
import type { AnnotationStore } from '../store/annotations';
import type { BackupScheduler } from '../store/backups';
import type { DocumentsRepository } from '../data/documents';
import type { LibraryRepository } from '../data/library';
import type { ReviewsRepository } from '../data/reviews';
import type { TagTypeStore } from '../store/tag-types';
import type { ActorStore } from '../store/actors';
import type { SetStore } from '../store/sets';
import type { RelationTypeStore } from '../store/relation-types';
import type { Screen } from './screens';

/// What every part of the UI reaches: the repositories (never the
/// database itself), the workers and the host.
export interface AppServices {
  /// The library's documents: their list, and each text when asked for.
  documents: DocumentsRepository;
  /// A document's revisions and the review list a revision left.
  reviews: ReviewsRepository;
  /// Exports, backup files and restoring: work over the whole library.
  library: LibraryRepository;
  annotations: AnnotationStore;
  tagTypes: TagTypeStore;
  actors: ActorStore;
  sets: SetStore;
  relationTypes: RelationTypeStore;
  backups: BackupScheduler;
  /// Full-text search over the documents, run in a worker.
  search: SearchClient;
  /// Sharing the library as a project: a session bound to this library.
  sync: {
    begin(invitation: Invitation, onError: (error: Error) => void): Promise<SyncSession>;
    resume(onError: (error: Error) => void): Promise<SyncSession | null>;
  };
  /// Annotation files read, planned and written in a worker.
  imports: ImportClient;
  host: Host;
  notify(notice: Notice): void;
  /// Goes to a screen: a document at an annotation, two side by side, …
  go(screen: Screen): void;
  /// Asks for a file to import and shows what importing it would do.
  startImport(): void;
  /// Offers the export formats for all annotations or one document's.
  openExport(scope: NativeFile['scope']): void;
}

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new RangeError('useServices was called outside the app’s ServicesContext provider.');
  return services;
}
