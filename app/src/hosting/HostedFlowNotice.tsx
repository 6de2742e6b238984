import { CITES } from '@mcp-auth-playground/core';
import { ExternalLink } from '../components/ExternalLink.tsx';
import { InlineCode } from '../components/InlineCode.tsx';
import { hrefOf } from '../router/location.ts';
import './hosting.css';

interface HostedFlowNoticeProps {
  /** A production build: no testbed beside it, so the flow runs against the user's server. */
  hosted?: boolean;
  origin?: string;
}

/**
 * What the flow runner needs on a hosted page, where no testbed runs: a server of the user's
 * own, and that server's permission (CORS) for this page to read its answers. Says nothing in
 * a local build, where `npm start` runs the testbed.
 */
export function HostedFlowNotice({
  hosted = !import.meta.env.DEV,
  origin = window.location.origin,
}: HostedFlowNoticeProps) {
  if (!hosted) return null;
  const redirectUri = new URL(hrefOf('/callback'), origin).href;
  return (
    <aside className="hosted-flow-notice" aria-labelledby="hosted-flow-notice-title">
      <h3 id="hosted-flow-notice-title">Running the flow from this page</h3>
      <p>
        This hosted playground has no test servers beside it, so the flow runs against an MCP server
        you name: enter its URL below. To try the flow without a server of your own, run the
        playground on your machine with <code>npm start</code>, which starts a test server too.
      </p>
      <p>
        A browser lets this page read only the servers that allow it, through CORS headers.
        Everything the flow talks to must allow <code>{origin}</code>:
      </p>
      <ul>
        <li>
          <InlineCode text="The MCP server, its Protected Resource Metadata, and the authorization server's metadata, token endpoint and registration endpoint answer with `Access-Control-Allow-Origin` set to this origin (or `*`)." />
        </li>
        <li>
          <InlineCode text="The MCP server and the registration endpoint answer the preflight `OPTIONS` request, allowing `POST` and the headers the client sends (`Authorization`, `Content-Type`, `Mcp-Protocol-Version`, `Mcp-Session-Id`)." />
        </li>
        <li>
          <InlineCode text="The MCP server sends `Access-Control-Expose-Headers: WWW-Authenticate, Mcp-Session-Id`; without it the browser hides its challenge from the page." />
        </li>
        <li>
          The authorization server accepts <code>{redirectUri}</code> as a redirect URI.
        </li>
      </ul>
      <p>
        <ExternalLink href={CITES.corsProtocol.url}>{CITES.corsProtocol.title}</ExternalLink>
      </p>
    </aside>
  );
}
