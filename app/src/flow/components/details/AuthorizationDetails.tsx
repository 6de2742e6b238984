import type {
  AuthorizationRequestData,
  AuthorizationResponseData,
} from '@mcp-auth-playground/client';
import { Facts, ParamTable } from '../common.tsx';

export function AuthorizationRequestDetails({ data }: { data: AuthorizationRequestData }) {
  const endpoint = data.url.split('?')[0] ?? data.url;
  return (
    <>
      <Facts
        items={[
          ['Authorization endpoint', <code key="endpoint">{endpoint}</code>],
          ['Recorded issuer', <code key="issuer">{data.issuer}</code>],
          ['prompt=consent', data.promptConsent ? 'Sent' : 'Not sent'],
        ]}
      />
      <ParamTable params={data.params} caption="Query parameters of the authorization request" />
      <p className="flow-note">
        The PKCE verifier, the state and the recorded issuer wait in this tab’s sessionStorage while
        the browser is at the authorization server, and are removed as soon as it is back. The
        verifier never appears in a URL.
      </p>
      {data.deviations.length > 0 && (
        <ul className="flow-notes">
          {data.deviations.map((deviation) => (
            <li key={deviation}>{deviation}</li>
          ))}
        </ul>
      )}
    </>
  );
}

export function AuthorizationResponseDetails({ data }: { data: AuthorizationResponseData }) {
  return (
    <>
      {data.params.length > 0 && (
        <ParamTable params={data.params} caption="Parameters the authorization server sent back" />
      )}
      {data.checks.length > 0 && (
        <ul className="flow-checks">
          {data.checks.map((check) => (
            <li key={check}>{check}</li>
          ))}
        </ul>
      )}
    </>
  );
}
