import type { Annotation } from '../../../../shared/annotation/model';
import { passageCitation } from '../../../../shared/corpus/cite';
import { useDocuments } from '../../../data/hooks';
import { useServices } from '../../context';
import { copyText } from './clipboard';
import { messageOf } from '../../../../shared/errors';

/// Copies the citation of an annotation's passage: the document's citation
/// and, where the source has pages, the page it is on ("…, p. 2.").
export function CopyCitationButton({ annotation }: { annotation: Annotation }) {
  const services = useServices();
  const document = useDocuments().get(annotation.documentId);
  if (!document) return null;
  const copy = () => {
    // The list holds no citation: the description is read on the click (one
    // get, well within the click's allowance to use the clipboard).
    let citation = '';
    services.documents
      .requiredDescription(document.id)
      .then((meta) => {
        citation = passageCitation({ meta, pages: document.pages }, annotation.position.start, annotation.position.end);
        return copyText(citation);
      })
      .then(() => services.notify({ kind: 'info', text: `Citation copied: ${citation}` }))
      .catch((error: unknown) =>
        services.notify({ kind: 'error', text: `The citation was not copied: ${messageOf(error)}.${citation ? ` It reads: ${citation}` : ''}` }),
      );
  };
  return (
    <button
      type="button"
      className="copy-citation"
      data-testid="entry-copy-citation"
      title={document.pages.length > 0 ? 'Copy the citation of this passage, with its page' : 'Copy the citation of this passage'}
      onClick={copy}
    >
      Copy citation
    </button>
  );
}
