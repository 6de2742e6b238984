import type { RefreshData, TokenData } from '@mcp-auth-playground/client';
import { CiteLink, Facts } from '../common.tsx';

export function TokenDetails({ data }: { data: TokenData }) {
  return (
    <>
      <Facts
        items={[
          ['Requested scope', <code key="req">{data.requestedScope ?? 'none sent'}</code>],
          [
            'Granted scope',
            <code key="granted">{data.grantedScope ?? 'not stated (same as requested)'}</code>,
          ],
          ['token_type', data.tokenType],
          ['expires_in', data.expiresIn === undefined ? 'not stated' : `${data.expiresIn} s`],
          ['Refresh token', data.refreshTokenIssued ? 'Issued' : 'None'],
        ]}
      />
      {data.missingRefreshToken && (
        <p className="flow-why" data-testid="no-refresh-token-reason">
          {data.missingRefreshToken.message} <CiteLink cite={data.missingRefreshToken.cite} />
        </p>
      )}
    </>
  );
}

export function RefreshDetails({ data }: { data: RefreshData }) {
  const { rotation } = data;
  return (
    <>
      <Facts
        items={[
          ['Old refresh token', <code key="old">{rotation.old}</code>],
          ['New refresh token', <code key="new">{rotation.new}</code>],
        ]}
      />
      <p className="flow-note" data-testid="rotation">
        {rotation.rotated
          ? 'Rotated: the server issued a new refresh token, and the old one is spent. Using it again would revoke the whole grant.'
          : rotation.kept
            ? 'Not rotated: the response had no refresh token, so the old one stays in use.'
            : 'Not rotated: the server returned the same refresh token.'}
      </p>
    </>
  );
}
