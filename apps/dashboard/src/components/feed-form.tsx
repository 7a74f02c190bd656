// The feed URL field: connect the dashboard to another server without reloading. The URL is
// written back to `?ws=` so a reload or a shared link keeps it.
import { useEffect, useState, type FormEvent } from 'react';
import { feedUrlProblem } from '../feed/config.js';
import { useStore } from '../store-context.js';

/** The feed URL form. */
export function FeedForm({ url }: { url: string }) {
  const store = useStore();
  const [draft, setDraft] = useState(url);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setDraft(url), [url]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = draft.trim();
    const issue = feedUrlProblem(next);
    setProblem(issue);
    if (issue !== null) return;
    const page = new URL(window.location.href);
    page.searchParams.set('ws', next);
    window.history.replaceState(null, '', page);
    store.setUrl(next);
  };
  return (
    <form className="feed-form" onSubmit={submit} data-testid="feed-form">
      <input
        aria-label="Feed URL"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        spellCheck={false}
        className={problem !== null ? 'invalid' : ''}
        title={problem ?? 'WebSocket URL of the Marksim feed'}
      />
      <button type="submit">Connect</button>
      {problem !== null && <span className="form-problem">{problem}</span>}
    </form>
  );
}
