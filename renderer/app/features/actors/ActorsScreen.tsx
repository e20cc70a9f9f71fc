import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { ActorIndex } from '../../../../shared/actors/actor-index';
import type { Actor } from '../../../../shared/actors/model';
import { type ActorNames, actorsForNames } from '../../../../shared/actors/names';
import { suggestAliases } from '../../../../shared/actors/suggest';
import { useServices } from '../../context';
import { messageOf } from '../../../../shared/errors';
import { ScreenHeader } from '../../ui/ScreenHeader';

/// The actors of the library: each with the names that resolve to it, to
/// rename, give aliases, merge and open; and the names tagged in passages
/// that no actor answers to yet, with cautious suggestions.
export function ActorsScreen({ onBack }: { onBack: () => void }) {
  const services = useServices();
  const actors = useLiveQuery(() => services.actors.list(), [services]);
  const names = useLiveQuery(() => services.annotations.actorNameCounts(), [services]);
  const [newName, setNewName] = useState('');

  const library = useMemo(() => (actors && names ? actorsForNames(eachUse(names), new ActorIndex(actors)) : null), [actors, names]);
  const suggestions = useMemo(
    () =>
      new Map(
        (library && actors
          ? suggestAliases(
              library.unresolved.map((u) => u.name),
              actors,
            )
          : []
        ).map((s) => [s.name, s.actor]),
      ),
    [library, actors],
  );

  const attempt = (work: Promise<unknown>, done?: string) =>
    work
      .then(() => done && services.notify({ kind: 'info', text: done }))
      .catch((error: unknown) => services.notify({ kind: 'error', text: messageOf(error) }));

  return (
    <main className="screen actors-screen" data-testid="actors">
      <ScreenHeader
        back={{ to: 'Library', onClick: onBack }}
        titleStyle="page"
        title="Actors"
        sub="People and bodies the sources name, however they spell them"
        actions={
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              void attempt(services.actors.create(newName).then(() => setNewName('')));
            }}
          >
            <input
              value={newName}
              placeholder="New actor’s name"
              aria-label="New actor’s name"
              data-testid="actor-new-name"
              onChange={(e) => setNewName(e.target.value)}
            />
            <button type="submit" disabled={!newName.trim()}>
              Add actor
            </button>
          </form>
        }
      />
      <div className="actors-body">
        {library && library.unresolved.length > 0 && (
          <section className="actors-section">
            <h2>Names tagged that no actor answers to</h2>
            <ul className="unresolved" data-testid="unresolved-names">
              {library.unresolved.map((name) => {
                const suggested = suggestions.get(name.name);
                return (
                  <li key={name.name} data-testid="unresolved-name" data-name={name.name}>
                    <span className="unresolved-name">{name.name}</span>
                    {name.spellings.length > 1 && (
                      <span className="hint">
                        {' '}
                        also spelt{' '}
                        {name.spellings
                          .slice(1)
                          .map((s) => `“${s.name}”`)
                          .join(', ')}
                      </span>
                    )}
                    <span className="unresolved-actions">
                      {suggested && (
                        <button
                          type="button"
                          data-testid="accept-suggestion"
                          onClick={() => void attempt(services.actors.addAlias(suggested.id, name.name), `“${name.name}” is now a name of ${suggested.name}.`)}
                        >
                          Alias of {suggested.name}
                        </button>
                      )}
                      <select
                        aria-label={`Make “${name.name}” an alias of`}
                        data-testid="alias-of"
                        value=""
                        onChange={(e) => {
                          const actor = actors?.find((a) => a.id === e.target.value);
                          if (actor) void attempt(services.actors.addAlias(actor.id, name.name), `“${name.name}” is now a name of ${actor.name}.`);
                        }}
                      >
                        <option value="">Alias of…</option>
                        {(actors ?? []).map((a) => (
                          <option key={a.id} value={a.id}>
                            {a.name}
                          </option>
                        ))}
                      </select>
                      <button
                        type="button"
                        data-testid="make-actor"
                        onClick={() =>
                          void attempt(
                            services.actors.create(
                              name.name,
                              name.spellings.slice(1).map((s) => s.name),
                            ),
                          )
                        }
                      >
                        Make an actor
                      </button>
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        <section className="actors-section">
          <h2>Actors {actors && <span className="count">{actors.length}</span>}</h2>
          {actors && actors.length === 0 && (
            <p className="hint">No actors yet. Tag a passage as Actor and name who it is; the name appears above, ready to become an actor.</p>
          )}
          <ul className="actor-cards">
            {library?.actors.map((entry) => (
              <ActorCard key={entry.actor.id} entry={entry} others={actors ?? []} attempt={attempt} />
            ))}
          </ul>
        </section>
      </div>
    </main>
  );
}

// One entry per tagged passage, as actorsForNames counts them.
function* eachUse(counts: ReadonlyMap<string, number>): Iterable<string> {
  for (const [name, count] of counts) for (let i = 0; i < count; i++) yield name;
}

function ActorCard({ entry, others, attempt }: { entry: ActorNames; others: readonly Actor[]; attempt: (work: Promise<unknown>, done?: string) => void }) {
  const services = useServices();
  const { actor } = entry;
  const [alias, setAlias] = useState('');
  const [name, setName] = useState<string | null>(null);
  return (
    <li className="actor-card" data-testid="actor-card" data-actor={actor.name}>
      <div className="actor-card-head">
        {name === null ? (
          <>
            <button
              type="button"
              className="actor-name"
              data-testid="actor-open"
              title="Every passage naming this actor"
              onClick={() => services.go({ kind: 'actor', actorId: actor.id })}
            >
              {actor.name}
            </button>
            <span className="count" data-testid="actor-count">
              {entry.count} passage{entry.count === 1 ? '' : 's'}
            </span>
            <button type="button" className="link-button" onClick={() => setName(actor.name)}>
              Rename
            </button>
          </>
        ) : (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              attempt(services.actors.rename(actor.id, name).then(() => setName(null)));
            }}
          >
            <input autoFocus value={name} aria-label="New name" onChange={(e) => setName(e.target.value)} />
            <button type="submit">Rename</button>
            <button type="button" onClick={() => setName(null)}>
              Cancel
            </button>
          </form>
        )}
        <select
          className="actor-merge"
          aria-label={`Merge another actor into ${actor.name}`}
          data-testid="actor-merge"
          value=""
          onChange={(e) => {
            const drop = others.find((a) => a.id === e.target.value);
            if (drop && window.confirm(`Merge ${drop.name} into ${actor.name}? Every name of ${drop.name} becomes a name of ${actor.name}.`)) {
              attempt(services.actors.merge(actor.id, drop.id), `${drop.name} merged into ${actor.name}. Undo (Ctrl+Z) takes the merge back.`);
            }
          }}
        >
          <option value="">Merge into this…</option>
          {others
            .filter((a) => a.id !== actor.id)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
        </select>
      </div>
      <div className="actor-aliases">
        <span className="hint">Also called:</span>
        {actor.aliases.map((a) => (
          <span key={a} className="chip alias-chip" data-testid="actor-alias">
            {a}
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove the alias ${a}`}
              onClick={() => attempt(services.actors.removeAlias(actor.id, a))}
            >
              ×
            </button>
          </span>
        ))}
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            attempt(services.actors.addAlias(actor.id, alias).then(() => setAlias('')));
          }}
        >
          <input
            value={alias}
            placeholder="Add an alias"
            aria-label={`Add an alias of ${actor.name}`}
            data-testid="actor-alias-input"
            onChange={(e) => setAlias(e.target.value)}
          />
        </form>
      </div>
      {entry.spellings.length > 0 && <div className="actor-spellings hint">Tagged as {entry.spellings.map((s) => `“${s.name}” (${s.count})`).join(', ')}</div>}
    </li>
  );
}
