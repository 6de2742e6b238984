import { useEffect } from 'react';
import { Link } from '../router/Link.tsx';
import { navigate } from '../router/location.ts';
import { noteReturnFromRedirect } from './components/arrival.ts';
import { FlowRunner } from './components/FlowRunner.tsx';
import { acceptCallbackOnce, flowSession } from './session/browser.ts';
import './flow.css';

/**
 * /callback: where the authorization server sends the browser back. The response is handed to
 * the flow waiting in this tab, and the address becomes /flow at once, so the code stays neither
 * in the address bar nor in the history. The flow goes on in this same page, where the tokens
 * will live: its steps run in the session, so the views changing does not hold them up.
 */
export default function CallbackView() {
  const session = flowSession();
  const accepted = acceptCallbackOnce(window.location.href);

  useEffect(() => {
    if (!accepted) return;
    // The /flow page this becomes takes the reader to the step that ran (see arrival.ts).
    noteReturnFromRedirect();
    navigate('/flow', { replace: true });
  }, [accepted]);

  if (accepted) return <FlowRunner session={session} />;
  const { notice } = session.getSnapshot();
  return (
    <section className="flow-view" aria-labelledby="callback-title">
      <h2 id="callback-title">Authorization response</h2>
      <p className="flow-notice" role="status">
        {notice ?? 'No flow in this tab is waiting for an authorization response.'}
      </p>
      <p>
        <Link to="/flow">Open the flow runner</Link> to start again.
      </p>
    </section>
  );
}
