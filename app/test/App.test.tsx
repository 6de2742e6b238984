import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from './renderApp.tsx';

vi.mock('../src/views/playground/inputs/editor/JsonEditor.tsx', async () => ({
  default: (await import('../src/views/playground/inputs/editor/EditorFallback.tsx'))
    .EditorFallback,
}));

beforeEach(() => {
  // The page asks the local testbed whether its relay is up; these tests run without one.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('no network in unit tests')));
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('App', () => {
  it('names the product in its main heading', () => {
    renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'MCP Auth Playground' })).toBeVisible();
  });

  it('says when an address is not part of the app, with a way back', () => {
    window.history.replaceState(null, '', '/nowhere');
    renderApp();
    expect(screen.getByRole('heading', { name: 'No page at /nowhere' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Open the playground' })).toHaveAttribute('href', '/');
  });
});
