import { Suspense, useEffect } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import type { AppRoute } from '../routes.tsx';
import { Link } from './Link.tsx';
import { useRoutePath } from './location.ts';

const PRODUCT = 'MCP Auth Playground';

/** Renders the view of the current path, each inside its own error boundary. */
export function RouteOutlet({ routes }: { routes: readonly AppRoute[] }) {
  const path = useRoutePath();
  const route = routes.find((candidate) => candidate.path === path);

  useEffect(() => {
    document.title = route && route.path !== '/' ? `${route.title} · ${PRODUCT}` : PRODUCT;
  }, [route]);

  if (!route) {
    return (
      <section className="not-found" aria-labelledby="not-found-title">
        <h2 id="not-found-title">No page at {path}</h2>
        <p>
          This address is not part of the playground. <Link to="/">Open the playground</Link>.
        </p>
      </section>
    );
  }
  const View = route.view;
  return (
    <ErrorBoundary key={route.path} name={route.title}>
      <Suspense
        fallback={
          <p role="status" className="view-loading">
            Loading {route.title}…
          </p>
        }
      >
        <View />
      </Suspense>
    </ErrorBoundary>
  );
}
