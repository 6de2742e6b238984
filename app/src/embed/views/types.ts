import type { Evaluation } from '@mcp-auth-playground/core';

export interface EmbedContext {
  /** The evaluation of the scenario the embed's permalink carries. */
  evaluation: Evaluation;
  /** The full playground opened on the same scenario. */
  playgroundHref: string;
}

/**
 * One thing an embed can show, chosen with `?view=`. A view owns `container` until the next
 * mount; the function it may return is called before that (a view drawn by a framework
 * unmounts there).
 */
export interface EmbedView {
  /** Ends the document title, e.g. 'Scope decision'. */
  title: string;
  mount(container: HTMLElement, context: EmbedContext): void | (() => void);
}
