import { useEffect } from 'react';
import { FlowRunner } from './components/FlowRunner.tsx';
import { configFromSearch, flowSession } from './session/browser.ts';
import './flow.css';

/** /flow: the flow runner. `?server=` and `?profile=` preset the settings (e.g. a live scenario). */
export default function FlowView() {
  const session = flowSession();

  useEffect(() => {
    if (!window.location.search || session.hasStarted()) return;
    session.setConfig(configFromSearch(window.location.search, session.getSnapshot().config));
  }, [session]);

  useEffect(() => {
    // Back from the authorization server without an answer (the page restored from the
    // back-forward cache): the redirect step cannot finish, so it says so.
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) session.noticeAbandonedRedirect();
    };
    window.addEventListener('pageshow', onShow);
    return () => window.removeEventListener('pageshow', onShow);
  }, [session]);

  return <FlowRunner session={session} />;
}
