import { createContext, useContext } from 'react';
import type { Annotation } from '../../../../shared/annotation/model';

/// A link being made: from one annotation, to one chosen in the link dialog
/// (by searching) or by clicking a highlight in any document ('pick').
export interface Linking {
  from: Annotation;
  to: Annotation | null;
  mode: 'dialog' | 'pick';
}

/// What the panels and the reader do with a link being made.
export interface LinkingControls {
  linking: Linking | null;
  /// Opens the link dialog from an annotation.
  start(from: Annotation): void;
  /// Closes the dialog to choose the other end in a document's text.
  pickInText(): void;
  /// Takes an annotation as the other end and reopens the dialog.
  choose(to: Annotation): void;
  cancel(): void;
}

export const LinkingContext = createContext<LinkingControls | null>(null);

export function useLinking(): LinkingControls {
  const controls = useContext(LinkingContext);
  if (!controls) throw new RangeError('useLinking was called outside the app’s LinkingContext provider.');
  return controls;
}
