import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HostedFlowNotice } from '../../src/hosting/HostedFlowNotice.tsx';

describe('the flow runner’s note for a hosted page', () => {
  it('asks for a server of the user’s own and names what CORS must allow', () => {
    render(<HostedFlowNotice hosted origin="https://docs.example.com" />);
    const note = screen.getByRole('complementary', { name: 'Running the flow from this page' });
    expect(note).toHaveTextContent('enter its URL below');
    expect(note).toHaveTextContent('https://docs.example.com');
    expect(note).toHaveTextContent(
      'Access-Control-Expose-Headers: WWW-Authenticate, Mcp-Session-Id',
    );
    expect(note).toHaveTextContent(
      `accepts ${new URL(`${import.meta.env.BASE_URL}callback`, 'https://docs.example.com').href} as a redirect URI`,
    );
    expect(screen.getByRole('link', { name: /CORS protocol/ })).toHaveAttribute(
      'href',
      'https://fetch.spec.whatwg.org/#http-cors-protocol',
    );
  });

  it('says nothing in a local build, where the testbed runs', () => {
    const { container } = render(<HostedFlowNotice hosted={false} />);
    expect(container).toBeEmptyDOMElement();
  });
});
