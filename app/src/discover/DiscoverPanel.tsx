import { useQuery } from '@tanstack/react-query';
import { memo, useId, type Dispatch } from 'react';
import { FindingItem } from '../components/FindingItem.tsx';
import type { Drafts, DraftsAction } from '../shared/drafts.ts';
import { readAnything } from './applyDiscovery.ts';
import { AttemptList } from './AttemptList.tsx';
import { failureAdvice, groupFindings } from './grouping.ts';
import { relayQuery } from './relay.ts';
import { RelayNote } from './RelayNote.tsx';
import { summarize } from './summary.ts';
import { TESTBED_MCP_URL } from './testbed.ts';
import { useDiscover } from './useDiscover.ts';
import './discover.css';

interface DiscoverPanelProps {
  /** The MCP server URL as typed. */
  serverUrl: string;
  /**
   * The playground's drafts as they are when called, which discovery replaces. A function, so
   * typing in an editor does not re-render this panel.
   */
  currentDrafts: () => Drafts;
  dispatch: Dispatch<DraftsAction>;
}

/**
 * Discover: reads the MCP server URL's 401, Protected Resource Metadata and authorization server
 * metadata as a client would, lists every request as it happens, and fills the editors in one
 * step that "Undo discover" takes back.
 */
export const DiscoverPanel = memo(function DiscoverPanel({
  serverUrl,
  currentDrafts,
  dispatch,
}: DiscoverPanelProps) {
  const titleId = useId();
  const discover = useDiscover(serverUrl, currentDrafts, dispatch);
  const relay = useQuery(relayQuery);
  const { result, pending, undo } = discover;
  const noUrl = serverUrl.trim() === '';

  let status = '';
  if (pending) status = `Discovering ${serverUrl.trim()}…`;
  else if (discover.error) status = `Discovery failed: ${discover.error.message}`;
  else if (result) status = summarize(result);
  const advice = !pending && result ? failureAdvice(result) : undefined;
  // A run that read nothing failed the same way at every URL: its requests fold away, and the
  // failure is said once, in the status, the advice and one problem per cause.
  const failed = !pending && result !== undefined && !result.cancelled && !readAnything(result);
  const problems = result ? groupFindings(result.findings) : [];
  const offerTestbed = relay.data?.kind === 'available' && serverUrl.trim() !== TESTBED_MCP_URL;

  return (
    <section className="discover" aria-labelledby={titleId}>
      <h3 id={titleId} className="discover-title">
        Discover from the server
      </h3>
      <p className="hint">
        Sends the MCP server URL an unauthenticated request, then reads its Protected Resource
        Metadata and its authorization server&apos;s metadata the way a client would, and puts what
        it finds in the editors below.
      </p>
      <div className="discover-actions">
        <button
          type="button"
          className="primary"
          onClick={discover.start}
          disabled={pending || noUrl}
          title={noUrl ? 'Enter the MCP server URL first' : undefined}
        >
          Discover
        </button>
        {pending && (
          <button type="button" onClick={discover.cancel}>
            Cancel
          </button>
        )}
        {!pending && undo?.kind === 'undo' && (
          <button type="button" onClick={discover.undoDiscover}>
            Undo discover
          </button>
        )}
        {!pending && undo?.kind === 'redo' && (
          <button type="button" onClick={discover.redoDiscover}>
            Redo discover
          </button>
        )}
      </div>
      <RelayNote status={relay.data} />
      {offerTestbed && (
        <p className="hint discover-testbed">
          The testbed runs on this machine.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() =>
              dispatch({ type: 'set-field', field: 'serverUrl', value: TESTBED_MCP_URL })
            }
          >
            Use its MCP server, {TESTBED_MCP_URL}
          </button>
        </p>
      )}
      <p className="discover-status" role="status">
        {status}
      </p>
      {advice && <p className="discover-advice">{advice}</p>}
      {failed ? (
        <details className="discover-requests">
          <summary>
            The {discover.attempts.length} {discover.attempts.length === 1 ? 'request' : 'requests'}{' '}
            it sent
          </summary>
          <AttemptList attempts={discover.attempts} />
        </details>
      ) : (
        <AttemptList attempts={discover.attempts} />
      )}
      {problems.length > 0 && (
        <ul className="findings-items discover-findings" aria-label="Discovery problems">
          {problems.map(({ finding, alsoAt }, index) => (
            <FindingItem
              key={`${finding.id}-${index}`}
              finding={alsoAt.length === 0 ? finding : withAlsoAt(finding, alsoAt)}
              testId={undefined}
            />
          ))}
        </ul>
      )}
    </section>
  );
});

/** The finding's message, followed by the other URLs where the same happened. */
function withAlsoAt<T extends { message: string }>(finding: T, alsoAt: readonly string[]): T {
  const urls = alsoAt.join(', ');
  return { ...finding, message: `${finding.message} The same happened at ${urls}.` };
}
