import { InPageLink } from './components/InPageLink.tsx';
import { Link } from './router/Link.tsx';
import { RouteOutlet } from './router/RouteOutlet.tsx';
import { ROUTES } from './routes.tsx';

export function App() {
  return (
    <div className="app">
      <InPageLink className="skip-link" targetId="main">
        Skip to content
      </InPageLink>
      <header className="app-header">
        <div className="app-title">
          <h1>MCP Auth Playground</h1>
          <p className="tagline">
            Edit the documents that drive an MCP client&apos;s authorization request and see which
            scope it asks for, and why.
          </p>
        </div>
        <nav aria-label="Views">
          <ul>
            {ROUTES.filter((route) => route.nav).map((route) => (
              <li key={route.path}>
                <Link to={route.path}>{route.nav}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <RouteOutlet routes={ROUTES} />
      </main>
    </div>
  );
}
