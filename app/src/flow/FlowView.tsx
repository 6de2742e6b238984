import { useEffect } from 'react';
import { FlowRunner } from './components/FlowRunner.tsx';
import { configFromSearch, flowSession } from './session/browser.ts';
import './flow.css';

/** /flow: the flow runner. `?server=` and `?profile=` preset the settings (e.g. a live scenario). */
export default function FlowView() {
  const session = flowSession();

  useEffect(() => {
    // Opened without a response while a flow waits for one (the back button from the
    // authorization server): that flow ends here, and says why.
    session.noticeAbandonedRedirect();
  }, [session]);

  useEffect(() => {
    // A link with settings (e.g. "Run this scenario live") names the server to run against; a
    // flow already under way for another server is restarted for it.
    if (!window.location.search) return;
    const current = session.getSnapshot().config;
    const wanted = configFromSearch(window.location.search, current);
    if (wanted.serverUrl === current.serverUrl && wanted.profile === current.profile) return;
    if (session.hasStarted()) session.restart();
    session.setConfig(wanted);
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

  return <FlowRunner session={session} showReturn />;
}
