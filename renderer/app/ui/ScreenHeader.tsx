import type { ReactNode } from 'react';

/// How a screen's title is set in its header bar.
/// - `screen`: a short name ("Timeline") with its line beside it;
/// - `page`: the name of one thing (a document, an actor), long enough to be
///   cut short, with its line under it;
/// - `statement`: a sentence (the compared link), wrapped, with its line under it;
/// - `brand`: the app's name, on the library.
export type TitleStyle = 'screen' | 'page' | 'statement' | 'brand';

/// The way back out of a screen: `to` names where it leads ("Library",
/// "Back"), shown after an arrow.
export interface BackWay {
  to: string;
  onClick: () => void;
  /// A longer description, shown on hovering.
  hint?: string;
  /// Whether this way back leads to the library itself: it then answers
  /// for the library's own control too (`data-testid="library"`), as the
  /// screen shows no second one doing the same.
  isLibrary?: boolean;
}

/// The bar across the top of every screen: the way back (and `nav`, any
/// other way out), the screen's title and its line (`sub`), `children`
/// right beside the title (the search field), then the screen's `actions`
/// at the right end.
export function ScreenHeader({
  back,
  nav,
  title,
  titleStyle = 'screen',
  titleTestId,
  sub,
  subTestId,
  subLive = false,
  underSub,
  children,
  actions,
  className,
}: {
  back?: BackWay;
  nav?: ReactNode;
  title: ReactNode;
  titleStyle?: TitleStyle;
  titleTestId?: string;
  sub?: ReactNode;
  subTestId?: string;
  /// Whether a screen reader reads out the line when it changes (a count).
  subLive?: boolean;
  /// A control under a page's line (the version of a document shown).
  underSub?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  /// A class beside `bar`, for a screen whose bar sets its buttons closer.
  className?: string;
}) {
  const inline = titleStyle === 'screen' || titleStyle === 'brand';
  const hasSub = sub !== undefined && sub !== null && sub !== false && sub !== '';
  const subProps = { className: 'bar-sub', 'data-testid': subTestId, 'aria-live': subLive ? ('polite' as const) : undefined };
  return (
    <header className={className ? `bar ${className}` : 'bar'}>
      {back && (
        <button type="button" className="back" data-testid="back" title={back.hint} onClick={back.onClick}>
          ← {back.isLibrary ? <span data-testid="library">{back.to}</span> : back.to}
        </button>
      )}
      {nav}
      {inline ? (
        <>
          <h1 className={titleStyle === 'brand' ? 'brand' : 'bar-heading'} data-testid={titleTestId}>
            {title}
          </h1>
          {hasSub && <span {...subProps}>{sub}</span>}
        </>
      ) : titleStyle === 'page' ? (
        <div className="bar-title">
          {/* Two lines at most; the whole title on hovering. */}
          <div className="doc-heading" data-testid={titleTestId} title={typeof title === 'string' ? title : undefined}>
            {title}
          </div>
          {hasSub && <div {...subProps}>{sub}</div>}
          {underSub}
        </div>
      ) : (
        <div className="bar-title bar-statement" data-testid={titleTestId}>
          {title}
          {hasSub && <div {...subProps}>{sub}</div>}
        </div>
      )}
      {children}
      {actions !== undefined && (
        <>
          <span className="spacer" />
          {/* One group, so that a narrow window wraps the buttons onto a
              second row at the right instead of squeezing the title. */}
          <div className="bar-actions">{actions}</div>
        </>
      )}
    </header>
  );
}
