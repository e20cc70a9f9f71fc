import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useRef, useState } from 'react';
import { documentCitation } from '../../../../shared/corpus/cite';
import { formatDateSpan, plainDateSpan } from '../../../../shared/corpus/dates';
import type { DocumentMeta } from '../../../../shared/corpus/metadata';
import type { DocumentSummary } from '../../../data/documents';
import { useDescription, useDocuments } from '../../../data/hooks';
import { useServices } from '../../context';
import { type DetailsField, type DetailsForm, formOf, readForm } from './details-form';
import { messageOf } from '../../../../shared/errors';
import { Dialog } from '../../ui/Dialog';

/// The form a document is described in, the way historians cite: title,
/// author, date (partial dates allowed), archive, fond, file, pages,
/// language, translator, URL, citation, and the collection it is filed in.
/// Renaming a document is editing its title here.
export function DocumentDetailsDialog({ documentId, onClose }: { documentId: string; onClose: () => void }) {
  const document = useDocuments().get(documentId);
  // The list holds no citation or summary: the whole description is read
  // for the form, which opens once it is (one get).
  const meta = useDescription(documentId);
  // Just imported, a document joins the library's map a moment later.
  return document && meta ? <DetailsDialog document={document} meta={meta} onClose={onClose} /> : null;
}

// Hints say what goes in a field, never a value a real document could have:
// "FO 371" or "Czech" in an empty field read as if the document said so.
const fields: { name: DetailsField; label: string; placeholder?: string; wide?: boolean; long?: boolean }[] = [
  { name: 'title', label: 'Title', wide: true },
  { name: 'authors', label: 'Author(s) / issuer', placeholder: 'Surname, forename; or an office — several separated by ;', wide: true },
  { name: 'date', label: 'Date', placeholder: 'a day, a month or a year; a span as year–year' },
  { name: 'originalLanguage', label: 'Original language', placeholder: 'the language it was written in' },
  { name: 'archive', label: 'Archive', placeholder: 'the archive that holds it', wide: true },
  { name: 'fond', label: 'Fond / collection', placeholder: 'fond or series reference' },
  { name: 'folder', label: 'File / folder', placeholder: 'file or folder reference' },
  { name: 'pageRange', label: 'Pages / folios', placeholder: 'pp. or ff.' },
  { name: 'translator', label: 'Translator' },
  { name: 'publisher', label: 'Published by', placeholder: 'the digital archive or journal', wide: true },
  { name: 'url', label: 'Source URL', placeholder: 'https://…', wide: true },
  { name: 'citation', label: 'Citation', wide: true, long: true },
  { name: 'summary', label: 'Summary', wide: true, long: true },
];

function DetailsDialog({ document, meta, onClose }: { document: DocumentSummary; meta: DocumentMeta; onClose: () => void }) {
  const services = useServices();
  const documents = useDocuments();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [form, setForm] = useState<DetailsForm>(() => formOf(meta, document.collection));
  const [errors, setErrors] = useState<Partial<Record<DetailsField, string>>>({});
  const [saving, setSaving] = useState(false);
  // A date guessed from a sentence of the text, confirmed by the researcher.
  const [confirmDate, setConfirmDate] = useState(false);
  const language = document.suggestedLanguage;
  const edited = useLiveQuery(() => services.documents.editOf(document.id), [services, document.id]);

  const collections = useMemo(
    () => [...new Set([...documents.values()].map((d) => d.collection).filter((c): c is string => !!c))].sort((a, b) => a.localeCompare(b)),
    [documents],
  );
  // What "Copy citation" will give, as the form stands (without a page).
  const read = readForm(form, meta, { confirmDate });
  const cited = read.ok ? documentCitation({ ...read.meta, citation: null }) : null;

  // The guess's note stays while the date shown is the guessed one.
  const guessShown = !!meta.date?.guessed && form.date.trim() === plainDateSpan(meta.date);

  const set = (name: DetailsField, value: string) => {
    setForm((before) => ({ ...before, [name]: value }));
    if (errors[name]) setErrors((before) => ({ ...before, [name]: undefined }));
  };

  const save = () => {
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    setSaving(true);
    services.documents
      .edit(document.id, { meta: read.meta, collection: read.collection })
      .then(() => {
        services.notify({ kind: 'info', text: `Saved the details of “${read.meta.title}”.` });
        dialog.current?.close();
      })
      .catch((error: unknown) => services.notify({ kind: 'error', text: `The details were not saved: ${messageOf(error)}` }))
      .finally(() => setSaving(false));
  };

  const restore = () => {
    services.documents
      .edit(document.id, { meta: null })
      .then(() => {
        services.notify({ kind: 'info', text: 'The description read from the file is back.' });
        dialog.current?.close();
      })
      .catch((error: unknown) => services.notify({ kind: 'error', text: `The description was not restored: ${messageOf(error)}` }));
  };

  return (
    <Dialog ref={dialog} title="Details of the document" className="details-dialog" onClose={onClose} testId="document-details">
      <p className="hint">
        {document.fileName} · {document.origin === 'bundled' ? 'came with Palimpsest' : 'imported'}. What you write here is shown in the library and carried
        into every export and citation.
      </p>
      <form
        className="details-grid"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        {fields.map((field) => {
          const fieldId = `${id}-${field.name}`;
          const error = errors[field.name];
          const common = {
            id: fieldId,
            value: form[field.name],
            placeholder: field.name === 'citation' ? (cited ?? undefined) : field.placeholder,
            'aria-invalid': error ? true : undefined,
            'aria-describedby': error ? `${fieldId}-error` : undefined,
            'data-testid': `details-${field.name}`,
          };
          return (
            <div key={field.name} className={`details-field${field.wide ? ' details-wide' : ''}`}>
              <label htmlFor={fieldId}>{field.label}</label>
              {field.long ? (
                <textarea {...common} rows={2} onChange={(event) => set(field.name, event.target.value)} />
              ) : (
                <input {...common} onChange={(event) => set(field.name, event.target.value)} />
              )}
              {field.name === 'citation' && <span className="details-note">Leave empty to cite it from the fields above.</span>}
              {field.name === 'date' && guessShown && (
                <div className="details-guess" data-testid="details-date-guess">
                  <span className="details-note">
                    A guess, from a sentence of the text: the document has no date line or date property. Shown as “{formatDateSpan(meta.date!)}” until you
                    confirm it.
                  </span>
                  <label>
                    <input
                      type="checkbox"
                      checked={confirmDate}
                      data-testid="details-date-confirm"
                      onChange={(event) => setConfirmDate(event.target.checked)}
                    />{' '}
                    This is the document’s date
                  </label>
                </div>
              )}
              {field.name === 'originalLanguage' && language && form.originalLanguage.trim() === '' && (
                <span className="details-note details-suggestion" data-testid="details-language-suggestion">
                  The text reads as {language}.{' '}
                  <button type="button" className="link-button" data-testid="details-language-use" onClick={() => set('originalLanguage', language)}>
                    Use {language}
                  </button>
                </span>
              )}
              {error && (
                <span id={`${fieldId}-error`} className="details-error" role="alert" data-testid={`details-${field.name}-error`}>
                  {error}
                </span>
              )}
            </div>
          );
        })}
        <div className="details-field details-wide">
          <label htmlFor={`${id}-collection`}>Collection in this library</label>
          <input
            id={`${id}-collection`}
            list={`${id}-collections`}
            value={form.collection}
            placeholder="Not filed"
            data-testid="details-collection"
            onChange={(event) => set('collection', event.target.value)}
          />
          <datalist id={`${id}-collections`}>
            {collections.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </div>
        <div className="dialog-actions details-actions details-wide">
          {edited?.meta && (
            <button type="button" className="link-button details-restore" onClick={restore}>
              Back to the description read from the file
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary" data-testid="details-save" disabled={saving}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
