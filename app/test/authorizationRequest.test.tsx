import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  AuthorizationRequest,
  urlLines,
} from '../src/views/playground/output/AuthorizationRequest.tsx';

const URL_TEXT =
  'https://as.example.com/authorize?response_type=code&scope=files%3Aread+offline_access&prompt=consent&state=abc';

describe('the authorization URL preview', () => {
  it('puts each parameter on its own line and loses no character', () => {
    render(
      <AuthorizationRequest
        request={{ ok: true, url: URL_TEXT, params: [], fromDecision: ['scope', 'prompt'] }}
        profile={undefined}
      />,
    );
    const preview = screen.getByTestId('authorization-url');
    expect(preview.textContent).toBe(URL_TEXT);
    const { lines } = urlLines(URL_TEXT, ['scope', 'prompt']);
    expect(lines.map((line) => `${line.separator}${line.name}${line.equals}${line.value}`)).toEqual(
      [
        '?response_type=code',
        '&scope=files%3Aread+offline_access',
        '&prompt=consent',
        '&state=abc',
      ],
    );
    const marked = [...preview.querySelectorAll('mark')].map((mark) => mark.textContent);
    expect(marked).toEqual(['files%3Aread+offline_access', 'consent']);
  });

  it('shows why a client refuses instead of a URL', () => {
    render(
      <AuthorizationRequest
        request={{
          ok: false,
          findings: [
            {
              id: 'as/pkce-not-advertised',
              severity: 'error',
              subject: 'auth-server-metadata',
              message: 'Advertise PKCE.',
            },
          ],
        }}
        profile={undefined}
      />,
    );
    expect(screen.queryByTestId('authorization-url')).toBeNull();
    expect(screen.getByText(/No authorization request/)).toBeVisible();
    expect(screen.getByText('as/pkce-not-advertised')).toBeVisible();
  });
});
